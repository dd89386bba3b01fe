/**
 * The order files start in: longest first, whichever project they belong to, so that the two workers
 * finish together instead of one waiting on a long file that started last. Vitest's own order runs the
 * projects one after another (by name) and, with no record of earlier runs (a fresh CI checkout), puts
 * the largest files first; the browser files are small and among the longest, so they come first here,
 * then every other file by how long it took last time (from Vitest's cache), and files it has no record
 * of by size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const weight = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${path.relative(config.root, spec.moduleId)}`;
      const last = cache.getFileTestResults(key)?.duration;
      const browser = spec.moduleId.endsWith('.browser.test.ts') ? 1e12 : 0;
      // No record: before the recorded ones (as Vitest does), larger first.
      return browser + (last ?? 1e9 + fs.statSync(spec.moduleId).size);
    };
    const weights = new Map(files.map((f) => [f, weight(f)]));
    return [...files].sort((a, b) => weights.get(b)! - weights.get(a)!);
  }
}
