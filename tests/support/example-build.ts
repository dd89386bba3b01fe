/**
 * Vitest global setup: builds the example strategy once (site and PDF) into a temporary folder, for
 * the tests that assert on the real outputs. Tests read the folder with `inject('exampleOut')`.
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
  const result = await build({ root: REPO_ROOT, out: dist, pdf: true });
  if (!result.ok) {
    throw new Error(
      `The example strategy does not build:\n${result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n')}`,
    );
  }
  project.provide('exampleOut', dist);
  // The second example (tests/strategies/thamesmouth), built the same way: site and PDF.
  const second = path.join(out, 'thamesmouth');
  const built = await build({ root: SECOND_ROOT, out: second, pdf: true });
  if (!built.ok || built.diagnostics.length) {
    throw new Error(
      `The second example strategy does not build clean:\n${built.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n')}`,
    );
  }
  project.provide('secondOut', second);
  return () => fs.rmSync(out, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    exampleOut: string;
    secondOut: string;
  }
}
