/**
 * Regression tests named after what a review found: each was a way to publish something unsafe, to
 * crash without a position, or to lose a figure silently. Each now gives a diagnostic at its line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, check } from '../../scripts/build.js';
import { CACHE_DIR } from '../../scripts/figures/index.js';
import { cleanCopies, copyExample, edit, lineOf } from '../support/example-copy.js';

afterAll(cleanCopies);

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const appendChapter = (root: string, md: string) => {
  const file = path.join(root, 'content/03-partnership-context.md');
  const before = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `${before.replace(/\n*$/, '\n')}\n${md}\n`);
  return before.replace(/\n*$/, '\n').split('\n').length + 1;
};

describe('images', () => {
  it('a raw <img> is checked like a Markdown image: outside the folder is refused, at its line', async () => {
    const root = copyExample();
    const line = appendChapter(root, '<img src="../../../../etc/hostname" alt="Host">');
    const ds = (await check({ root })).diagnostics;
    expect(ds.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['file/outside-root', 'content/03-partnership-context.md', line],
    ]);
  });

  it('only PNG, JPEG, GIF and WebP files are published as images, by extension and content', async () => {
    const root = copyExample();
    fs.mkdirSync(path.join(root, 'content/images'));
    fs.writeFileSync(
      path.join(root, 'content/images/map.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    fs.writeFileSync(path.join(root, 'content/images/fake.png'), '<html><script>alert(1)</script></html>');
    fs.writeFileSync(path.join(root, 'content/images/ward.png'), PNG);
    const line = appendChapter(
      root,
      '![Map](images/map.svg)\n\n![Fake](images/fake.png)\n\n![Ward map of Northbridge](images/ward.png)\n\n![](images/ward.png)',
    );
    const ds = (await check({ root })).diagnostics;
    expect(ds.map((d) => [d.ruleId, d.severity, d.line])).toEqual([
      ['image/type', 'error', line],
      ['image/type', 'error', line + 2],
      ['image/no-alt', 'warning', line + 6],
    ]);
  });

  it('a malformed %-escape in a link or image is a diagnostic, not a crash', async () => {
    const root = copyExample();
    const line = appendChapter(root, 'See [x](#%E0%A4%A).\n\n![Map](map%.png)');
    const ds = (await check({ root })).diagnostics;
    expect(ds.map((d) => [d.ruleId, d.line])).toEqual([
      ['xref/unknown', line],
      ['image/missing', line + 2],
    ]);
  });
});

describe('charts', () => {
  it('a link or an image in a chart spec is refused at its line, not a crash', async () => {
    const root = copyExample();
    const file = 'data/charts/asb-by-lsoa.yaml';
    edit(root, file, /\n {2}encoding:\n/, '\n  encoding:\n    href: { value: "javascript:alert(1)" }\n');
    const ds = (await check({ root })).diagnostics;
    expect(ds.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['chart/link-or-image', file, lineOf(root, file, 'href:')],
    ]);
  });

  it('a planted cache entry in the strategy folder is never used', async () => {
    const root = copyExample();
    // Plant every cache entry the tool has, with a script in its SVG, where the old cache lived.
    const planted = path.join(root, '.cache/charts');
    fs.mkdirSync(planted, { recursive: true });
    await check({ root });
    for (const f of fs.readdirSync(CACHE_DIR)) {
      const entry = JSON.parse(fs.readFileSync(path.join(CACHE_DIR, f), 'utf8')) as { svg: string };
      entry.svg = entry.svg.replace('</svg>', '<script>alert("cache")</script></svg>');
      fs.writeFileSync(path.join(planted, f), JSON.stringify(entry));
    }
    const out = path.join(root, '..', 'site');
    expect((await build({ root, out, pdf: false })).ok).toBe(true);
    for (const page of fs.readdirSync(out).filter((f) => f.endsWith('.html'))) {
      expect(fs.readFileSync(path.join(out, page), 'utf8'), page).not.toContain('alert("cache")');
    }
  });
});

describe('chapters and data', () => {
  it('a chapter id that is a page name of the site is refused', async () => {
    const root = copyExample();
    edit(root, 'content/12-appendix-b-glossary.md', 'id: glossary', 'id: index');
    const ds = (await check({ root })).diagnostics.filter((d) => d.ruleId === 'chapter/reserved-id');
    expect(ds.map((d) => [d.ruleId, d.file, d.line, d.column])).toEqual([
      ['chapter/reserved-id', 'content/12-appendix-b-glossary.md', 4, 5],
    ]);
  });

  it('a CSV row for a mistyped KPI id, or a second row for the same period, is reported at its row', async () => {
    const root = copyExample();
    const csv = 'data/kpi-actuals.csv';
    const text = fs.readFileSync(path.join(root, csv), 'utf8').replace(/\n*$/, '\n');
    const first = text.split('\n')[1]!;
    fs.writeFileSync(path.join(root, csv), `${text}sv-1,2027-28 Q1,5,\n${first}\n`);
    const rows = text.split('\n').length - 1;
    const ds = (await check({ root })).diagnostics.filter((d) => d.file === csv);
    expect(ds.map((d) => [d.ruleId, d.line])).toEqual([
      ['id/unknown', rows + 1],
      ['kpi/duplicate-actual', rows + 2],
    ]);
    expect(ds[0]!.hint).toMatch(/Did you mean "sv-01"\?/);
  });
});

describe('a strategy’s own templates', () => {
  it('cannot add script, handlers or drop the Content-Security-Policy', async () => {
    const root = copyExample();
    fs.mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'templates/partials/head.hbs'),
      '<meta charset="utf-8"><script>alert(document.cookie)</script>',
    );
    const out = path.join(root, '..', 'site');
    const result = await build({ root, out, pdf: false });
    expect(result.ok).toBe(false);
    const unsafe = result.diagnostics.filter((d) => d.ruleId === 'template/unsafe');
    expect(unsafe.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        'The page index.html made from this template has a <script> element.',
        'The page index.html made from this template has no Content-Security-Policy meta tag (it is in the built-in partials/head.hbs).',
      ]),
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('may change the look', async () => {
    const root = copyExample();
    fs.mkdirSync(path.join(root, 'templates/assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates/assets/site.css'), 'body { background: #fafafa; }\n');
    const out = path.join(root, '..', 'site');
    expect((await build({ root, out, pdf: false })).ok).toBe(true);
    expect(fs.readFileSync(path.join(out, 'assets/site.css'), 'utf8')).toBe('body { background: #fafafa; }\n');
  });
});
