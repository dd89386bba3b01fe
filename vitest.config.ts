import fs from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.js';

/**
 * Three projects. `example`: the tests that read the example strategies' real outputs (they call
 * `inject('exampleOut')` or `inject('secondOut')`), which share one build of each (site and PDF), made
 * once by the global setup. `unit` and `unit-isolated`: everything else, which never waits for that
 * build, so a single unit-test file runs on its own in seconds. A test joins `example` by using
 * `inject(…)`; nothing to list here.
 *
 * `unit` files run one after another in the same worker process (`isolate: false`): a file then does not
 * pay for a new process and for loading Vega, zod, unified and the rest again. That is safe for a file
 * whose assertions do not depend on what other files left in a module: results kept by content in memory
 * give the same values, so only a file that counts cache hits, draws or parses (`…Stats`), points a cache
 * at its own folder, replaces a module or the environment, or runs a server, a CLI or a browser of its
 * own, runs in a process of its own (`unit-isolated`); the pattern below finds those by what they use,
 * and the folders after it are isolated whole.
 */
const tests = fs
  .readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .map((f) => path.posix.join('tests', f.split(path.sep).join('/')))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const source = (f: string) => fs.readFileSync(f, 'utf8');
const example = tests.filter((f) => /\binject\(\s*['"](exampleOut|secondOut)['"]\s*\)/.test(source(f)));
const STATEFUL =
  /\b[a-zA-Z]+Stats\b|\buse[A-Za-z]*CacheDir\b|\bclear[A-Za-z]*Memory\b|\bCACHE_DIR\b|\bvi\.(mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\b|process\.env\[[^\]]+\]\s*=[^=]|process\.(chdir|exitCode|on)\b|globalThis\.|\bcreateRenderCache\b/;
const ISOLATED_FOLDERS = /^tests\/(cli|dev|security|package|build)\//;
const isolated = tests.filter((f) => !example.includes(f) && (ISOLATED_FOLDERS.test(f) || STATEFUL.test(source(f))));

export default defineConfig({
  test: {
    // Browser and PDF tests share one Chromium per file; two cores, so two workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...example, ...isolated],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'unit-isolated', include: isolated } },
      { extends: true, test: { name: 'example', include: example, globalSetup: ['tests/support/example-build.ts'] } },
    ],
  },
});
