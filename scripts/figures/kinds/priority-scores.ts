/**
 * Priority-setting scores: each candidate's weighted score (model/priority-matrix.ts: the weighted
 * mean, exact, rounded once), ranked, with the selection threshold drawn as a line when there is one.
 */
import type { TopLevelSpec } from 'vega-lite';
import { toNumber } from '../../model/decimal.js';
import { wrapWords } from '../text-metrics.js';
import { PALETTE, PLOT_WIDTH, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, JobResult } from '../types.js';
import { missingInput, wrappedLabelAxis } from './common.js';

/** The candidates' labels beside the bars: 12px, wrapped to 290px, 14px apart. */
const LABEL_SIZE = 12;
const LABEL_WIDTH = 290;
const LABEL_LINE = 14;

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
  const m = model.matrix;
  if (!matrix || !m) return missingInput(ctx, 'priority-setting scores', 'data/priority-matrix.yaml');
  // The same exact scores, rounded the same way, as the matrix table and the open data.
  const max = matrix.scale_max;
  const [chosenLabel, notChosenLabel] = m.threshold
    ? [`Selected (${m.threshold.text} or more)`, 'Not selected']
    : [CHOSEN, NOT_CHOSEN];
  const byId = new Map(matrix.candidates.map((c) => [c.id, c]));
  const values = m.candidates.map((s, i) => ({
    // Wrapped to the room beside the bars (measured as Vega measures it), never cut.
    candidate: wrapWords(`${i + 1}. ${s.title}`, LABEL_WIDTH, LABEL_SIZE).join('\n'),
    total: s.scoreValue,
    status: s.selected ? chosenLabel : notChosenLabel,
    label: s.scoreText,
  }));
  const y = {
    field: 'candidate',
    type: 'nominal' as const,
    sort: values.map((v) => v.candidate),
    title: null,
    axis: wrappedLabelAxis(LABEL_SIZE, LABEL_WIDTH, LABEL_LINE),
  };
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        y,
        x: { field: 'total', type: 'quantitative', scale: { domain: [0, max] }, title: `Weighted score (1 to ${max})` },
        color: {
          field: 'status',
          type: 'nominal',
          scale: { domain: [chosenLabel, notChosenLabel], range: [PALETTE[0], '#b1b4b6'] },
          title: null,
          legend: { orient: 'bottom', direction: 'horizontal' },
        },
      },
    },
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, color: TEXT, fontSize: 12 },
      encoding: { y, x: { field: 'total', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  if (m.threshold) {
    layers.push({
      data: { values: [{ threshold: toNumber(m.threshold.value) }] },
      mark: { type: 'rule', color: TEXT, strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { x: { field: 'threshold', type: 'quantitative' } },
    });
  }
  const spec = {
    width: PLOT_WIDTH - 140,
    height: { step: Math.max(30, Math.max(...values.map((v) => v.candidate.split('\n').length)) * LABEL_LINE + 10) },
    data: { values },
    // The candidates' axis belongs to the bars and their labels only: the threshold rule, with its own
    // data, spans the whole height instead of adding an empty row.
    layer: layers,
  } as unknown as TopLevelSpec;
  const table: ChartTable = {
    caption: `Data for the chart: priority-setting scores (each score 1 to ${matrix.scale_max}; weighted score = sum of weight × score ÷ total weight ${m.totalWeightText})`,
    columns: [
      { label: 'Candidate', numeric: false },
      { label: 'Rank', numeric: true },
      ...matrix.criteria.map((k) => ({ label: `${k.label} (×${m.weights.get(k.id)?.text ?? ''})`, numeric: true })),
      { label: 'Weighted score', numeric: true },
      { label: m.threshold ? 'Selected' : 'Chosen', numeric: false },
    ],
    rows: m.candidates.map((s) => {
      const c = byId.get(s.id);
      return [
        s.title,
        String(s.rank),
        ...matrix.criteria.map((k) => (c?.scores[k.id] === undefined ? '' : String(c.scores[k.id]))),
        s.scoreText,
        s.selected ? 'Yes' : 'No',
      ];
    }),
  };
  const chosen = m.candidates.filter((s) => s.selected).length;
  const top = m.candidates[0]!;
  const description =
    `Horizontal bars ranking ${m.candidates.length} candidate priorities by weighted score, on a scale of 1 to ${max}, across ${matrix.criteria.length} criteria (${matrix.criteria.map((k) => k.label).join(', ')}). ` +
    (m.threshold
      ? `${chosen} scored ${m.threshold.text} or more and were selected. `
      : `${chosen} became priorities. `) +
    `Highest: ${top.title} (${top.scoreText}).`;
  return { job: { id: 'chart-priority-scores', title: 'Priority-setting scores', description, spec, table } };
}
