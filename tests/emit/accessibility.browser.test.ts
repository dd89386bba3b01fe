/**
 * Accessibility of the published website, checked in a real browser: every page of the example build
 * is loaded over file:// in Chromium at 1280, 375 and 320px; axe-core runs on it at 1280 and 320px
 * (WCAG 2.0/2.1/2.2 A and AA, and best practice), with every disclosure opened so the chart data tables are checked too, and the structure a screen reader relies on is asserted directly:
 * landmarks, skip link, language, title, chart images, data tables, image alt text and reflow.
 *
 * One browser for the file; each page is loaded once at each width, its structure read first and axe
 * run on it after, and closed. The site's CSP forbids inline scripts, so CSP is bypassed for the test
 * page to inject axe (it changes nothing else).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../../scripts/emit/browser.js';

const dist = inject('exampleOut');
const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/**
 * axe runs at the widest and the narrowest width; at 375px, which lays out as 320px does, the
 * structural checks run (overflow included). The single page repeats every section page, so axe
 * checks it at desktop width only.
 */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900, axe: true },
  { name: 'phone', width: 375, height: 812, axe: false },
  { name: 'small phone (400% zoom)', width: 320, height: 640, axe: true },
] as const;

const PAGES = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.html'))
  .sort();

let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: BROWSER_ARGS,
    timeout: 60_000,
  });
});

afterAll(async () => {
  await browser?.close();
});

async function withPage<T>(file: string, width: number, height: number, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.setBypassCSP(true);
    await page.setViewport({ width, height });
    await page.goto(pathToFileURL(path.join(dist, file)).href, { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await page.close();
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string | undefined }[];
}

/** Run axe with every <details> open, and return its violations. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
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
  }, TAGS);
}

function report(file: string, width: number, violations: AxeViolation[]): string {
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
interface PageFacts {
  lang: string;
  title: string;
  mains: number;
  skipLinks: { href: string; targetExists: boolean }[];
  charts: { id: string; role: string | null; name: string; marked: string[] }[];
  tables: { where: string; data: boolean; chart: boolean; caption: string; ths: number; headerRow: boolean }[];
  imagesWithoutAlt: string[];
  overflow: { scrollWidth: number; viewport: number; culprits: string[] };
}

async function factsOf(page: Page): Promise<PageFacts> {
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

interface Checked {
  facts: PageFacts;
  /** Absent where axe does not run at that width. */
  violations?: AxeViolation[];
}
const checked = new Map<string, Promise<Checked>>();

/**
 * A page at a width, loaded once for both of its tests: the structure is read as published (every
 * disclosure as the page has it), then axe runs with every disclosure open. Reading the structure
 * changes nothing in the page.
 */
function check(file: string, width: number, height: number, axe: boolean): Promise<Checked> {
  const key = `${file} ${width}`;
  let result = checked.get(key);
  if (!result) {
    result = withPage(file, width, height, async (page) => {
      const facts = await factsOf(page);
      return axe ? { facts, violations: await axeViolations(page) } : { facts };
    });
    checked.set(key, result);
  }
  return result;
}

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

  for (const { name, width, height, axe } of WIDTHS) {
    describe(`at ${width}px (${name})`, () => {
      const axeRuns = (f: string) => axe && (width === 1280 || f !== 'full.html');
      if (axe)
        it.each(PAGES.filter(axeRuns))('%s has no axe violations', async (file) => {
          const { violations } = await check(file, width, height, true);
          if (!violations) throw new Error(`axe did not run on ${file} at ${width}px`);
          expect(
            violations,
            `axe found ${violations.length} kind(s) of violation:\n\n${report(file, width, violations)}`,
          ).toEqual([]);
        });

      it.each(PAGES)(
        '%s has one main, a working skip link, lang, a title, named charts, captioned tables and no sideways scroll',
        async (file) => {
          const { facts } = await check(file, width, height, axeRuns(file));
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

  it('finds the charts it checks (the selectors still match the markup)', async () => {
    const facts = await withPage('needs-assessment.html', 1280, 900, factsOf);
    expect(facts.charts.length).toBeGreaterThanOrEqual(2);
    expect(facts.tables.filter((t) => t.chart).length).toBe(facts.charts.length);
    const home = await withPage('index.html', 390, 844, factsOf);
    expect(home.skipLinks).toEqual([{ href: '#main-content', targetExists: true }]);
  });

  it('catches what it is meant to catch: a page with an unnamed chart, a bare scroll box and a missing alt fails', async () => {
    const page = await browser.newPage();
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
