/**
 * The charts' work that runs in the sandbox worker (scripts/util/sandbox/): everything that compiles a
 * spec or runs its dataflow, so a chart that takes too long or too much memory is stopped there and the
 * tool carries on. Inputs and results are plain data; `./job-sandbox.ts` is the main thread's side.
 *
 *   checkSpec: spec --compile (theme)--> Vega-Lite's warnings --analysis run--> missing fields, data tables
 *   drawJob:   spec --compile (theme)--> Vega --run (interpreter, refusing loader)--> SVG, finished (ids, title)
 */
import type { TopLevelSpec } from 'vega-lite';
import { finishSvg } from './svg.js';
import { analyseSpec, type Analysis } from './vega-lite/analyse.js';
import { ChartSpecError, compileSpec, drawVega } from './vega-lite/draw.js';

/** What checking a spec found: Vega-Lite's own error, or its warnings and the analysis run. */
export type SpecCheck = { compileError: string } | { compileError?: undefined; warnings: string[]; analysis: Analysis };

export function checkSpec(spec: Record<string, unknown>): SpecCheck {
  let warnings: string[];
  try {
    warnings = compileSpec(spec as unknown as TopLevelSpec).warnings;
  } catch (err) {
    if (err instanceof ChartSpecError) return { compileError: err.message };
    throw err;
  }
  return { warnings, analysis: analyseSpec(spec) };
}

export interface DrawInput {
  id: string;
  title: string;
  description: string;
  spec: TopLevelSpec;
}

export type DrawReply = { ok: true; svg: string } | { ok: false; stage: 'compile' | 'render'; message: string };

export async function drawJob(job: DrawInput): Promise<DrawReply> {
  try {
    const compiled = compileSpec(job.spec);
    const { svg } = await drawVega(compiled.vega);
    return { ok: true, svg: finishSvg(svg, { id: job.id, title: job.title, description: job.description }) };
  } catch (err) {
    if (err instanceof ChartSpecError) return { ok: false, stage: err.stage, message: err.message };
    throw err;
  }
}

/** The data tables of a generated spec (a block's chart), read from its marks as for an officer's chart. */
export function specTables(spec: Record<string, unknown>): Analysis {
  return analyseSpec(spec);
}
