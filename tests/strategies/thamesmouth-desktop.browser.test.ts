/**
 * The second example (tests/strategies/thamesmouth) passes axe (WCAG 2.2 AA and best practice) on
 * every page at desktop width, in Chromium, on the shared build. Phone width is
 * thamesmouth-phone.browser.test.ts; the figures and the PDF are thamesmouth.test.ts. Two files, so that
 * the two workers share the axe runs.
 */
import { describe, inject } from 'vitest';
import { axeEachPage, htmlPages, useBrowser } from '../support/a11y.js';

const dist = inject('secondOut');
const browser = useBrowser();

describe('the second example is published like the first', () => {
  describe('passes axe (WCAG 2.2 AA) on every page at desktop width', () => {
    axeEachPage(dist, htmlPages(dist), browser, 1280, 900);
  });
});
