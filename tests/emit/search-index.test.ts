/**
 * The search index (Pagefind) when builds overlap in one process: the dev server indexes after a reload
 * while the next save builds, and the tests build two strategies at once. Pagefind runs one service per
 * process, so one build finishing must not stop the service under another build's index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSearchIndex } from '../../scripts/emit/site-files.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A folder with one indexable page saying `words`. */
function site(words: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-search-'));
  made.push(dir);
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><title>${words}</title></head><body><main data-pagefind-body><h1>${words}</h1><p>${words} in a sentence.</p></main></body></html>`,
  );
  return dir;
}

describe('two search indexes open at once in one process', () => {
  it('each is written, whichever finishes first, and a build that stops early leaves the others working', async () => {
    const [a, b, c] = await Promise.all([startSearchIndex(), startSearchIndex(), startSearchIndex()]);
    const first = site('Knife crime');
    const second = site('Shop theft');
    await c.close(); // a build that stopped before writing its pages
    const filesA = await a.index(first);
    const filesB = await b.index(second);
    for (const [files, dir] of [
      [filesA, first],
      [filesB, second],
    ] as const) {
      expect(files).toContain('pagefind-entry.json');
      const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
      expect(entry.languages.en.page_count).toBe(1);
    }
    // And the service starts again for the next build once all were done.
    const again = await startSearchIndex();
    expect(await again.index(site('Hate crime'))).toContain('pagefind-entry.json');
  });
});
