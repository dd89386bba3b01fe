/**
 * KPI trend: the baseline, actuals by period, the target for each financial year (a dashed step per
 * year) and the latest point coloured and labelled with its RAG status. Time runs on a month scale so
 * yearly, quarterly and monthly figures sit at the right place; each point is at its period's middle.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatKpiValue, KPI_UNIT_TITLES } from '../../model/format.js';
import { comparePeriods, describePeriod, parsePeriod, fyLabel } from '../../model/periods.js';
import { RAG_LABELS, ragFor, type RagStatus } from '../../model/rag.js';
import { GRID, PALETTE, PLOT_WIDTH, RAG_COLOURS, SECONDARY_TEXT, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, GeneratedChartRequest, JobResult } from '../types.js';
import { labelExprFor, missingInput, unknownRef } from './common.js';

const mid = (label: string): number | undefined => {
  const p = parsePeriod(label);
  return p ? (p.startIndex + p.endIndex + 1) / 2 : undefined;
};

export default {
  kind: 'kpi-trend',
  block: {
    name: 'kpi-chart',
    description: 'One KPI’s trend: baseline, actuals, yearly targets and the latest RAG status.',
    attributes: [{ name: 'kpi', kind: 'kpi', required: true }],
    example: '::kpi-chart{kpi=knife-crime-offences}',
  },
  job: (request, ctx) => kpiTrendJob(request, ctx),
} satisfies ChartKindDefinition;

function kpiTrendJob(request: Readonly<GeneratedChartRequest>, ctx: KindContext): JobResult {
  const { model } = ctx;
  const kpiId = request['kpi'] ?? '';
  if (!model.data.kpis) return missingInput(ctx, 'KPI trend', 'data/kpis.yaml');
  const kpi = model.kpiById.get(kpiId);
  if (!kpi)
    return unknownRef(
      ctx,
      'KPI',
      kpiId,
      model.kpis.map((k) => k.id),
      'data/kpis.yaml',
    );
  const rag = model.rag.get(kpi.id) ?? { status: 'grey' };
  const fmt = (v: number) => formatKpiValue(v, kpi.unit);

  const years = [...new Set([...model.years, ...Object.keys(kpi.targets)])].sort(comparePeriods);
  // Figures not yet published (`value: null`) have no point on the line; the description says why.
  const actuals = kpi.actuals
    .filter((a): a is typeof a & { value: number } => a.value !== null)
    .sort((a, b) => comparePeriods(a.period, b.period));
  const all = [kpi.baseline.period, ...years, ...actuals.map((a) => a.period)]
    .map(parsePeriod)
    .filter((p) => p !== undefined);
  const fyStarts = all.map((p) => p.fyStart);
  // Loops, not Math.min(...spread): a spread of many thousand values overflows the call stack.
  const firstFy = fyStarts.reduce((a, b) => Math.min(a, b), Infinity);
  const lastFy = fyStarts.reduce((a, b) => Math.max(a, b), -Infinity);
  const domain: [number, number] = [firstFy * 12, (lastFy + 1) * 12];

  const yearRows = [];
  const yearLabels = new Map<number, string>();
  for (let fy = firstFy; fy <= lastFy; fy++) {
    yearRows.push({ x: fy * 12 });
    yearLabels.set(fy * 12 + 6, fyLabel(fy));
  }
  const targetRows = Object.entries(kpi.targets)
    .map(([fy, value]) => ({ fy, value, p: parsePeriod(fy) }))
    .filter((t) => t.p)
    .sort((a, b) => comparePeriods(a.fy, b.fy))
    .map((t) => ({ x: t.p!.startIndex, x2: t.p!.endIndex + 1, value: t.value, label: `Target ${fmt(t.value)}` }));
  const actualRows = actuals.map((a) => ({ x: mid(a.period)!, value: a.value, period: describePeriod(a.period) }));
  const baselineRow = {
    x: mid(kpi.baseline.period) ?? domain[0],
    value: kpi.baseline.value,
    label: `Baseline ${fmt(kpi.baseline.value)}`,
  };
  const latest =
    rag.period !== undefined && rag.value !== undefined
      ? { x: mid(rag.period)!, value: rag.value, status: rag.status }
      : undefined;
  const nearRight = latest ? latest.x > domain[0] + (domain[1] - domain[0]) * 0.7 : false;

  // Labels go on the side of the target line away from the actuals: below it when lower is better.
  const lowerBetter = kpi.direction === 'lower-is-better';
  const values = [kpi.baseline.value, ...targetRows.map((t) => t.value), ...actualRows.map((a) => a.value)];
  const lo = values.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = values.reduce((a, b) => Math.max(a, b), -Infinity);
  const pad = Math.max((hi - lo) * 0.25, Math.abs(hi) * 0.05, 1);
  const yDomain = [
    Math.max(kpi.unit === 'percent' || lo >= 0 ? 0 : -Infinity, lo - pad),
    kpi.unit === 'percent' ? Math.min(100, hi + pad) : hi + pad,
  ];
  const axisX = {
    title: 'Financial year',
    values: [...yearLabels.keys()],
    labelExpr: labelExprFor(yearLabels),
    grid: false,
    ticks: false,
    domain: true,
    labelPadding: 8,
  };
  const x = { field: 'x', type: 'quantitative' as const, scale: { domain, nice: false, zero: false }, axis: axisX };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    scale: { domain: yDomain, nice: true, zero: false },
    title: KPI_UNIT_TITLES[kpi.unit],
  };
  const layers: unknown[] = [
    { data: { values: yearRows }, mark: { type: 'rule', color: GRID, strokeWidth: 1 }, encoding: { x } },
    {
      data: { values: targetRows },
      mark: { type: 'rule', color: TEXT, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: { x, x2: { field: 'x2' }, y },
    },
    {
      data: { values: targetRows },
      mark: {
        type: 'text',
        align: 'left',
        baseline: lowerBetter ? 'top' : 'bottom',
        dx: 4,
        dy: lowerBetter ? 5 : -5,
        color: SECONDARY_TEXT,
        fontSize: 12,
      },
      encoding: { x, y, text: { field: 'label' } },
    },
    {
      data: { values: [baselineRow] },
      mark: { type: 'point', shape: 'diamond', size: 140, filled: true, color: SECONDARY_TEXT },
      encoding: { x, y },
    },
    {
      data: { values: [baselineRow] },
      mark: {
        type: 'text',
        align: 'center',
        baseline: lowerBetter ? 'bottom' : 'top',
        dy: lowerBetter ? -10 : 10,
        color: SECONDARY_TEXT,
        fontSize: 12,
      },
      encoding: { x, y, text: { field: 'label' } },
    },
    {
      data: { values: actualRows },
      mark: { type: 'line', color: PALETTE[0], strokeWidth: 2.5, point: { filled: true, size: 50, color: PALETTE[0] } },
      encoding: { x, y },
    },
  ];
  if (latest) {
    layers.push(
      {
        data: { values: [latest] },
        mark: {
          type: 'point',
          shape: 'circle',
          size: 220,
          filled: true,
          stroke: TEXT,
          strokeWidth: 2,
          color: RAG_COLOURS[latest.status],
        },
        encoding: { x, y },
      },
      {
        data: { values: [{ ...latest, label: `Latest ${fmt(latest.value)}: ${RAG_LABELS[latest.status]}` }] },
        mark: {
          type: 'text',
          align: nearRight ? 'right' : 'left',
          baseline: lowerBetter ? 'bottom' : 'top',
          dx: nearRight ? -8 : 8,
          dy: lowerBetter ? -10 : 10,
          fontWeight: 'bold',
          color: TEXT,
          fontSize: 12,
        },
        encoding: { x, y, text: { field: 'label' } },
      },
    );
  }
  const spec = { width: PLOT_WIDTH, height: 280, layer: layers } as unknown as TopLevelSpec;

  const better = kpi.direction === 'lower-is-better' ? 'lower is better' : 'higher is better';
  const parts = [
    `Line chart of ${kpi.title.replace(/\.$/, '')} (${better}).`,
    `Baseline ${fmt(kpi.baseline.value)} in ${describePeriod(kpi.baseline.period)}.`,
  ];
  if (rag.period !== undefined && rag.value !== undefined) {
    parts.push(
      `Latest ${fmt(rag.value)} in ${describePeriod(rag.period)}${rag.target !== undefined ? ` against a target of ${fmt(rag.target)} for ${parsePeriod(rag.period)!.fy}` : ''}: ${RAG_LABELS[rag.status].toLowerCase()}.`,
    );
  } else if (rag.unavailable && rag.period !== undefined) {
    parts.push(
      `The figure for ${describePeriod(rag.period)} is not yet available${rag.unavailable.reason ? ` (${rag.unavailable.reason.replace(/\.$/, '')})` : ''}${rag.lastPublished ? `; the last published figure is ${fmt(rag.lastPublished.value)} in ${describePeriod(rag.lastPublished.period)}` : ''}.`,
    );
  } else parts.push('No actual figures yet.');
  const targetsText = targetRows.length
    ? `Targets: ${Object.entries(kpi.targets)
        .sort(([a], [b]) => comparePeriods(a, b))
        .map(([fy, v]) => `${fy} ${fmt(v)}`)
        .join(', ')}.`
    : 'No targets set.';
  parts.push(targetsText);

  const table: ChartTable = {
    caption: `Data for the chart: ${kpi.title}`,
    columns: [
      { label: 'Period', numeric: false },
      { label: 'Actual', numeric: true },
      { label: 'Target for the year', numeric: true },
      { label: 'Status', numeric: false },
    ],
    rows: [[`Baseline (${describePeriod(kpi.baseline.period)})`, fmt(kpi.baseline.value), '', '']],
  };
  for (const a of actuals) {
    const fy = parsePeriod(a.period)?.fy;
    const target = fy ? kpi.targets[fy] : undefined;
    const status: RagStatus = target === undefined ? 'grey' : ragFor(a.value, target, kpi.direction, model.ragRule);
    table.rows.push([
      describePeriod(a.period),
      fmt(a.value),
      target === undefined ? '' : fmt(target),
      RAG_LABELS[status],
    ]);
  }
  if (rag.unavailable && rag.period !== undefined) {
    const fy = parsePeriod(rag.period)?.fy;
    const target = fy ? kpi.targets[fy] : undefined;
    table.rows.push([
      describePeriod(rag.period),
      'Not yet available',
      target === undefined ? '' : fmt(target),
      rag.unavailable.reason ? `Not yet available: ${rag.unavailable.reason}` : 'Not yet available',
    ]);
  }
  const withActuals = new Set([
    ...actuals.map((a) => parsePeriod(a.period)?.fy),
    ...(rag.unavailable && rag.period ? [parsePeriod(rag.period)?.fy] : []),
  ]);
  for (const [fy, value] of Object.entries(kpi.targets).sort(([a], [b]) => comparePeriods(a, b))) {
    if (!withActuals.has(fy)) table.rows.push([`${fy} (no figures yet)`, '', fmt(value), '']);
  }

  return {
    job: {
      id: `chart-kpi-trend-${kpi.id}`,
      title: kpi.title,
      description: parts.join(' '),
      source: kpi.source,
      spec,
      table,
    },
  };
}
