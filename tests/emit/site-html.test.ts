/**
 * The built website's HTML, read from the shared example build without a browser: valid HTML (the Nu
 * HTML Checker, vnu-jar, on every page), unique ids, every internal link and anchor resolving, a
 * description per page, download labels with real sizes, and the files a site needs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import os from 'node:os';
import {
  buildSearchIndex,
  downloadLabel,
  formatSize,
  pdfPageCount,
  sitemapXml,
} from '../../scripts/emit/site-files.js';

const dist = inject('exampleOut');
const require = createRequire(import.meta.url);
const PAGES = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.html'))
  .sort();
const read = (f: string) => fs.readFileSync(path.join(dist, f), 'utf8');
const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);

describe('the built website', () => {
  it('is valid HTML: the Nu HTML Checker reports no errors on any page', () => {
    const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
    let output = '';
    try {
      execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'gnu', ...PAGES.map((p) => path.join(dist, p))], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      output = String((err as { stderr?: string }).stderr ?? err);
    }
    expect(output.trim(), 'vnu errors').toBe('');
  }, 300_000);

  it('has unique ids on every page', () => {
    for (const page of PAGES) {
      const ids = idsOf(read(page));
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dupes, `${page}: duplicate ids`).toEqual([]);
    }
  });

  it('resolves every internal link and anchor', () => {
    const ids = new Map(PAGES.map((p) => [p, new Set(idsOf(read(p)))]));
    const broken: string[] = [];
    for (const page of PAGES) {
      for (const m of read(page).matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|tel:)/.test(href)) continue;
        const [file, anchor] = href.split('#') as [string, string | undefined];
        const target = file === '' ? page : file;
        if (!fs.existsSync(path.join(dist, target))) broken.push(`${page}: ${href} (no file)`);
        else if (anchor && target.endsWith('.html') && !ids.get(target)?.has(decodeURIComponent(anchor)))
          broken.push(`${page}: ${href} (no anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives each page its own description, taken from its content', () => {
    const descriptions = PAGES.map((p) => /<meta name="description" content="([^"]*)"/.exec(read(p))?.[1] ?? '');
    for (const [i, d] of descriptions.entries()) expect(d.length, `${PAGES[i]} has a description`).toBeGreaterThan(20);
    expect(new Set(descriptions).size).toBe(PAGES.length);
    expect(read('risk-register.html')).not.toContain(descriptions[PAGES.indexOf('index.html')]!);
  });

  it('labels downloads with format and size measured from the files, and the PDF with its pages', () => {
    const home = read('index.html');
    const csv = fs.statSync(path.join(dist, 'data/kpis.csv')).size;
    expect(home).toContain(`href="data/kpis.csv">`);
    expect(home).toContain(downloadLabel('data/kpis.csv', csv));
    const pdfFile = fs.readdirSync(dist).find((f) => f.endsWith('.pdf'))!;
    const pdf = fs.readFileSync(path.join(dist, pdfFile));
    const pages = pdfPageCount(pdf)!;
    expect(pages).toBeGreaterThan(10);
    const label = `PDF, ${formatSize(pdf.byteLength)}, ${pages} pages`;
    expect(home).toContain(label);
    // The pages are assembled while the PDF prints, with a stand-in for this label: every page's footer
    // names the finished PDF, and nothing of the stand-in is left.
    for (const page of PAGES) {
      expect(read(page), page).toContain(`Download the PDF (${label})</a>`);
      expect(read(page), page).not.toContain('PdfLabelStandIn');
    }
  });

  it('has the search index that the finished pages give, though it was made while the PDF printed', async () => {
    // The pages are indexed before the PDF's label is known: indexing the published pages again must
    // give the same files, byte for byte (a label or its stand-in in the index would differ).
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'search-again-'));
    try {
      for (const page of PAGES) fs.copyFileSync(path.join(dist, page), path.join(again, page));
      const files = await buildSearchIndex(again);
      const published = fs.readdirSync(path.join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' }).sort();
      expect(files).toEqual(published);
      for (const file of files) {
        const at = path.join('pagefind', file);
        if (fs.statSync(path.join(dist, at)).isDirectory()) continue;
        expect(fs.readFileSync(path.join(again, at)).equals(fs.readFileSync(path.join(dist, at))), at).toBe(true);
      }
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });

  it('has a favicon, a 404 page, a search index, no sitemap without site.url, and no inline script', () => {
    expect(fs.existsSync(path.join(dist, 'favicon.svg'))).toBe(true);
    expect(read('404.html')).toContain('Page not found');
    expect(fs.existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'sitemap.xml'))).toBe(false);
    for (const page of PAGES) {
      const html = read(page);
      expect(html).toContain('<link rel="icon" href="favicon.svg"');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(m[2]!.trim(), `${page}: no inline script`).toBe('');
        expect(m[1]).toMatch(/src="assets\/(site|dev-reload)\.js"/);
      }
      expect(html).not.toMatch(/(src|href)="https?:\/\/(?!www\.nationalarchives\.gov\.uk)/);
    }
  });

  it('writes a sitemap of absolute addresses when site.url is set', () => {
    const xml = sitemapXml('https://example.gov.uk/strategy/', ['index.html', 'risk-register.html', '404.html']);
    expect(xml).toContain('<loc>https://example.gov.uk/strategy/</loc>');
    expect(xml).toContain('<loc>https://example.gov.uk/strategy/risk-register.html</loc>');
    expect(xml).not.toContain('404');
  });

  it('counts the pages of a PDF, inside compressed object streams too, and formats sizes the GOV.UK way', () => {
    // Chromium writes page objects plainly; pdf-lib's finished PDF packs them (and the page tree) into object streams.
    const packed = zlib.deflateSync(
      Buffer.from('<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 >> << /Type /Page >> << /Type /Page >>'),
    );
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Page /Parent 2 0 R >> endobj\n'),
      Buffer.from(`5 0 obj << /Type /ObjStm /N 3 /First 0 /Filter /FlateDecode /Length ${packed.length} >> stream\n`),
      packed,
      Buffer.from('\nendstream endobj\n%%EOF\n'),
    ]);
    expect(pdfPageCount(pdf)).toBe(3);
    expect(pdfPageCount(new Uint8Array(pdf))).toBe(3);
    expect(formatSize(2_400_000)).toBe('2.4 MB');
    expect(formatSize(3_100)).toBe('3 KB');
    expect(downloadLabel('x.pdf', 2_400_000, 72)).toBe('PDF, 2.4 MB, 72 pages');
    expect(downloadLabel('data/kpis.csv', 3_100)).toBe('CSV, 3 KB');
  });

  it('gives the accessibility statement the GOV.UK sections and no claim the build did not check', () => {
    const text = read('accessibility.html');
    for (const heading of [
      'Compliance status',
      'Non-accessible content',
      'Disproportionate burden',
      'Preparation of this accessibility statement',
      'PDF and other documents',
    ])
      expect(text).toContain(heading);
    // The shared build runs without --audit, so the statement must say so.
    expect(text).toContain('This edition was not checked automatically when it was built.');
    expect(text).not.toContain('checked automatically with axe before it is published');
  });
});
