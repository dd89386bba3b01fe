/**
 * Priority-setting scores: each candidate's weighted total (the sum over criteria of weight × score),
 * ranked, with the candidates that became priorities shown darker and labelled.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatScore, formatWeight } from '../../model/format.js';
import { maxPriorityScore } from '../../model/priority-scores.js';
import { truncate } from '../format.js';
import { PALETTE, PLOT_WIDTH, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, JobResult } from '../types.js';
import { missingInput } from './common.js';

const CHOSEN = 'Chosen as a priority';
const NOT_CHOSEN = 'Not chosen';

export default {
  kind: 'priority-scores',
  block: {
    name: 'priority-scores-chart',
    description: 'Candidate priorities ranked by their weighted score.',
    attributes: [],
    example: '::priority-scores-chart',
  },
  job: (_request, ctx) => priorityScoresJob(ctx),
} satisfies ChartKindDefinition;

function priorityScoresJob(ctx: KindContext): JobResult {
  const { model } = ctx;
  const matrix = model.data.priorityMatrix;
  if (!matrix) return missingInput(ctx, 'priority-setting scores', 'data/priority-matrix.yaml');
  const max = maxPriorityScore(matrix);
  const scored = model.priorityScores.map((s) => ({ c: s.candidate, total: s.total }));
  const values = scored.map((s, i) => ({
    candidate: `${i + 1}. ${truncate(s.c.title, 44)}`,
    total: s.total,
    status: s.c.priority ? CHOSEN : NOT_CHOSEN,
    label: formatScore(s.total),
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
          x: { field: 'total', type: 'quantitative', scale: { domain: [0, max] }, title: `Weighted score (out of ${formatScore(max)})` },
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
      ...matrix.criteria.map((k) => ({ label: `${k.label} (×${formatWeight(k.weight)})`, numeric: true })),
      { label: 'Weighted total', numeric: true },
      { label: 'Chosen', numeric: false },
    ],
    rows: scored.map((s, i) => [String(i + 1), s.c.title, ...matrix.criteria.map((k) => (s.c.scores[k.id] === undefined ? '' : formatScore(s.c.scores[k.id]!))), formatScore(s.total), s.c.priority ? 'Yes' : 'No']),
  };
  // The rank is the first column, but the candidate names the row.
  table.columns = [table.columns[1]!, table.columns[0]!, ...table.columns.slice(2)];
  table.rows = table.rows.map((r) => [r[1]!, r[0]!, ...r.slice(2)]);
  const chosen = scored.filter((s) => s.c.priority).length;
  const description = `Horizontal bars ranking ${scored.length} candidate priorities by weighted score, out of ${formatScore(max)}, across ${matrix.criteria.length} criteria (${matrix.criteria.map((k) => k.label).join(', ')}). ${chosen} became priorities. Highest: ${scored[0]!.c.title} (${formatScore(scored[0]!.total)}).`;
  return { job: { id: 'chart-priority-scores', title: 'Priority-setting scores', description, spec, table } };
}
