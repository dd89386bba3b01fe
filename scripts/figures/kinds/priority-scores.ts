/**
 * Priority-setting scores: each candidate's weighted score (model/priority-matrix.ts: the weighted
 * mean, exact, rounded once), ranked, with the selection threshold drawn as a line when there is one.
 */
import type { TopLevelSpec } from 'vega-lite';
import { toNumber } from '../../model/decimal.js';
import { arialWidth, wrapWords } from '../text-metrics.js';
import { PALETTE, PLOT_WIDTH, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, JobResult } from '../types.js';
import { missingInput, wrappedLabelAxis } from './common.js';

/** The candidates' labels beside the bars: 12px, wrapped to 290px, 14px apart. */
const LABEL_SIZE = 12;
const LABEL_WIDTH = 290;
const LABEL_LINE = 14;

/** The score beside each bar: 12px, starting 5px past the bar's end. */
const VALUE_SIZE = 12;
const VALUE_DX = 5;
/** The threshold rule's width, and the room a score keeps from it on either side. */
const RULE_WIDTH = 1.5;
const RULE_CLEARANCE = 4;
const PLOT = PLOT_WIDTH - 140;

/**
 * Where a bar's score is drawn, in score units (the mark adds VALUE_DX): at the bar's end, unless the
 * threshold rule would cross or touch the text there (a score just under the threshold: "3.40" beside
 * a 3.5 line), when it starts just past the rule instead, so the line and the figure stay apart.
 */
function scoreLabelAt(total: number, label: string, max: number, threshold: number | undefined): number {
  if (threshold === undefined) return total;
  const perUnit = PLOT / max;
  const start = total * perUnit + VALUE_DX;
  const end = start + arialWidth(label, VALUE_SIZE, false);
  const rule = threshold * perUnit;
  const reach = RULE_WIDTH / 2 + RULE_CLEARANCE;
  if (rule + reach <= start || rule - reach >= end) return total;
  return (rule + reach - VALUE_DX) / perUnit;
}

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
  const threshold = m.threshold ? toNumber(m.threshold.value) : undefined;
  const values = m.candidates.map((s, i) => ({
    // Wrapped to the room beside the bars (measured as Vega measures it), never cut.
    candidate: wrapWords(`${i + 1}. ${s.title}`, LABEL_WIDTH, LABEL_SIZE).join('\n'),
    total: s.scoreValue,
    status: s.selected ? chosenLabel : notChosenLabel,
    label: s.scoreText,
    labelAt: scoreLabelAt(s.scoreValue, s.scoreText, max, threshold),
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
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: VALUE_DX, color: TEXT, fontSize: VALUE_SIZE },
      encoding: { y, x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  if (threshold !== undefined) {
    layers.push({
      data: { values: [{ threshold }] },
      mark: { type: 'rule', color: TEXT, strokeDash: [4, 3], strokeWidth: RULE_WIDTH },
      encoding: { x: { field: 'threshold', type: 'quantitative' } },
    });
  }
  const spec = {
    width: PLOT,
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
