import fs from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects. `example`: the tests that read the example strategy's real outputs (they call
 * `inject('exampleOut')`), which share one build of it (site and PDF), made once by the global setup.
 * `unit`: everything else, which never waits for that build, so a single unit-test file runs on its own
 * in seconds. A test joins `example` by using `inject('exampleOut')`; nothing to list here.
 */
const tests = fs
  .readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .map((f) => path.posix.join('tests', f.split(path.sep).join('/')))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const example = tests.filter((f) =>
  /\binject\(\s*['"](exampleOut|secondOut)['"]\s*\)/.test(fs.readFileSync(f, 'utf8')),
);

export default defineConfig({
  test: {
    // Browser and PDF tests share one Chromium per file; two cores, so two workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...example] },
      },
      { extends: true, test: { name: 'example', include: example, globalSetup: ['tests/support/example-build.ts'] } },
    ],
  },
});
