/**
 * Progress: the build says what it is doing on a terminal, is quiet in CI unless --verbose, and
 * --quiet silences it. Problems and the final line are printed whatever the mode.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pdfPageCount } from '../../scripts/build.js';
import { main, toolVersion } from '../../scripts/cli/main.js';
import { progressReporter, showsProgress } from '../../scripts/cli/progress.js';
import { cleanCopies, copyExample, REPO } from '../support/example-copy.js';

afterAll(cleanCopies);

function capture(env: NodeJS.ProcessEnv, tty: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false, tty, env }, out, err };
}

describe('when progress shows', () => {
  it('on a terminal outside CI, or with --verbose anywhere; never with --quiet', () => {
    expect(showsProgress({ mode: 'auto', tty: true, env: {} })).toBe(true);
    expect(showsProgress({ mode: 'auto', tty: false, env: {} })).toBe(false);
    expect(showsProgress({ mode: 'auto', tty: true, env: { CI: 'true' } })).toBe(false);
    expect(showsProgress({ mode: 'auto', tty: true, env: { CI: 'false' } })).toBe(true);
    expect(showsProgress({ mode: 'verbose', tty: false, env: { CI: 'true' } })).toBe(true);
    expect(showsProgress({ mode: 'quiet', tty: true, env: {} })).toBe(false);
  });

  it('one line per stage, in words, with what it counted', () => {
    const lines: string[] = [];
    const report = progressReporter({ mode: 'verbose', tty: false, env: {}, write: (l) => lines.push(l) })!;
    report('load', 412, undefined);
    report('check', 1000, undefined);
    report('emit pdf', 6150, '84 pages');
    expect(lines).toEqual(['  Read the chapters and data files · 0.4 s', '  Printed the PDF (84 pages) · 6.2 s']);
  });
});

describe('strategy build --verbose in CI', () => {
  it('names each stage and counts the charts; --quiet prints only the result', async () => {
    const root = copyExample();
    const verbose = capture({ CI: 'true' }, false);
    expect(
      await main(['build', '--root', root, '--no-pdf', '--verbose', '--out', path.join(root, 'out1')], verbose.io),
    ).toBe(0);
    const said = verbose.err.join('\n');
    expect(said).toMatch(/^Building the strategy in .* \(website only\)…/);
    for (const stage of [
      'Read the chapters and data files',
      'Checked the structure and cross-references',
      'Rendered the chapters, data blocks and charts',
      'Checked the charts',
      'Wrote the website',
      'Indexed the pages for search',
    ])
      expect(said).toContain(`  ${stage}`);
    // Every stage line is in words (no internal stage name such as "search index" shown as it is).
    for (const line of verbose.err.filter((l) => l.startsWith('  ')))
      expect(line).toMatch(/^ {2}[A-Z][a-z]+ [a-z].* · \d+\.\d s$/);
    const charts = Number(/Assembled the pages \((\d+) charts\)/.exec(said)?.[1]);
    // The charts on the website's pages, each counted once however many pages show it.
    const out1 = path.join(root, 'out1');
    const pages = fs.readdirSync(out1, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.html'));
    const ids = new Set(
      pages.flatMap((n) =>
        [...fs.readFileSync(path.join(out1, n), 'utf8').matchAll(/<figure class="chart" id="([^"]+)"/g)].map(
          (m) => m[1],
        ),
      ),
    );
    expect(charts).toBe(ids.size);
    expect(charts).toBeGreaterThan(10);

    const quiet = capture({}, true);
    expect(
      await main(['build', '--root', root, '--no-pdf', '--quiet', '--out', path.join(root, 'out2')], quiet.io),
    ).toBe(0);
    expect(quiet.err).toHaveLength(2);
    expect(quiet.err[1]).toMatch(/^Built .* pages\.$/);
  });
});

describe('counting PDF pages without a PDF library', () => {
  it('agrees with pdfinfo on the example PDF', () => {
    const dist = inject('exampleOut');
    const pdf = fs.readdirSync(dist).find((n) => n.endsWith('.pdf'))!;
    const info = execFileSync('pdfinfo', [path.join(dist, pdf)], { encoding: 'utf8' });
    expect(pdfPageCount(fs.readFileSync(path.join(dist, pdf)))).toBe(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]));
  });
});

describe('--version and --help load no rendering code', () => {
  it('prints the package version', async () => {
    const { io, out } = capture({}, false);
    expect(await main(['--version'], io)).toBe(0);
    expect(out).toEqual([JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version]);
    expect(toolVersion()).toBe(out[0]);
  });

  it('the compiled command imports no vega, puppeteer, Ajv, unified or zod for --help or --version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-lazy-'));
    const hook = path.join(dir, 'hook.mjs');
    // Record every module the process resolves (a loader thread, as Node 20 runs module hooks).
    fs.writeFileSync(
      path.join(dir, 'loader.mjs'),
      `import fs from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); fs.appendFileSync(${JSON.stringify(path.join(dir, 'log'))}, r.url + '\\n'); return r; }\n`,
    );
    fs.writeFileSync(hook, `import { register } from 'node:module';\nregister('./loader.mjs', import.meta.url);\n`);
    const run = (...args: string[]) => {
      fs.rmSync(path.join(dir, 'log'), { force: true });
      execFileSync(process.execPath, ['--import', hook, path.join(REPO, 'bin/strategy.js'), ...args], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return fs.readFileSync(path.join(dir, 'log'), 'utf8');
    };
    for (const args of [['--help'], ['--version']]) {
      const loaded = run(...args);
      expect(loaded).toMatch(/cli\/main\.(js|ts)/);
      for (const heavy of ['/vega', '/puppeteer', '/ajv/', '/unified/', '/zod/', '/handlebars/'])
        expect(loaded, `${args[0]} loaded ${heavy}`).not.toContain(`node_modules${heavy}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    // Whole processes: on a busy two-core machine this can take minutes.
  }, 600_000);
});
