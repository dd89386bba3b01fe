/**
 * Vitest global setup: builds the example strategy and the second example once each (site and PDF)
 * into a temporary folder, for the tests that assert on the real outputs. Tests read the folders with
 * `inject('exampleOut')` and `inject('secondOut')`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SECOND_ROOT = path.join(REPO_ROOT, 'tests', 'strategies', 'thamesmouth');

export default async function setup(project: TestProject): Promise<() => void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-example-'));
  const dist = path.join(out, 'dist');
  // The second example (tests/strategies/thamesmouth), built the same way: site and PDF.
  const second = path.join(out, 'thamesmouth');
  // Both at once: one's JavaScript stages run while the other's Chromium prints.
  const [result, built] = await Promise.all([
    build({ root: REPO_ROOT, out: dist, pdf: true }),
    build({ root: SECOND_ROOT, out: second, pdf: true }),
  ]);
  if (!result.ok) {
    throw new Error(
      `The example strategy does not build:\n${result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n')}`,
    );
  }
  if (!built.ok || built.diagnostics.length) {
    throw new Error(
      `The second example strategy does not build clean:\n${built.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n')}`,
    );
  }
  project.provide('exampleOut', dist);
  project.provide('secondOut', second);
  return () => fs.rmSync(out, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    exampleOut: string;
    secondOut: string;
  }
}
