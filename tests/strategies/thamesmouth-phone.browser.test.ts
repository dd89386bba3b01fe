/**
 * The second example (tests/strategies/thamesmouth) passes axe (WCAG 2.2 AA and best practice) on
 * every page at phone width, in Chromium, on the shared build. The single page repeats every section
 * page, so it is checked at desktop width only (thamesmouth-desktop.browser.test.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import { axeEachPage, htmlPages, useBrowser } from '../support/a11y.js';

const dist = inject('secondOut');
const browser = useBrowser();
const pages = htmlPages(dist);

describe('the second example is published like the first', () => {
  describe('passes axe (WCAG 2.2 AA) on every page at phone width', () => {
    it('has its single page, left to the desktop check, and the section pages', () => {
      expect(pages).toContain('full.html');
      expect(pages.length).toBeGreaterThanOrEqual(15);
    });
    axeEachPage(
      dist,
      pages.filter((f) => f !== 'full.html'),
      browser,
      390,
      900,
    );
  });
});
