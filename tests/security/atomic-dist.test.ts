/**
 * Nothing lost (issue 5): the build writes into a temporary folder and swaps it in only on success.
 * A build killed halfway, a build that crashes, and a build stopped by a content error all leave the
 * previous dist/ exactly as it was, byte for byte. The child builds are stopped at a precise point
 * by a preload hook (hold-build.cjs) and killed with SIGKILL there, so nothing here races a timer.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { OutputFolder } from '../../scripts/emit/output-folder.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOOK = path.join(REPO, 'tests/security/hold-build.cjs');
const CHAPTER = 'content/01-executive-summary.md';

let work: string;
let root: string;
let out: string;
let published: Map<string, string>;

/** Every file under `dir`, relative path -> SHA-256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

/** Sibling folders a build left next to the output (`dist.building-123`, `dist.previous-123`). */
const leftovers = (): string[] =>
  fs.readdirSync(path.dirname(out)).filter((n) => n.startsWith(`${path.basename(out)}.`));

interface Held {
  pid: number;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `strategy build` in a child that stops at `holdAt`; resolve once it is stopped there. */
async function startHeldBuild(holdAt: string, holdAfter = 5): Promise<Held> {
  const signalFile = path.join(work, `held-${holdAt}`);
  fs.rmSync(signalFile, { force: true });
  const child = spawn(
    process.execPath,
    ['--require', HOOK, path.join(REPO, 'bin/strategy.js'), 'build', '--root', root, '--out', out, '--no-pdf'],
    {
      cwd: work,
      env: { ...process.env, HOLD_AT: holdAt, HOLD_AFTER: String(holdAfter), HOLD_SIGNAL: signalFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (b) => (output += String(b)));
  child.stderr.on('data', (b) => (output += String(b)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  // Wait for the hook's signal, or for the child to end without reaching the point (a test failure).
  const reached = await Promise.race([
    (async () => {
      while (!fs.existsSync(signalFile)) await new Promise((r) => setTimeout(r, 50));
      return true;
    })(),
    exit.then(() => false),
  ]);
  if (!reached) throw new Error(`The child build ended before reaching "${holdAt}":\n${output}`);
  return { pid: child.pid!, exit };
}

async function kill(held: Held): Promise<void> {
  process.kill(held.pid, 'SIGKILL');
  expect(await held.exit).toEqual({ code: null, signal: 'SIGKILL' });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-atomic-'));
  root = path.join(work, 'strategy');
  out = path.join(work, 'dist');
  fs.mkdirSync(root);
  fs.cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  fs.cpSync(path.join(REPO, 'data'), path.join(root, 'data'), { recursive: true });
  const first = await build({ root, out, pdf: false });
  expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(first.ok).toBe(true);
  published = snapshot(out);
  expect(published.size).toBeGreaterThan(5);
  // Every later build would publish something different, so a build that wrongly got through shows.
  fs.writeFileSync(
    path.join(root, CHAPTER),
    fs
      .readFileSync(path.join(root, CHAPTER), 'utf8')
      .replace(/\n## /, '\nA sentence only the second build has.\n\n## '),
  );
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('a build killed or failing halfway leaves the previous dist/ exactly as it was', () => {
  it('killed while writing its pages', async () => {
    const held = await startHeldBuild('writing', 5);
    const temp = `${out}.building-${held.pid}`;
    expect(fs.readdirSync(temp).length).toBeGreaterThan(1); // it had started writing
    await kill(held);
    expect(snapshot(out)).toEqual(published);
    // The next build clears the dead build's temporary folder.
    OutputFolder.recover(out);
    expect(leftovers()).toEqual([]);
    expect(snapshot(out)).toEqual(published);
  });

  it('killed with the new site complete, just before the swap', async () => {
    const held = await startHeldBuild('swap');
    expect(snapshot(`${out}.building-${held.pid}`)).not.toEqual(published);
    await kill(held);
    expect(snapshot(out)).toEqual(published);
    OutputFolder.recover(out);
    expect(leftovers()).toEqual([]);
  });

  it('killed between the two renames of the swap: the next run restores the old dist/', async () => {
    const held = await startHeldBuild('between');
    await kill(held);
    // The one moment dist/ is not in place: the old output waits beside it under .previous-<pid>.
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers().sort()).toEqual([`dist.building-${held.pid}`, `dist.previous-${held.pid}`]);
    OutputFolder.recover(out);
    expect(leftovers()).toEqual([]);
    expect(snapshot(out)).toEqual(published);
  });

  it('crashing while writing: the partial output is thrown away', async () => {
    const signalFile = path.join(work, 'held-throw');
    const child = spawn(
      process.execPath,
      ['--require', HOOK, path.join(REPO, 'bin/strategy.js'), 'build', '--root', root, '--out', out, '--no-pdf'],
      {
        cwd: work,
        env: { ...process.env, HOLD_AT: 'throw', HOLD_AFTER: '4', HOLD_SIGNAL: signalFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });

  it('stopped by a content error: exit 1, file:line:column and a hint, no stack trace, dist/ untouched', async () => {
    const good = fs.readFileSync(path.join(root, CHAPTER), 'utf8');
    const broken = good.replace('\n## ', '\n::no-such-block\n\n## ');
    const line = broken.split('\n').indexOf('::no-such-block') + 1;
    fs.writeFileSync(path.join(root, CHAPTER), broken);
    try {
      const result = await build({ root, out, pdf: false });
      expect(result.ok).toBe(false);
      expect(
        result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.ruleId}`),
      ).toEqual([`${CHAPTER}:${line} directive/unknown`]);
      expect(snapshot(out)).toEqual(published);
      expect(leftovers()).toEqual([]);

      const child = spawn(
        process.execPath,
        [path.join(REPO, 'bin/strategy.js'), 'build', '--root', root, '--out', out, '--no-pdf'],
        { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (b) => (output += String(b)));
      child.stderr.on('data', (b) => (output += String(b)));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code).toBe(1);
      expect(output).toContain(`${CHAPTER}:${line}:1`);
      expect(output).toContain('There is no data block called "no-such-block".');
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(snapshot(out)).toEqual(published);
      expect(leftovers()).toEqual([]);
    } finally {
      fs.writeFileSync(path.join(root, CHAPTER), good);
    }
  });
});
