/**
 * Priority-setting scores: each candidate's weighted total (the sum over criteria of weight × score),
 * ranked, with the candidates that became priorities shown darker and labelled.
 */
import type { TopLevelSpec } from 'vega-lite';
import { missingInput } from './common.js';
import { formatNumber, truncate } from '../format.js';
import type { JobResult } from '../types.js';
import { PALETTE, PLOT_WIDTH, TEXT } from '../theme.js';
import type { ChartContext, ChartTable } from '../types.js';

const CHOSEN = 'Chosen as a priority';
const NOT_CHOSEN = 'Not chosen';

export function priorityScoresJob(ctx: ChartContext): JobResult {
  const matrix = ctx.project.data.priorityMatrix;
  if (!matrix) return missingInput(ctx, 'priority-setting scores', 'data/priority-matrix.yaml');
  const max = matrix.scale_max * matrix.criteria.reduce((a, c) => a + c.weight, 0);
  const scored = matrix.candidates
    .map((c) => ({ c, total: matrix.criteria.reduce((sum, k) => sum + k.weight * (c.scores[k.id] ?? 0), 0) }))
    .sort((a, b) => b.total - a.total || (a.c.title < b.c.title ? -1 : a.c.title > b.c.title ? 1 : 0));
  const values = scored.map((s, i) => ({
    candidate: `${i + 1}. ${truncate(s.c.title, 44)}`,
    total: s.total,
    status: s.c.priority ? CHOSEN : NOT_CHOSEN,
    label: formatNumber(s.total, 1),
  }));
  const y = { field: 'candidate', type: 'nominal' as const, sort: values.map((v) => v.candidate), title: null, axis: { labelLimit: 300 } };
  const spec = {
    width: PLOT_WIDTH - 140,
    height: { step: 30 },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'total', type: 'quantitative', scale: { domain: [0, max] }, title: `Weighted score (out of ${formatNumber(max, 1)})` },
          color: { field: 'status', type: 'nominal', scale: { domain: [CHOSEN, NOT_CHOSEN], range: [PALETTE[0], '#b1b4b6'] }, title: null, legend: { orient: 'bottom', direction: 'horizontal' } },
        },
      },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, color: TEXT, fontSize: 12 }, encoding: { x: { field: 'total', type: 'quantitative' }, text: { field: 'label' } } },
    ],
  } as unknown as TopLevelSpec;
  const table: ChartTable = {
    caption: `Data for the chart: priority-setting scores (each score 1 to ${matrix.scale_max}, multiplied by the criterion's weight)`,
    columns: [
      { label: 'Rank', numeric: true },
      { label: 'Candidate', numeric: false },
      ...matrix.criteria.map((k) => ({ label: `${k.label} (×${formatNumber(k.weight, 2)})`, numeric: true })),
      { label: 'Weighted total', numeric: true },
      { label: 'Chosen', numeric: false },
    ],
    rows: scored.map((s, i) => [String(i + 1), s.c.title, ...matrix.criteria.map((k) => (s.c.scores[k.id] === undefined ? '' : String(s.c.scores[k.id]))), formatNumber(s.total, 1), s.c.priority ? 'Yes' : 'No']),
  };
  // The rank is the first column, but the candidate names the row.
  table.columns = [table.columns[1]!, table.columns[0]!, ...table.columns.slice(2)];
  table.rows = table.rows.map((r) => [r[1]!, r[0]!, ...r.slice(2)]);
  const chosen = scored.filter((s) => s.c.priority).length;
  const description = `Horizontal bars ranking ${scored.length} candidate priorities by weighted score, out of ${formatNumber(max, 1)}, across ${matrix.criteria.length} criteria (${matrix.criteria.map((k) => k.label).join(', ')}). ${chosen} became priorities. Highest: ${scored[0]!.c.title} (${formatNumber(scored[0]!.total, 1)}).`;
  return { job: { id: 'chart-priority-scores', title: 'Priority-setting scores', description, spec, table } };
}
