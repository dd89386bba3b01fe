/**
 * Every limit of the sandbox (./pool.ts), in one place. The defaults are generous: the example's charts
 * draw in well under a second each and its chapters parse in milliseconds, so only a hostile or broken
 * input comes near them.
 *
 * The machine's owner may change them through the environment (a reviewer's shell, a CI job), never
 * through the strategy's own files: those arrive in pull requests, and a pull request must not be able
 * to raise its own limits.
 *
 *   STRATEGY_CHART_SECONDS       wall-clock seconds to check or draw one chart      (default 20)
 *   STRATEGY_MARKDOWN_SECONDS    wall-clock seconds to read one chapter's Markdown  (default 20)
 *   STRATEGY_WORKER_MEMORY_MB    heap of each sandbox worker, in MB                 (default 512)
 */
import { EnvironmentError } from '../../diagnostics/diagnostic.js';

export interface Budgets {
  chartSeconds: number;
  markdownSeconds: number;
  memoryMb: number;
}

export const DEFAULT_BUDGETS: Readonly<Budgets> = { chartSeconds: 20, markdownSeconds: 20, memoryMb: 512 };

export const BUDGET_VARIABLES: Readonly<Record<keyof Budgets, string>> = {
  chartSeconds: 'STRATEGY_CHART_SECONDS',
  markdownSeconds: 'STRATEGY_MARKDOWN_SECONDS',
  memoryMb: 'STRATEGY_WORKER_MEMORY_MB',
};

/** Below this a worker cannot even load the chart libraries. */
const MIN_MEMORY_MB = 64;

/** The budgets in force: the defaults, with any set in the environment. */
export function sandboxBudgets(env: NodeJS.ProcessEnv = process.env): Budgets {
  const out = { ...DEFAULT_BUDGETS };
  for (const key of Object.keys(BUDGET_VARIABLES) as (keyof Budgets)[]) {
    const name = BUDGET_VARIABLES[key];
    const text = env[name]?.trim();
    if (text === undefined || text === '') continue;
    const value = Number(text);
    const min = key === 'memoryMb' ? MIN_MEMORY_MB : 0;
    if (!Number.isFinite(value) || value <= min)
      throw new EnvironmentError(
        `The environment variable ${name} is "${text}", which is not a usable limit.`,
        key === 'memoryMb'
          ? `Set it to a number of megabytes above ${MIN_MEMORY_MB}, e.g. ${name}=${DEFAULT_BUDGETS.memoryMb}, or unset it for the default.`
          : `Set it to a number of seconds, e.g. ${name}=${DEFAULT_BUDGETS[key]}, or unset it for the default.`,
      );
    out[key] = value;
  }
  return out;
}
