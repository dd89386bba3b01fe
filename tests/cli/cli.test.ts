/**
 * The `strategy` command as an officer or CI runs it: exit codes, where problems are printed and in
 * which format, no stack traces for content mistakes, no browser, and a new strategy from `init`.
 * Usage and environment problems run the real command in a child process (exit code, standard error,
 * the browser looked for from the environment); the rest run its `main()` in this process, which prints
 * and returns exactly what the child would.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';
import { cleanCopies, copyExample, edit, lineOf, REPO } from '../support/example-copy.js';

const BIN = path.join(REPO, 'bin/strategy.js');
const temps: string[] = [];
afterAll(() => {
  cleanCopies();
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-cli-'));
  temps.push(d);
  return d;
};

/** The command in a child process. */
function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK = /\n\s+at .+\(.+:\d+:\d+\)/;

describe('strategy check', () => {
  it('passes the example clean: exit 0, no problems', async () => {
    const r = await runMain(['check', '--root', copyExample()]);
    expect(r.stderr.trim()).toBe('No problems found.');
    expect(r.code).toBe(0);
  });

  it('lists every problem with file:line:column and a fix, exits 1, no stack trace', async () => {
    const root = copyExample();
    edit(root, 'data/actions.yaml', /kpis: \[sv-01/, 'kpis: [sv-99');
    edit(root, 'content/05-strategic-priorities.md', /\n## /, '\nSee [](#no-such-heading).\n\n## ');
    const kpiLine = lineOf(root, 'data/actions.yaml', 'sv-99');
    const r = await runMain(['check', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`data/actions\\.yaml:${kpiLine}:\\d+\\s+error`));
    expect(r.stderr).toMatch(/content\/05-strategic-priorities\.md:\d+:\d+\s+error/);
    expect(r.stderr).toContain('sv-99');
    expect(r.stderr).toMatch(/2 errors/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('writes GitHub annotations and JSON to standard output', async () => {
    const root = copyExample();
    edit(root, 'data/kpis.yaml', 'direction: lower-is-better', 'direction: downwards');
    const gh = await runMain(['check', '--root', root, '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=data\/kpis\.yaml,line=\d+,col=\d+,title=schema\/enum::/m);
    const json = await runMain(['check', '--root', root, '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as { ruleId: string; file: string; line: number }[];
    expect(parsed.map((d) => d.ruleId)).toEqual(['schema/enum']);
    expect(parsed[0]!.line).toBe(lineOf(root, 'data/kpis.yaml', 'direction: downwards'));
  });
});

describe('usage and environment problems exit 2 and say what to do', () => {
  it('an unknown command or flag', () => {
    const r = run(['publish']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no command "publish"');
    const f = run(['check', '--colour']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('strategy --help');
  });

  it('a folder that is not a strategy', () => {
    const r = run(['check', '--root', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a strategy folder');
  });

  it('no browser for the PDF: says how to install one, and writes nothing', () => {
    const root = copyExample();
    const out = path.join(tempDir(), 'site');
    const r = run(['build', '--root', root, '--out', out], { CHROME_PATH: '/nonexistent/chrome' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CHROME_PATH is set to "/nonexistent/chrome"');
    expect(r.stderr).not.toMatch(STACK);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('strategy build and init', () => {
  it('build --no-pdf writes the website to --out', async () => {
    const out = path.join(tempDir(), 'site');
    const r = await runMain(['build', '--root', copyExample(), '--out', out, '--no-pdf']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Built .* 24 pages\./);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(fs.readdirSync(out).some((f) => f.endsWith('.pdf'))).toBe(false);
  });

  it('a build with errors publishes nothing and keeps the previous output', async () => {
    const root = copyExample();
    const out = path.join(tempDir(), 'site');
    expect((await runMain(['build', '--root', root, '--out', out, '--no-pdf'])).code).toBe(0);
    const before = fs.readFileSync(path.join(out, 'risk-register.html'));
    edit(root, 'data/risks.yaml', 'likelihood: B', 'likelihood: E');
    const r = await runMain(['build', '--root', root, '--out', out, '--no-pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Nothing was published');
    expect(fs.readFileSync(path.join(out, 'risk-register.html'))).toEqual(before);
  });

  it('refuses to replace a folder it did not make', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'precious.docx'), 'the only copy');
    const r = await runMain(['build', '--root', copyExample(), '--out', out, '--no-pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did not write');
    expect(fs.readdirSync(out)).toEqual(['precious.docx']);
  });

  it('a new strategy from init checks and builds, PDF included', async () => {
    const dir = path.join(tempDir(), 'new-strategy');
    const init = await runMain(['init', dir]);
    expect(init.code).toBe(0);
    const checked = await runMain(['check', '--root', dir]);
    expect(checked.code).toBe(0);
    // Warnings only: the ten chapters' guidance notes and the two KPIs without results.
    expect(checked.stderr).toMatch(/^12 warnings$/m);
    const built = await runMain(['build', '--root', dir]);
    expect(built.stderr).toMatch(/Built .* and the PDF\./);
    expect(built.code).toBe(0);
    // The strategy's PDF, named from its title, and the one-page plan on a page beside it.
    const pdf = fs
      .readdirSync(path.join(dir, 'dist'))
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    expect(pdf).toEqual(['community-safety-strategy-2027-2031.pdf', 'plan-on-a-page.pdf']);
    expect(fs.statSync(path.join(dir, 'dist', pdf[0]!)).size).toBeGreaterThan(20_000);
    expect(
      fs
        .readFileSync(path.join(dir, 'dist', pdf[1]!))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
