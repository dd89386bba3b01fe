/**
 * The main thread's side of the charts' sandboxed work (`./job-tasks.ts` runs in the worker): each call
 * is one job with the chart budget from scripts/util/sandbox/budgets.ts. A spec error comes back as a
 * ChartSpecError, as if drawn here; a chart stopped by a limit rejects with SandboxLimitError, which
 * callers turn into a `chart/over-budget` diagnostic at the chart (`overBudget`).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { runSandboxed, SandboxLimitError, sandboxBudgets, taskModule } from '../util/sandbox/pool.js';
import type { DrawInput, DrawReply, SpecCheck } from './job-tasks.js';
import type { Analysis } from './vega-lite/analyse.js';
import { ChartSpecError } from './vega-lite/spec-error.js';

const TASKS = taskModule(import.meta.url, './job-tasks');

const run = <T>(name: string, input: unknown) =>
  runSandboxed<T>({ module: TASKS, name }, input, sandboxBudgets().chartSeconds);

/** Compile a checked spec and run its analysis (check.ts, steps 3 and 4). */
export const checkSpecInSandbox = (spec: Record<string, unknown>) => run<SpecCheck>('checkSpec', spec);

/** A generated spec's data tables, read from its marks. */
export const specTablesInSandbox = (spec: Record<string, unknown>) => run<Analysis>('specTables', spec);

/** Draw a job's spec to its finished SVG. */
export async function drawInSandbox(job: {
  id: string;
  title: string;
  description: string;
  spec: TopLevelSpec;
}): Promise<string> {
  const input: DrawInput = { id: job.id, title: job.title, description: job.description, spec: job.spec };
  const reply = await run<DrawReply>('drawJob', input);
  if (!reply.ok) throw new ChartSpecError(reply.stage, reply.message);
  return reply.svg;
}

/** The `chart/over-budget` error for a chart a limit stopped, at `at` in `file`. */
export function overBudget(err: SandboxLimitError, file: string, at: Position): Diagnostic {
  const what =
    err.limit === 'time'
      ? `drawing it took longer than ${err.seconds} seconds`
      : err.limit === 'memory'
        ? `drawing it needed more than ${err.memoryMb} MB of memory`
        : 'its spec or data nests deeper than the drawing can follow';
  return diag('chart/over-budget', file, at, [what]);
}

export { SandboxLimitError };
