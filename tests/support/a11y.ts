/**
 * Accessibility checks of a built website in a real browser, shared by the files that check it
 * (tests/emit/accessibility*.browser.test.ts for the example, tests/strategies/thamesmouth-*.browser.test.ts
 * for the second one). Each file checks one or two widths, so the two workers share the axe runs, which
 * are the longest part of the suite; each file starts one browser, and each page is loaded once per width.
 *
 * axe-core runs WCAG 2.0/2.1/2.2 A and AA and best practice, with every disclosure opened so the chart
 * data tables are checked too. The site's CSP forbids inline scripts, so CSP is bypassed for the test
 * page to inject axe (it changes nothing else).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../../scripts/emit/browser.js';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The HTML pages of a built site, sorted. */
export function htmlPages(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Chromium as the build finds and starts it (headless, the build's arguments), for a test file. */
export function launchTestBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findBrowser(), headless: true, args: BROWSER_ARGS, timeout: 60_000 });
}

/** One browser for the calling test file: started before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchTestBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return browser;
  };
}

/** A page of `dir` loaded over file:// at a width, handed to `fn`, then closed. */
export async function withPage<T>(
  browser: Browser,
  dir: string,
  file: string,
  width: number,
  height: number,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.setBypassCSP(true);
    await page.setViewport({ width, height });
    await page.goto(pathToFileURL(path.join(dir, file)).href, { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await page.close();
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string | undefined }[];
}

/** Run axe with every <details> open, and return its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags: string[]) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** axe's violations as a readable message: rule, help, the first nodes and why each fails. */
export function report(file: string, width: number, violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.map(String).join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n\s*/g, ' ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `${file} at ${width}px: ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Structural facts about a page, read in the browser. */
export interface PageFacts {
  lang: string;
  title: string;
  mains: number;
  skipLinks: { href: string; targetExists: boolean }[];
  charts: { id: string; role: string | null; name: string; marked: string[] }[];
  tables: { where: string; data: boolean; chart: boolean; caption: string; ths: number; headerRow: boolean }[];
  imagesWithoutAlt: string[];
  overflow: { scrollWidth: number; viewport: number; culprits: string[] };
}

export async function factsOf(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const nameOf = (el: Element): string => {
      const label = el.getAttribute('aria-label');
      if (label?.trim()) return label.trim();
      const ids = el.getAttribute('aria-labelledby');
      if (ids)
        return ids
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join(' ')
          .trim();
      return el.querySelector(':scope > title')?.textContent?.trim() ?? '';
    };
    const charts = [...document.querySelectorAll('figure.chart svg, .chart__image > svg')]
      .filter((svg) => svg.parentElement?.closest('svg') === null)
      .map((svg) => ({
        id: svg.closest('.chart')?.id ?? describe(svg),
        role: svg.getAttribute('role'),
        name: nameOf(svg),
        marked: [...svg.querySelectorAll('[role], [aria-label], [aria-labelledby]')].map(describe),
      }));
    const tables = [...document.querySelectorAll('table')].map((t) => ({
      where: `${describe(t)} in ${describe(t.closest('section, article, figure, details, .chart, main') ?? document.body)}`,
      data: t.classList.contains('govuk-table'),
      chart: t.classList.contains('chart-table'),
      caption: t.querySelector(':scope > caption')?.textContent?.trim() ?? '',
      ths: t.querySelectorAll('th').length,
      headerRow: !!t.querySelector(':scope > thead > tr > th'),
    }));
    const vw = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > vw + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`);
    const skipLinks = [...document.querySelectorAll('a.govuk-skip-link')].map((a) => {
      const href = a.getAttribute('href') ?? '';
      return {
        href,
        targetExists: href.startsWith('#') && !!document.getElementById(decodeURIComponent(href.slice(1))),
      };
    });
    return {
      lang: document.documentElement.getAttribute('lang') ?? '',
      title: document.title.trim(),
      mains: document.querySelectorAll('main, [role="main"]').length,
      skipLinks,
      charts,
      tables,
      imagesWithoutAlt: [...document.querySelectorAll('img')].filter((img) => !img.hasAttribute('alt')).map(describe),
      overflow: { scrollWidth: document.documentElement.scrollWidth, viewport: vw, culprits },
    };
  });
}

export interface Width {
  name: string;
  width: number;
  height: number;
  /** Whether axe runs at this width (the structure is checked at every width). */
  axe: boolean;
}

/**
 * The checks of every page of a site at one width: axe (where the width runs it; the single page
 * `full.html` repeats every section page, so axe checks it at desktop width only), and the structure a
 * screen reader relies on, asserted directly: landmarks, skip link, language, title, chart images,
 * data tables, image alt text and reflow. Each page is loaded once for both of its tests: the structure
 * is read as published (every disclosure as the page has it), then axe runs with every disclosure open.
 * Reading the structure changes nothing in the page.
 */
export function checkPagesAtWidth(dir: string, pages: string[], browser: () => Browser, at: Width): void {
  const { name, width, height, axe } = at;
  const checked = new Map<string, Promise<{ facts: PageFacts; violations?: AxeViolation[] }>>();
  const axeRuns = (f: string) => axe && (width === 1280 || f !== 'full.html');
  const check = (file: string) => {
    let result = checked.get(file);
    if (!result) {
      result = withPage(browser(), dir, file, width, height, async (page) => {
        const facts = await factsOf(page);
        return axeRuns(file) ? { facts, violations: await axeViolations(page) } : { facts };
      });
      checked.set(file, result);
    }
    return result;
  };

  describe(`at ${width}px (${name})`, () => {
    if (axe)
      it.each(pages.filter(axeRuns))('%s has no axe violations', async (file) => {
        const { violations } = await check(file);
        if (!violations) throw new Error(`axe did not run on ${file} at ${width}px`);
        expect(
          violations,
          `axe found ${violations.length} kind(s) of violation:\n\n${report(file, width, violations)}`,
        ).toEqual([]);
      });

    it.each(pages)(
      '%s has one main, a working skip link, lang, a title, named charts, captioned tables and no sideways scroll',
      async (file) => {
        const { facts } = await check(file);
        expect(facts.mains, 'exactly one <main>').toBe(1);
        expect(facts.skipLinks.length, 'a skip link').toBeGreaterThanOrEqual(1);
        for (const link of facts.skipLinks)
          expect(link.targetExists, `the skip link's target ${link.href} exists`).toBe(true);
        expect(facts.lang).toMatch(/^[a-z]{2,3}(-[A-Z]{2})?$/);
        expect(facts.title.length).toBeGreaterThan(0);

        for (const chart of facts.charts) {
          expect(chart.role, `${chart.id}: the chart <svg> has role="img"`).toBe('img');
          expect(chart.name.length, `${chart.id}: the chart <svg> has an accessible name`).toBeGreaterThan(0);
          expect(
            chart.marked,
            `${chart.id}: nothing inside the SVG has a role or label (marks and axes stay out of the accessibility tree)`,
          ).toEqual([]);
        }

        for (const table of facts.tables) {
          expect(table.ths, `${table.where}: has <th> headers`).toBeGreaterThan(0);
          expect(table.headerRow, `${table.where}: has a header row`).toBe(true);
        }
        // Data tables (blocks and charts' data) have a caption; Markdown tables cannot have one in GFM.
        for (const table of facts.tables.filter((t) => t.data)) {
          expect(table.caption.length, `${table.where}: has a caption`).toBeGreaterThan(0);
        }

        expect(facts.imagesWithoutAlt, 'images without alt').toEqual([]);
        expect(
          facts.overflow.scrollWidth,
          `the page is no wider than the screen (WCAG 1.4.10): ${facts.overflow.culprits.join('; ')}`,
        ).toBeLessThanOrEqual(facts.overflow.viewport);
      },
    );
  });
}

/** axe on each of `pages` at one width, a test per page (no structural checks). */
export function axeEachPage(dir: string, pages: string[], browser: () => Browser, width: number, height: number): void {
  it.each(pages)(`%s passes axe at ${width}px`, async (file) => {
    const violations = await withPage(browser(), dir, file, width, height, axeViolations);
    expect(
      violations,
      `axe found ${violations.length} kind(s) of violation:\n\n${report(file, width, violations)}`,
    ).toEqual([]);
  });
}
