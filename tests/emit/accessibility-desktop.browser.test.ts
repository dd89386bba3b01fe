/**
 * Accessibility of the published website at 1280px in Chromium: axe on every page (the single page
 * included) and the structural checks. The other widths, and what all of them check, are in
 * accessibility.browser.test.ts; the checks are in tests/support/a11y.ts.
 */
import { describe, inject } from 'vitest';
import { checkPagesAtWidth, htmlPages, useBrowser } from '../support/a11y.js';

const dist = inject('exampleOut');
const browser = useBrowser();

describe('the published website in a browser', () => {
  checkPagesAtWidth(dist, htmlPages(dist), browser, { name: 'desktop', width: 1280, height: 900, axe: true });
});
