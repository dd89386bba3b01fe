/**
 * A temporary copy of the example strategy (content/ and data/, and the chart cache so charts need
 * not be drawn again), which a test may then break in one place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const made: string[] = [];

export function copyExample(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-copy-'));
  made.push(parent);
  const root = path.join(parent, 'strategy');
  for (const dir of ['content', 'data']) fs.cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true });
  return root;
}

/** Replace `from` by `to` in a file of the copy; fails loudly if `from` is not there. */
export function edit(root: string, rel: string, from: string | RegExp, to: string): void {
  const file = path.join(root, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit(): ${String(from)} not found in ${rel}`);
  fs.writeFileSync(file, after);
}

/** The 1-based line of the first line containing `needle` in a file of the copy. */
export function lineOf(root: string, rel: string, needle: string): number {
  const lines = fs.readFileSync(path.join(root, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`lineOf(): "${needle}" not in ${rel}`);
  return i + 1;
}

export function cleanCopies(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
