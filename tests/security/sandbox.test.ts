/**
 * Issue 10, the backstop: the sandbox pool itself (scripts/util/sandbox/). Real jobs (the Markdown parse
 * and the chart tasks the build runs there), with inputs no static check has looked at: a small pool
 * reused across jobs, a job over its time budget or memory cap stopped and its worker replaced, and only
 * plain data and the tool's own code crossing into the worker. Bounds are
 * generous (30 s, not a timing test).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../scripts/diagnostics/diagnostic.js';
import { parseMarkdownText } from '../../scripts/load/markdown.js';
import { BUDGET_VARIABLES, DEFAULT_BUDGETS, sandboxBudgets } from '../../scripts/util/sandbox/budgets.js';
import {
  closeSandbox,
  runSandboxed,
  SandboxLimitError,
  sandboxStats,
  taskModule,
} from '../../scripts/util/sandbox/pool.js';

const MARKDOWN = { module: taskModule(import.meta.url, '../../scripts/load/markdown'), name: 'parseMarkdownText' };
const CHECK = { module: taskModule(import.meta.url, '../../scripts/figures/job-tasks'), name: 'checkSpec' };
const DRAW = { module: taskModule(import.meta.url, '../../scripts/figures/job-tasks'), name: 'drawJob' };

/** A density with 100,000 steps over 100,000 rows: 10^10 steps of work, all of it allowed by the static checks. */
const SLOW_SPEC = {
  data: { sequence: { start: 0, stop: 100_000, as: 'n' } },
  transform: [{ density: 'n', steps: 100_000 }],
  mark: 'line',
  encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } },
};
const SMALL_SPEC = {
  data: { values: [{ area: 'North', count: 3 }] },
  mark: 'bar',
  encoding: { x: { field: 'area', type: 'nominal' }, y: { field: 'count', type: 'quantitative' } },
};

/** Resolves to the error a job failed with (or throws if it did not fail). */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('the job did not fail');
}

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.values(BUDGET_VARIABLES)) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});
afterAll(closeSandbox);

describe('the sandbox pool', () => {
  it('runs many jobs on at most two workers, reused, with the same result as in-process', async () => {
    await closeSandbox();
    const before = sandboxStats().started;
    const texts = Array.from(
      { length: 12 },
      (_, i) => `## Heading ${i}\n\nSome *text* with a [link](#x) and ::kpi-table{priority=p${i}}\n`,
    );
    const trees = await Promise.all(texts.map((t) => runSandboxed(MARKDOWN, t, 20)));
    expect(trees).toEqual(texts.map((t) => parseMarkdownText(t)));
    const stats = sandboxStats();
    expect(stats.started - before).toBeGreaterThanOrEqual(1);
    expect(stats.started - before).toBeLessThanOrEqual(2);
    expect(stats.workers).toBeLessThanOrEqual(2);
    expect(stats.running).toBe(0);
    // Idle workers stay for the next job: no new worker for it.
    await runSandboxed(MARKDOWN, 'again', 20);
    expect(sandboxStats().started).toBe(stats.started);
  });

  it('stops a job over its time budget, replaces the worker, and runs the next job', async () => {
    // One worker, with the chart code loaded: the bound below is then about the job, not a worker's start.
    await closeSandbox();
    await runSandboxed(CHECK, SMALL_SPEC, 20);
    const before = sandboxStats();
    const started = Date.now();
    const err = await failure(runSandboxed(CHECK, SLOW_SPEC, 2));
    expect(err).toBeInstanceOf(SandboxLimitError);
    expect((err as SandboxLimitError).limit).toBe('time');
    expect(err.message).toBe('stopped after 2 seconds');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(sandboxStats().stopped).toBe(before.stopped + 1);
    // The next job gets a working worker (a new one, or the other one).
    const ok = await runSandboxed<{ warnings: string[]; analysis: { tables: unknown[] } }>(CHECK, SMALL_SPEC, 20);
    expect(ok.analysis.tables).toHaveLength(1);
    expect(sandboxStats().workers).toBeLessThanOrEqual(2);
  });

  it('stops a drawing over its time budget the same way', async () => {
    const err = await failure(
      runSandboxed(DRAW, { id: 'chart-slow', title: 'Slow', description: 'Slow.', spec: SLOW_SPEC }, 2),
    );
    expect(err).toBeInstanceOf(SandboxLimitError);
    expect((err as SandboxLimitError).limit).toBe('time');
  });

  it('stops a job over the memory cap (resourceLimits) and replaces the worker', async () => {
    process.env[BUDGET_VARIABLES.memoryMb] = '128';
    await closeSandbox(); // the cap is set when a worker starts
    const before = sandboxStats().stopped;
    // Three million rows: far more than 128 MB of heap.
    const hungry = { ...SMALL_SPEC, data: { sequence: { start: 0, stop: 3_000_000, as: 'n' } } };
    await runSandboxed(CHECK, SMALL_SPEC, 20);
    const started = Date.now();
    const err = await failure(runSandboxed(CHECK, hungry, 120));
    expect(err).toBeInstanceOf(SandboxLimitError);
    expect((err as SandboxLimitError).limit).toBe('memory');
    expect(err.message).toBe('stopped at 128 MB of memory');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(sandboxStats().stopped).toBe(before + 1);
    const ok = await runSandboxed<{ analysis: { tables: unknown[] } }>(CHECK, SMALL_SPEC, 20);
    expect(ok.analysis.tables).toHaveLength(1);
    await closeSandbox();
  });

  it('takes plain data only, and runs only the tool’s own code', async () => {
    const fn = await failure(runSandboxed(MARKDOWN, { text: 'x', toString: () => 'x' }, 20));
    expect(fn.name).toBe('DataCloneError');
    const foreign = await failure(runSandboxed({ module: new URL('file:///tmp/evil.js'), name: 'run' }, 'x', 20));
    expect(foreign.message).toMatch(/runs only the tool's own code/);
    const missing = await failure(runSandboxed({ module: MARKDOWN.module, name: 'nothing' }, 'x', 20));
    expect(missing.message).toMatch(/exports no function nothing/);
    expect(await runSandboxed(MARKDOWN, 'still fine', 20)).toEqual(parseMarkdownText('still fine'));
  });
});

describe('the budgets', () => {
  it('are set in one place, with generous defaults, changed only by the environment', () => {
    expect(DEFAULT_BUDGETS).toEqual({ chartSeconds: 20, markdownSeconds: 20, memoryMb: 512 });
    expect(sandboxBudgets({})).toEqual(DEFAULT_BUDGETS);
    expect(
      sandboxBudgets({
        STRATEGY_CHART_SECONDS: '5',
        STRATEGY_MARKDOWN_SECONDS: '2.5',
        STRATEGY_WORKER_MEMORY_MB: '256',
      }),
    ).toEqual({ chartSeconds: 5, markdownSeconds: 2.5, memoryMb: 256 });
  });

  it('refuse a value that is not a usable limit, saying what to write', () => {
    for (const env of [
      { STRATEGY_CHART_SECONDS: 'soon' },
      { STRATEGY_CHART_SECONDS: '0' },
      { STRATEGY_WORKER_MEMORY_MB: '10' },
    ]) {
      let err: unknown;
      try {
        sandboxBudgets(env);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(EnvironmentError);
      expect((err as EnvironmentError).hint).toMatch(/e\.g\. STRATEGY_/);
    }
  });
});
