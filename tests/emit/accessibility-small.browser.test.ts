/**
 * Accessibility of the published website at 320px (400% zoom) in Chromium: axe on every page but the
 * single page (which repeats every section page and is checked at 1280px) and the structural checks on
 * every page. The other widths, and what all of them check, are in accessibility.browser.test.ts; the
 * checks are in tests/support/a11y.ts.
 */
import { describe, inject } from 'vitest';
import { checkPagesAtWidth, htmlPages, useBrowser } from '../support/a11y.js';

const dist = inject('exampleOut');
const browser = useBrowser();

describe('the published website in a browser', () => {
  checkPagesAtWidth(dist, htmlPages(dist), browser, {
    name: 'small phone (400% zoom)',
    width: 320,
    height: 640,
    axe: true,
  });
});
