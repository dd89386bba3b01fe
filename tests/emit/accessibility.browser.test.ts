/**
 * Accessibility of the published website, checked in a real browser: every page of the example build
 * is loaded over file:// in Chromium at 1280, 375 and 320px; axe-core runs on it at 1280 and 320px
 * (WCAG 2.0/2.1/2.2 A and AA, and best practice), with every disclosure opened so the chart data tables
 * are checked too, and the structure a screen reader relies on is asserted directly at every width:
 * landmarks, skip link, language, title, chart images, data tables, image alt text and reflow.
 *
 * The widths are three files, so that the two workers share the axe runs: this one (375px, which lays
 * out as 320px does: the structural checks, overflow included, and the checks of the checks),
 * accessibility-desktop.browser.test.ts (1280px, axe) and accessibility-small.browser.test.ts (320px,
 * axe). The checks themselves are in tests/support/a11y.ts. One browser per file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, checkPagesAtWidth, factsOf, htmlPages, useBrowser, withPage } from '../support/a11y.js';

const dist = inject('exampleOut');
const PAGES = htmlPages(dist);
const browser = useBrowser();

describe('the published website in a browser', () => {
  it('has the pages it should', () => {
    for (const page of [
      'index.html',
      'executive-summary.html',
      'risk-register.html',
      'appendix-horizon-scan.html',
      'glossary.html',
      'full.html',
      'accessibility.html',
      'dashboard.html',
      'priority-serious-violence.html',
      'search.html',
      '404.html',
    ]) {
      expect(PAGES).toContain(page);
    }
    expect(PAGES.length).toBeGreaterThanOrEqual(15);
  });

  checkPagesAtWidth(dist, PAGES, browser, { name: 'phone', width: 375, height: 812, axe: false });

  it('finds the charts it checks (the selectors still match the markup)', async () => {
    const facts = await withPage(browser(), dist, 'needs-assessment.html', 1280, 900, factsOf);
    expect(facts.charts.length).toBeGreaterThanOrEqual(2);
    expect(facts.tables.filter((t) => t.chart).length).toBe(facts.charts.length);
    const home = await withPage(browser(), dist, 'index.html', 390, 844, factsOf);
    expect(home.skipLinks).toEqual([{ href: '#main-content', targetExists: true }]);
  });

  it('catches what it is meant to catch: a page with an unnamed chart, a bare scroll box and a missing alt fails', async () => {
    const page = await browser().newPage();
    try {
      await page.setBypassCSP(true);
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(pathToFileURL(path.join(dist, 'risk-register.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => {
        const svg = document.querySelector('.chart svg')!;
        svg.removeAttribute('aria-labelledby');
        svg.querySelector('title')?.remove();
        svg.querySelector('rect, path')?.setAttribute('role', 'img');
        document.querySelectorAll('.table-wrap').forEach((wrap) => wrap.removeAttribute('tabindex'));
        document
          .querySelector('main')!
          .insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
      });
      const ids = (await axeViolations(page)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['svg-img-alt', 'scrollable-region-focusable', 'image-alt']));
      const facts = await factsOf(page);
      expect(facts.charts[0]!.name).toBe('');
      expect(facts.charts[0]!.marked.length).toBeGreaterThan(0);
      expect(facts.imagesWithoutAlt.length).toBe(1);
    } finally {
      await page.close();
    }
  });
});
