/**
 * Stage 6 (website): the files a site needs beyond its pages — a sitemap, the favicon, the search
 * index (Pagefind, run on the written pages in the build's temporary folder, before the swap) — and
 * the labels of the downloads, with their format and size measured from the bytes written.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** `2.4 MB`, `3 KB`, `870 bytes`: GOV.UK's style, decimal units. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const FORMAT: Record<string, string> = { '.csv': 'CSV', '.json': 'JSON', '.pdf': 'PDF' };

/** "CSV, 3 KB", or "PDF, 2.4 MB, 72 pages" when the page count is known. */
export function downloadLabel(file: string, bytes: number, pages?: number): string {
  const format = FORMAT[path.extname(file).toLowerCase()] ?? path.extname(file).slice(1).toUpperCase();
  return [format, formatSize(bytes), pages === undefined ? undefined : `${pages} ${pages === 1 ? 'page' : 'pages'}`]
    .filter(Boolean)
    .join(', ');
}

/** A page object of a PDF (`/Type /Page`, not the page tree's `/Type /Pages`). */
const PAGE_OBJECT = /\/Type\s*\/Page(?![a-zA-Z])/g;

/**
 * The number of pages of a PDF: its page objects, counted in the file and inside its compressed object
 * streams (Chromium writes them plainly; the finished PDF, saved by pdf-lib, packs them, page tree included).
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  let count = text.match(PAGE_OBJECT)?.length ?? 0;
  for (const m of text.matchAll(/<<([\s\S]*?\/Type\s*\/ObjStm[\s\S]*?)>>\s*stream\r?\n/g)) {
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(m[1]!);
    if (!length || !/\/FlateDecode/.test(m[1]!)) continue;
    const start = m.index + m[0].length;
    count +=
      zlib
        .inflateSync(bytes.subarray(start, start + Number(length[1])))
        .toString('latin1')
        .match(PAGE_OBJECT)?.length ?? 0;
  }
  return count;
}

/** A sitemap of the pages (not the 404 or search page); absolute addresses need `site.url`, so none without it. */
export function sitemapXml(baseUrl: string, pages: string[]): string {
  const urls = pages
    .filter((p) => p !== '404.html' && p !== 'search.html')
    .sort()
    .map((p) => `  <url><loc>${escapeXml(baseUrl + (p === 'index.html' ? '' : p))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pagefind started, for `SearchIndexer.index` to use when the pages are written. */
export interface SearchIndexer {
  /**
   * Index the pages in `dir` into `dir/pagefind` and stop Pagefind; the files written. `pages` names
   * the pages (paths relative to `dir`) when other HTML files are there too (the print documents, while
   * the PDF prints); by default every `*.html` in `dir`.
   */
  index(dir: string, pages?: readonly string[]): Promise<string[]>;
  /** Stop Pagefind if `index` was never called (a build that stopped early). */
  close(): Promise<void>;
}

/**
 * Pagefind runs one service per process, and `close()` stops it for every index in the process. Builds
 * can overlap in one process (the dev server indexes after a reload while the next save builds; the
 * tests build two strategies at once), so the service is stopped only when the last open index is done.
 */
let openIndexes = 0;
async function release(pagefind: typeof import('pagefind')): Promise<void> {
  openIndexes--;
  if (openIndexes === 0) await pagefind.close();
}

/**
 * Start Pagefind now, index later: its binary starts while the pages are assembled instead of after
 * they are written. Only `data-pagefind-body` pages are indexed: the sections, priorities, dashboard
 * and home, not the single page (which repeats them). Its output names files by content hash, so the
 * same pages give the same bytes.
 */
export async function startSearchIndex(): Promise<SearchIndexer> {
  const pagefind = await import('pagefind');
  openIndexes++;
  const created = pagefind.createIndex({ forceLanguage: 'en', keepIndexUrl: false, verbose: false });
  // Awaited by `index`; a build that stops early only closes it.
  created.catch(() => {});
  let done = false;
  const finish = async () => {
    if (done) return;
    done = true;
    const { index } = await created.catch(() => ({ index: undefined }));
    await index?.deleteIndex().catch(() => undefined);
    await release(pagefind);
  };
  return {
    async index(dir, pages) {
      try {
        const { index, errors } = await created;
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const glob = pages ? `{${pages.map((p) => p.replace(/[\\{}[\]*?,]/g, '\\$&')).join(',')}}` : '*.html';
        const added = await index.addDirectory({ path: dir, glob });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      } finally {
        await finish();
      }
      return fs.readdirSync(path.join(dir, 'pagefind'), { recursive: true }).map(String).sort();
    },
    close: finish,
  };
}

/** Build the search index over the written pages in `dir` with Pagefind (its binary ships in an npm package; no network). */
export async function buildSearchIndex(dir: string): Promise<string[]> {
  return (await startSearchIndex()).index(dir);
}
