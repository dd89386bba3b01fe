/**
 * Start-up work: each command loads only the packages it needs, so `--help` answers at once and a
 * `check` whose charts and diagrams are cached loads no browser, charting, layout or schema code.
 * Every module the process resolves is recorded by a loader hook (tests/support/record-modules.mjs);
 * an eager `import` of a heavy package anywhere on the path makes this fail, whatever the timings.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanCopies, copyExample, REPO } from '../support/example-copy.js';

const BIN = path.join(REPO, 'bin/strategy.js');
const RECORDER = path.join(REPO, 'tests/support/record-modules.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-lazy-'));
afterAll(() => {
  cleanCopies();
  fs.rmSync(work, { recursive: true, force: true });
});

let runs = 0;
/** Run the command; the npm packages it loaded, by name (`vega`, `@puppeteer/browsers`, …). */
function packagesLoaded(args: string[]): { code: number | null; stderr: string; packages: Set<string> } {
  const file = path.join(work, `modules-${++runs}.txt`);
  const r = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RECORD_MODULES: file },
    timeout: 300_000,
  });
  const urls = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const packages = new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
  return { code: r.status, stderr: r.stderr, packages };
}

/** Packages only a PDF, a drawing, a layout or a schema check needs. */
const BROWSER = ['puppeteer-core', '@puppeteer/browsers', 'pdf-lib', 'axe-core'];
const DRAWING = ['vega', 'vega-lite', 'vega-interpreter', 'vega-dataflow', 'ajv', 'elkjs'];
const WRITING = ['handlebars', 'pagefind'];

const loaded = (packages: Set<string>, names: string[]) => names.filter((n) => packages.has(n));

describe('what each command loads', () => {
  it('--help and --version load no package at all but the tool', () => {
    for (const flag of ['--help', '--version']) {
      const r = packagesLoaded([flag]);
      expect(r.code).toBe(0);
      // Only the TypeScript loader may appear, when lib/ is older than the sources.
      expect(
        [...r.packages].filter((p) => !['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps'].includes(p)),
      ).toEqual([]);
    }
  });

  it('check never loads the browser or the writing stages; with its charts cached, no Vega, Ajv or elkjs either', () => {
    const root = copyExample();
    // The first check may draw and lay out (a cold cache); it still never needs a browser.
    const first = packagesLoaded(['check', '--root', root]);
    expect(first.stderr.trim()).toBe('No problems found.');
    expect(loaded(first.packages, [...BROWSER, 'handlebars', 'pagefind'])).toEqual([]);
    // The recorder sees what check really uses (a broken recorder would pass everything).
    expect(loaded(first.packages, ['yaml', 'zod', 'micromark'])).toEqual(['yaml', 'zod', 'micromark']);

    const warm = packagesLoaded(['check', '--root', root]);
    expect(warm.code).toBe(0);
    expect(loaded(warm.packages, [...BROWSER, ...DRAWING, 'handlebars', 'pagefind'])).toEqual([]);
    expect([...warm.packages].filter((p) => p.startsWith('d3-') || p.startsWith('vega-'))).toEqual([]);
  });

  it('build --no-pdf loads no browser, PDF or accessibility-checker code', () => {
    const root = copyExample();
    const r = packagesLoaded(['build', '--no-pdf', '--root', root, '--out', path.join(work, 'site')]);
    expect(r.code).toBe(0);
    expect(loaded(r.packages, BROWSER)).toEqual([]);
    expect(loaded(r.packages, WRITING)).toEqual(['handlebars', 'pagefind']);
  });
});
