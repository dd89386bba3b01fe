/**
 * Issue 10, finding 10: `kill -9` of the build while it prints the PDF left Chromium's process tree
 * running. Chromium now runs in its own process group, is killed on exit and on signals, and talks to
 * the build over a pipe, so it exits even when the build is SIGKILLed. Run through the real CLI.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanCopies, copyExample, REPO } from '../support/example-copy.js';

afterAll(cleanCopies);

/** Every process whose parent is one of `pids`, recursively, read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents)
      if (parent === p) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
};
const commOf = (pid: number): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

describe('Chromium dies with the build', () => {
  it('kill -9 of `strategy build` while it prints the PDF leaves no Chromium running', async () => {
    const root = copyExample();
    const out = path.join(path.dirname(root), 'site');
    const child = spawn(process.execPath, [path.join(REPO, 'bin/strategy.js'), 'build', '--root', root, '--out', out], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Wait for the PDF stage: Chromium appears as a child of the build.
    let browsers: number[] = [];
    for (let i = 0; i < 1200 && browsers.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      browsers = descendants(child.pid!).filter((p) => /chrom/i.test(commOf(p)));
    }
    expect(browsers.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    const tree = descendants(child.pid!).filter((p) => /chrom/i.test(commOf(p)));
    child.kill('SIGKILL');
    await exited;
    let left = tree;
    // Chromium notices the closed pipe and shuts down; give it time (this is not a timing test).
    for (let i = 0; i < 300 && left.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = tree.filter(alive);
    }
    expect(left.map((p) => `${p} ${commOf(p)}`)).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
  }, 180_000);
});
