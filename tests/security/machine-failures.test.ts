/**
 * Issue 10, finding 8 (the last part): a full disk or a refused permission while writing the output is
 * a problem with the machine, not a bug in the tool: exit 2 with a plain message and no stack trace,
 * never exit 70, and the previous output stays as it was. Run through the real CLI in a child process,
 * with a preload that makes the Nth write fail as the kernel would.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanCopies, copyExample, REPO } from '../support/example-copy.js';

afterAll(cleanCopies);

const HOOK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fail-disk.cjs');

function buildWith(code: string, root: string, out: string): Promise<{ exit: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--require', HOOK, path.join(REPO, 'bin/strategy.js'), 'build', '--no-pdf', '--root', root, '--out', out],
      {
        cwd: path.dirname(root),
        env: { ...process.env, FAIL_CODE: code, FAIL_AFTER: '4' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += String(b)));
    child.on('exit', (exit) => resolve({ exit, stderr }));
  });
}

describe('a machine failure while writing the output', () => {
  for (const [code, words] of [
    ['ENOSPC', 'The disk is full'],
    ['EACCES', 'Permission was refused'],
  ] as const) {
    it(`${code} is exit 2 with a plain message, and the previous output is unchanged`, async () => {
      const root = copyExample();
      const out = path.join(path.dirname(root), 'site');
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, '.strategy-build'), 'Written by `strategy build`.\n');
      fs.writeFileSync(path.join(out, 'index.html'), 'previous');
      const { exit, stderr } = await buildWith(code, root, out);
      expect(stderr).not.toMatch(/failed unexpectedly|\n\s+at /);
      expect(stderr).toContain(`${words} while writing or reading site.building-`);
      expect(stderr).toContain('Nothing was published');
      expect(exit).toBe(2);
      expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
      expect(fs.readdirSync(path.dirname(root)).filter((n) => n.includes('.building-'))).toEqual([]);
    }, 120_000);
  }
});
