/** Helpers shared by the generated charts: diagnostics for missing data and axes over periods. */
import { diag } from '../../diagnostics/messages.js';
import type { SourceRef } from '../../load/project.js';
import type { JobResult } from '../types.js';
import type { ChartContext } from '../types.js';

function where(ctx: ChartContext, file: string): SourceRef {
  return ctx.at ?? { file, line: 1, column: 1 };
}

export function unknownRef(
  ctx: ChartContext,
  kind: string,
  id: string,
  known: readonly string[],
  file: string,
): JobResult {
  const at = where(ctx, file);
  return { diagnostics: [diag('chart/unknown-ref', at.file, at, [kind, id, known.join(', ') || '(none)'])] };
}

export function missingInput(ctx: ChartContext, what: string, file: string): JobResult {
  const at = where(ctx, file);
  return { diagnostics: [diag('chart/missing-input', at.file, at, [what, file])] };
}

export function emptyWarning(ctx: ChartContext, what: string, file: string, fix: string) {
  const at = where(ctx, file);
  return diag('chart/empty', at.file, at, [what, fix]);
}

/**
 * An axis label expression mapping tick values to labels, e.g. the middle of each financial year to
 * "2027-28". It is our own expression over numbers (run by the interpreter like any other).
 */
export function labelExprFor(labels: ReadonlyMap<number, string>): string {
  let expr = "''";
  for (const [value, label] of [...labels].reverse())
    expr = `datum.value === ${value} ? ${JSON.stringify(label)} : ${expr}`;
  return expr;
}

/**
 * A band axis whose labels were wrapped with `wrapWords` (lines joined by "\n"): Vega draws each line,
 * with room for the widest and no cut.
 */
export function wrappedLabelAxis(size: number, width: number, lineHeight: number) {
  return {
    labelLimit: width + 40,
    labelFontSize: size,
    labelLineHeight: lineHeight,
    labelExpr: "split(datum.label, '\\n')",
  };
}
