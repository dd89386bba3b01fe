/**
 * How the website behaves in Chromium, on the shared example build: table headers never broken inside
 * a word, chart text never under 11 px on a phone, search (Pagefind, over HTTP as it is published)
 * finding a KPI by its title, and the dashboard filter with and without JavaScript.
 * One browser and one static server (port 0) for the file; at 375px each page is loaded once for both
 * of its checks.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchTestBrowser } from '../support/a11y.js';

const dist = inject('exampleOut');
const PAGES = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.html'))
  .sort();
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

let browser: Browser;
let server: http.Server;
let base: string;

beforeAll(async () => {
  browser = await launchTestBrowser();
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dist, rel);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      .end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open<T>(file: string, width: number, fn: (page: Page) => Promise<T>, js = true): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(js);
    await page.setViewport({ width, height: 900 });
    await page.goto(base + file, { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** Words of table headers whose letters fall on more than one rendered line. */
const brokenHeaderWords = (page: Page) =>
  page.evaluate(() => {
    const broken: string[] = [];
    for (const th of document.querySelectorAll('th')) {
      if (th.getClientRects().length === 0) continue;
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          // A hyphenated word may break after its hyphen; anywhere else is a broken word.
          if (tops.size > 1 && !/^[^-]+(-[^-]+)+$/.test(m[0])) broken.push(m[0]);
        }
      }
    }
    return broken;
  });

/** Each chart's smallest text as drawn on the screen, in px. */
const smallestChartText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('svg.chart-svg')].map((svg) => {
      const ctm = (svg as SVGSVGElement).getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const sizes = [...svg.querySelectorAll('text')].map(
        (t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale,
      );
      return { id: svg.closest('.chart')?.id ?? '', min: sizes.length ? Math.min(...sizes) : 99 };
    }),
  );

const phone = new Map<string, Promise<{ broken: string[]; smallest: { id: string; min: number }[] }>>();
/** A page at 375px, loaded once for its header and chart text checks (both only read the layout). */
function atPhoneWidth(file: string) {
  let result = phone.get(file);
  if (!result) {
    result = open(file, 375, async (page) => ({
      broken: await brokenHeaderWords(page),
      smallest: await smallestChartText(page),
    }));
    phone.set(file, result);
  }
  return result;
}

describe('the website in a browser', () => {
  for (const width of [320, 375, 1280]) {
    it.each(PAGES)(`%s at ${width}px: no table header is broken inside a word`, async (file) => {
      const broken = width === 375 ? (await atPhoneWidth(file)).broken : await open(file, width, brokenHeaderWords);
      expect(broken).toEqual([]);
    });
  }

  it.each(PAGES.filter((p) => !['404.html', 'search.html'].includes(p)))(
    '%s at 375px: every chart’s smallest text is at least 11px',
    async (file) => {
      const { smallest } = await atPhoneWidth(file);
      for (const chart of smallest) expect(chart.min, chart.id).toBeGreaterThanOrEqual(10.95);
    },
  );

  it('finds a KPI by its title with the search page', async () => {
    const results = await open(`search.html?q=${encodeURIComponent('Knife crime offences')}`, 1280, async (page) => {
      await page.waitForSelector('.site-search__result', { timeout: 20_000 });
      return page.$$eval('.site-search__link', (as) =>
        as.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' })),
      );
    });
    expect(results.some((r) => r.text.includes('Knife crime offences'))).toBe(true);
    expect(results.some((r) => /#kpi-(card-)?knife-crime-offences|#kpi-sv-01|kpi-card-sv-01/.test(r.href))).toBe(true);
  });

  it('without JavaScript, the search link leads to the contents', async () => {
    const href = await open(
      'risk-register.html',
      1280,
      (page) => page.$eval('.site-header__search', (a) => a.getAttribute('href')),
      false,
    );
    expect(href).toBe('index.html#contents');
    const withJs = await open('risk-register.html', 1280, (page) =>
      page.$eval('.site-header__search', (a) => a.getAttribute('href')),
    );
    expect(withJs).toBe('search.html');
  });

  it('filters the dashboard by priority with JavaScript, and jumps to it without', async () => {
    const visible = (page: Page) =>
      page.$$eval('.dashboard-group', (gs) =>
        gs.filter((g) => (g as HTMLElement).offsetParent !== null).map((g) => g.id),
      );
    const all = await open('dashboard.html', 1280, visible);
    expect(all.length).toBe(5);
    const one = await open('dashboard.html#priority-vawg', 1280, visible);
    expect(one).toEqual(['priority-vawg']);
    const clicked = await open('dashboard.html', 375, async (page) => {
      await page.click('a[data-filter="hate-and-cohesion"]');
      return visible(page);
    });
    expect(clicked).toEqual(['priority-hate-and-cohesion']);
    const noJs = await open(
      'dashboard.html#priority-vawg',
      1280,
      async (page) => ({
        groups: await visible(page),
        top: await page.$eval('#priority-vawg', (g) => Math.round(g.getBoundingClientRect().top)),
      }),
      false,
    );
    expect(noJs.groups.length).toBe(5);
    expect(noJs.top).toBeLessThan(100);
  });
});
