/**
 * Funding per financial year, stacked by priority or by funder, with each year's total printed above
 * its bar. The totals are the model's (scripts/model/strategy.ts); the table adds a total row and column.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatMoney } from '../../model/format.js';
import { comparePeriods } from '../../model/periods.js';
import { PALETTE, PLOT_WIDTH, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, JobResult } from '../types.js';
import { wrapWords } from '../text-metrics.js';
import { missingInput } from './common.js';

/** The key's labels: 12px, wrapped to 500px. */
const KEY_WIDTH = 500;

export default {
  kind: 'funding',
  block: {
    name: 'funding-chart',
    description: 'Funding per year, by priority or by funder.',
    attributes: [{ name: 'by', kind: { oneOf: ['priority', 'funder'] }, required: true }],
    example: '::funding-chart{by=priority}',
  },
  job: (request, ctx) => fundingJob(request['by'] === 'funder' ? 'funder' : 'priority', ctx),
} satisfies ChartKindDefinition;

function fundingJob(by: 'priority' | 'funder', ctx: KindContext): JobResult {
  const { model } = ctx;
  if (!model.data.funding) return missingInput(ctx, 'funding', 'data/funding.yaml');
  const totalsOf = model.fundingTotals;
  // Every year of the strategy, and any year a stream gives an amount for.
  const years = Object.keys(totalsOf.byYear).sort(comparePeriods);
  const byGroup = by === 'priority' ? totalsOf.byPriority : totalsOf.byFunder;
  // A priority's group is labelled with its title.
  const labelOf = (key: string) => (by === 'priority' ? (model.priorityById.get(key)?.title ?? key) : key);
  const keyOf = new Map(Object.keys(byGroup).map((k) => [labelOf(k), k]));

  // Groups in the order priorities are listed (by priority), or by total, largest first (by funder).
  const totals = new Map<string, number>();
  for (const [key, amounts] of Object.entries(byGroup))
    totals.set(
      labelOf(key),
      Object.values(amounts).reduce((a, b) => a + b, 0),
    );
  const priorityOrder = model.priorities.map((p) => p.title);
  const groups = [...totals.keys()].sort((a, b) => {
    if (by === 'priority') {
      const ia = priorityOrder.indexOf(a);
      const ib = priorityOrder.indexOf(b);
      if (ia !== ib) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
    } else if (totals.get(b)! !== totals.get(a)!) return totals.get(b)! - totals.get(a)!;
    return a < b ? -1 : a > b ? 1 : 0;
  });

  const amount = (g: string, y: string) => byGroup[keyOf.get(g) ?? g]?.[y] ?? 0;
  // More colours than the palette's seven cannot be told apart: the smallest groups share one grey bar
  // in the chart (the table lists them all).
  const MAX_SERIES = 7;
  const shown =
    groups.length <= MAX_SERIES
      ? groups
      : [...groups].sort((a, b) => totals.get(b)! - totals.get(a)!).slice(0, MAX_SERIES - 1);
  const others = groups.filter((g) => !shown.includes(g));
  const otherLabel = `Other ${by === 'priority' ? 'priorities' : 'funders'} (${others.length})`;
  const series = others.length ? [...groups.filter((g) => shown.includes(g)), otherLabel] : groups;
  // A long funder's name is wrapped in the key (measured as Vega measures it), never cut.
  const key = (g: string) => wrapWords(g, KEY_WIDTH, 12).join('\n');
  const values = series.flatMap((g, gi) =>
    years
      .map((y) => ({
        year: y,
        group: key(g),
        amount: g === otherLabel ? others.reduce((sum, o) => sum + amount(o, y), 0) : amount(g, y),
        order: gi,
      }))
      .filter((r) => r.amount > 0),
  );
  const colours = series.map((g, i) => (g === otherLabel ? '#b1b4b6' : PALETTE[i % (PALETTE.length - 1)]!));
  const yearTotals = years.map((y) => ({ year: y, total: totalsOf.byYear[y] ?? 0 }));
  const grand = totalsOf.total;
  const label = by === 'priority' ? 'Priority' : 'Funder';

  const x = { field: 'year', type: 'ordinal' as const, sort: years, title: 'Financial year', axis: { labelAngle: 0 } };
  const spec = {
    width: PLOT_WIDTH,
    height: 300,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          x,
          y: {
            field: 'amount',
            type: 'quantitative',
            aggregate: 'sum',
            title: 'Amount',
            axis: { labelExpr: "'£' + format(datum.value, '~s')" },
          },
          color: {
            field: 'group',
            type: 'nominal',
            sort: series.map(key),
            scale: { domain: series.map(key), range: colours },
            title: label,
            legend: { columns: 1, labelLimit: KEY_WIDTH + 40, labelExpr: "split(datum.label, '\\n')" },
          },
          order: { field: 'order', type: 'quantitative', sort: 'ascending' },
        },
      },
      {
        data: { values: yearTotals.map((t) => ({ ...t, label: formatMoney(t.total) })) },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontWeight: 'bold', color: TEXT, fontSize: 12 },
        encoding: { x, y: { field: 'total', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;

  const rows = groups.map((g) => [g, ...years.map((y) => formatMoney(amount(g, y))), formatMoney(totals.get(g)!)]);
  rows.push(['Total', ...yearTotals.map((t) => formatMoney(t.total)), formatMoney(grand)]);
  const table: ChartTable = {
    caption: `Data for the chart: funding by ${by} and financial year (pounds)`,
    columns: [
      { label, numeric: false },
      ...years.map((y) => ({ label: y, numeric: true })),
      { label: 'Total', numeric: true },
    ],
    rows,
    totalRows: [rows.length - 1],
  };
  const largest = [...groups].sort((a, b) => totals.get(b)! - totals.get(a)!)[0];
  const description =
    `Stacked bars of funding in each financial year from ${years[0]} to ${years.at(-1)}, by ${by}. ` +
    `Total ${formatMoney(grand)}: ${yearTotals.map((t) => `${t.year} ${formatMoney(t.total)}`).join(', ')}.` +
    (largest ? ` The largest share is ${largest} (${formatMoney(totals.get(largest)!)}).` : '');
  return { job: { id: `chart-funding-by-${by}`, title: `Funding by ${by} and year`, description, spec, table } };
}
