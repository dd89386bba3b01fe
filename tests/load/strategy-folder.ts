/**
 * Temporary strategy folders for loader tests: a copy of the repository's example data (which loads
 * without a diagnostic) and one chapter, into which a test writes its one broken or hostile file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHAPTER = '---\nsection: 1\ntitle: Executive Summary\n---\n\n## Our aims\n\nFewer victims.\n';

const made: string[] = [];

/** A fresh folder `<tmp>/strategy` (its parent holds files "outside" the strategy, for escape tests). */
export function makeStrategy(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-load-'));
  made.push(parent);
  const root = path.join(parent, 'strategy');
  fs.mkdirSync(path.join(root, 'content'), { recursive: true });
  fs.cpSync(path.join(REPO, 'data'), path.join(root, 'data'), {
    recursive: true,
    filter: (src) => !src.includes('police-uk'),
  });
  fs.writeFileSync(path.join(root, 'content', '01-executive-summary.md'), CHAPTER);
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'name: not part of the strategy\n');
  return root;
}

export function write(root: string, rel: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), content);
}

export function read(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Diagnostics as `file:line:column rule` rows, the way an officer reads them. */
export function rows(ds: readonly { file: string; line: number; column: number; ruleId: string }[]): string[] {
  return ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
}
