/**
 * Reproducible builds: the same input gives the same bytes — every page, chart, data file and the PDF —
 * wherever and whenever it is built (no clock time, no random ids, no absolute paths).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

const reference = inject('exampleOut');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-repro-'));
afterAll(() => {
  cleanCopies();
  fs.rmSync(temp, { recursive: true, force: true });
});

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('the same input gives the same bytes', () => {
  it('a copy of the example, built elsewhere later, matches the reference build byte for byte', async () => {
    // Another folder, another time zone, no chart cache: nothing of that may leak into the output.
    const root = copyExample();
    const tz = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Auckland';
    try {
      const result = await build({ root, out: path.join(temp, 'dist'), pdf: true, diskCache: false });
      expect(result.ok).toBe(true);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
    const files = listFiles(reference);
    expect(listFiles(path.join(temp, 'dist'))).toEqual(files);
    const different = files.filter(
      (f) => !fs.readFileSync(path.join(reference, f)).equals(fs.readFileSync(path.join(temp, 'dist', f))),
    );
    expect(different).toEqual([]);
    for (const f of files.filter((x) => /\.(html|json|csv)$/.test(x))) {
      expect(fs.readFileSync(path.join(reference, f), 'utf8'), f).not.toContain(root);
    }
  });
});
