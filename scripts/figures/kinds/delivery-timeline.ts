/**
 * Delivery timeline: a Gantt-style bar per action, from its first milestone (or the start of the
 * strategy) to the end of the quarter it is due, coloured by status and labelled with the status in
 * words (so it reads in greyscale), with milestones as diamonds.
 */
import type { TopLevelSpec } from 'vega-lite';
import { comparePeriods, describePeriod, parsePeriod, strategyYears, fyLabel } from '../../model/periods.js';
import type { Action } from '../../schema/index.js';
import { wrapWords } from '../text-metrics.js';
import { GRID, PLOT_WIDTH, RAG_COLOURS, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, JobResult } from '../types.js';
import { emptyWarning, labelExprFor, missingInput, unknownRef, wrappedLabelAxis } from './common.js';

/** The action labels beside the bars: 11px (8.25pt in print), wrapped to 310px, 13px apart. */
const LABEL_SIZE = 11;
const LABEL_WIDTH = 310;
const LABEL_LINE = 13;

export const STATUS_LABELS: Record<Action['status'], string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  complete: 'Complete',
};
const STATUS_COLOURS: Record<Action['status'], string> = {
  'not-started': '#b1b4b6',
  'on-track': RAG_COLOURS.green,
  'at-risk': RAG_COLOURS.amber,
  'off-track': RAG_COLOURS.red,
  complete: RAG_COLOURS.blue,
};
const STATUSES = Object.keys(STATUS_LABELS) as Action['status'][];

export default {
  kind: 'delivery-timeline',
  block: {
    name: 'delivery-timeline',
    description: 'Delivery actions by due quarter, coloured by status.',
    attributes: [{ name: 'priority', kind: 'priority', required: false }],
    example: '::delivery-timeline',
  },
  job: (request, ctx) => deliveryTimelineJob(request['priority'] || undefined, ctx),
} satisfies ChartKindDefinition;

function deliveryTimelineJob(priority: string | undefined, ctx: KindContext): JobResult {
  const { model } = ctx;
  if (!model.data.actions) return missingInput(ctx, 'delivery timeline', 'data/actions.yaml');
  const priorities = model.priorities;
  let priorityTitle: string | undefined;
  if (priority !== undefined) {
    const p = priorities.find((x) => x.id === priority);
    if (!p)
      return unknownRef(
        ctx,
        'priority',
        priority,
        priorities.map((x) => x.id),
        'data/priorities.yaml',
      );
    priorityTitle = p.title;
  }
  const order = new Map(priorities.map((p, i) => [p.id, i]));
  const actions = model.actions
    .filter((a) => priority === undefined || a.priority === priority)
    .sort(
      (a, b) =>
        (order.get(a.priority) ?? Infinity) - (order.get(b.priority) ?? Infinity) ||
        comparePeriods(a.due, b.due) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const diagnostics =
    actions.length === 0
      ? [
          emptyWarning(
            ctx,
            'delivery timeline',
            'data/actions.yaml',
            'Add actions to data/actions.yaml (each with a due quarter and a status).',
          ),
        ]
      : [];

  // The strategy's years, widened to any quarter an action or milestone falls in.
  const strategyFys = model.years.map((y) => parsePeriod(y)?.fyStart).filter((fy) => fy !== undefined);
  const allQuarters = [...actions.map((a) => a.due), ...actions.flatMap((a) => a.milestones.map((m) => m.quarter))]
    .map(parsePeriod)
    .filter((p) => p !== undefined);
  const startFy = Math.min(strategyFys[0] ?? Infinity, ...allQuarters.map((p) => p.fyStart));
  const endFy = Math.max(strategyFys.at(-1) ?? -Infinity, ...allQuarters.map((p) => p.fyStart));
  const firstFy = Number.isFinite(startFy) ? startFy : 2027;
  const lastFy = Number.isFinite(endFy) ? endFy : firstFy;
  const q = (label: string) => {
    const p = parsePeriod(label);
    return p ? (p.startIndex - firstFy * 12) / 3 : 0;
  };
  const nQuarters = (lastFy - firstFy + 1) * 4;
  // Each label wrapped to the room beside the bars, measured as Vega measures it, never cut: the rows
  // are as tall as the longest label needs.
  const lines = new Map(actions.map((a) => [a.id, wrapWords(`${a.id} ${a.action}`, LABEL_WIDTH, LABEL_SIZE)]));
  const label = (a: Action) => lines.get(a.id)!.join('\n');
  const labelLines = Math.max(1, ...[...lines.values()].map((l) => l.length));

  const bars = actions.map((a) => {
    const due = q(a.due);
    const firstMilestone = Math.min(due, ...a.milestones.map((m) => q(m.quarter)));
    return {
      action: label(a),
      start: a.milestones.length ? firstMilestone : 0,
      end: due + 1,
      status: STATUS_LABELS[a.status],
      text: STATUS_LABELS[a.status],
    };
  });
  const milestones = actions.flatMap((a) => a.milestones.map((m) => ({ action: label(a), at: q(m.quarter) + 0.5 })));
  const yearLabels = new Map<number, string>();
  const boundaries = [];
  for (let fy = firstFy; fy <= lastFy; fy++) {
    yearLabels.set((fy - firstFy) * 4 + 2, fyLabel(fy));
    boundaries.push({ at: (fy - firstFy) * 4 });
  }
  const quarterLines = Array.from({ length: nQuarters }, (_, i) => ({ at: i })).filter((r) => r.at % 4 !== 0);
  boundaries.push({ at: nQuarters });

  const domain = [0, nQuarters];
  const xScale = { domain, nice: false, zero: false };
  const axis = {
    title: 'Due by (financial year)',
    values: [...yearLabels.keys()],
    labelExpr: labelExprFor(yearLabels),
    grid: false,
    ticks: false,
    orient: 'top' as const,
    labelPadding: 6,
  };
  const y = {
    field: 'action',
    type: 'nominal' as const,
    sort: bars.map((b) => b.action),
    title: null,
    axis: wrappedLabelAxis(LABEL_SIZE, LABEL_WIDTH, LABEL_LINE),
  };
  const used = STATUSES.filter((s) => actions.some((a) => a.status === s));
  const spec = {
    // 320px of labels beside the bars: the whole drawing stays within the A4 column (643px), so that its
    // 11px labels print at 7.5pt or more rather than being scaled down.
    width: Math.max(PLOT_WIDTH - 240, 280),
    height: { step: Math.max(26, labelLines * LABEL_LINE + 8) },
    layer: [
      {
        data: { values: quarterLines },
        mark: { type: 'rule', color: GRID, strokeWidth: 0.75, strokeDash: [2, 3] },
        encoding: { x: { field: 'at', type: 'quantitative', scale: xScale, axis } },
      },
      {
        data: { values: boundaries },
        mark: { type: 'rule', color: '#6f777b', strokeWidth: 1 },
        encoding: { x: { field: 'at', type: 'quantitative', scale: xScale, axis } },
      },
      {
        data: { values: bars },
        mark: { type: 'bar', height: 16, cornerRadius: 2, stroke: TEXT, strokeWidth: 0.5 },
        encoding: {
          y,
          x: {
            field: 'start',
            type: 'quantitative',
            scale: xScale,
            axis,
          },
          x2: { field: 'end' },
          color: {
            field: 'status',
            type: 'nominal',
            scale: { domain: used.map((s) => STATUS_LABELS[s]), range: used.map((s) => STATUS_COLOURS[s]) },
            title: 'Status',
            legend: { orient: 'bottom', direction: 'horizontal', columns: 5 },
          },
        },
      },
      {
        data: { values: milestones },
        mark: {
          type: 'point',
          shape: 'diamond',
          filled: true,
          size: 70,
          color: TEXT,
          stroke: '#ffffff',
          strokeWidth: 1,
        },
        encoding: { y, x: { field: 'at', type: 'quantitative', scale: xScale, axis } },
      },
      {
        data: { values: bars },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 11, color: TEXT },
        encoding: { y, x: { field: 'end', type: 'quantitative', scale: xScale, axis }, text: { field: 'text' } },
      },
    ],
  } as unknown as TopLevelSpec;

  const titleOf = new Map(priorities.map((p) => [p.id, p.title]));
  const table: ChartTable = {
    caption: `Data for the chart: delivery actions${priorityTitle ? ` for ${priorityTitle}` : ''}`,
    columns: [
      { label: 'Action', numeric: false },
      ...(priority === undefined ? [{ label: 'Priority', numeric: false }] : []),
      { label: 'Lead', numeric: false },
      { label: 'Due by', numeric: false },
      { label: 'Status', numeric: false },
      { label: 'Milestones', numeric: false },
    ],
    rows: actions.map((a) => [
      `${a.id}: ${a.action}`,
      ...(priority === undefined ? [titleOf.get(a.priority) ?? a.priority] : []),
      `${a.lead.role}, ${a.lead.organisation}`,
      describePeriod(a.due),
      STATUS_LABELS[a.status],
      [...a.milestones]
        .sort((m, n) => comparePeriods(m.quarter, n.quarter))
        .map((m) => `${m.quarter}: ${m.milestone}`)
        .join('; '),
    ]),
  };
  const counts = used.map((s) => `${actions.filter((a) => a.status === s).length} ${STATUS_LABELS[s].toLowerCase()}`);
  const years = strategyYears(firstFy, lastFy - firstFy + 1);
  const description = `Timeline of ${actions.length} delivery action${actions.length === 1 ? '' : 's'}${priorityTitle ? ` for ${priorityTitle}` : ''}, each a bar ending in the quarter it is due, from ${years[0]} to ${years.at(-1)}, coloured by status: ${counts.join(', ') || 'none'}.`;
  const job = {
    id: priority ? `chart-delivery-timeline-${priority}` : 'chart-delivery-timeline',
    title: priorityTitle ? `Delivery timeline: ${priorityTitle}` : 'Delivery timeline',
    description,
    spec,
    table,
  };
  return diagnostics.length ? { job, diagnostics } : { job };
}
