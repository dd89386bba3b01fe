/**
 * Funding per financial year, stacked by priority or by funder, with each year's total printed above
 * its bar. Totals are computed here, never typed; the table adds a total row and column.
 */
import type { TopLevelSpec } from 'vega-lite';
import { comparePeriods, strategyYears } from '../../model/periods.js';
import { missingInput } from './common.js';
import { formatPounds } from '../format.js';
import type { JobResult } from '../types.js';
import { PALETTE, PLOT_WIDTH, TEXT } from '../theme.js';
import type { ChartContext, ChartTable } from '../types.js';

export function fundingJob(by: 'priority' | 'funder', ctx: ChartContext): JobResult {
  const funding = ctx.project.data.funding;
  if (!funding) return missingInput(ctx, 'funding', 'data/funding.yaml');
  const partnership = ctx.project.data.partnership;
  const priorities = ctx.project.data.priorities?.priorities ?? [];
  const titleOf = new Map(priorities.map((p) => [p.id, p.title]));
  const years = [
    ...new Set([...(partnership ? strategyYears(partnership.strategy.start_year, partnership.strategy.years) : []), ...funding.streams.flatMap((s) => Object.keys(s.amounts))]),
  ].sort(comparePeriods);

  const groupOf = (s: (typeof funding.streams)[number]) => (by === 'priority' ? (titleOf.get(s.priority) ?? s.priority) : s.funder);
  // Groups in the order priorities are listed (by priority), or by total, largest first (by funder).
  const totals = new Map<string, number>();
  for (const s of funding.streams) totals.set(groupOf(s), (totals.get(groupOf(s)) ?? 0) + Object.values(s.amounts).reduce((a, b) => a + b, 0));
  const priorityOrder = priorities.map((p) => p.title);
  const groups = [...totals.keys()].sort((a, b) => {
    if (by === 'priority') {
      const ia = priorityOrder.indexOf(a);
      const ib = priorityOrder.indexOf(b);
      if (ia !== ib) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
    } else if (totals.get(b)! !== totals.get(a)!) return totals.get(b)! - totals.get(a)!;
    return a < b ? -1 : a > b ? 1 : 0;
  });

  const amount = (g: string, y: string) => funding.streams.filter((s) => groupOf(s) === g).reduce((sum, s) => sum + (s.amounts[y] ?? 0), 0);
  // More colours than the palette's seven cannot be told apart: the smallest groups share one grey bar
  // in the chart (the table lists them all).
  const MAX_SERIES = 7;
  const shown = groups.length <= MAX_SERIES ? groups : [...groups].sort((a, b) => totals.get(b)! - totals.get(a)!).slice(0, MAX_SERIES - 1);
  const others = groups.filter((g) => !shown.includes(g));
  const otherLabel = `Other ${by === 'priority' ? 'priorities' : 'funders'} (${others.length})`;
  const series = others.length ? [...groups.filter((g) => shown.includes(g)), otherLabel] : groups;
  const values = series.flatMap((g, gi) =>
    years.map((y) => ({ year: y, group: g, amount: g === otherLabel ? others.reduce((sum, o) => sum + amount(o, y), 0) : amount(g, y), order: gi })).filter((r) => r.amount > 0),
  );
  const colours = series.map((g, i) => (g === otherLabel ? '#b1b4b6' : PALETTE[i % (PALETTE.length - 1)]!));
  const yearTotals = years.map((y) => ({ year: y, total: groups.reduce((sum, g) => sum + amount(g, y), 0) }));
  const grand = yearTotals.reduce((a, b) => a + b.total, 0);
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
          y: { field: 'amount', type: 'quantitative', aggregate: 'sum', title: 'Amount', axis: { labelExpr: "'£' + format(datum.value, '~s')" } },
          color: { field: 'group', type: 'nominal', sort: series, scale: { domain: series, range: colours }, title: label, legend: { columns: 1, labelLimit: 520 } },
          order: { field: 'order', type: 'quantitative', sort: 'ascending' },
        },
      },
      {
        data: { values: yearTotals.map((t) => ({ ...t, label: formatPounds(t.total) })) },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontWeight: 'bold', color: TEXT, fontSize: 12 },
        encoding: { x, y: { field: 'total', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;

  const rows = groups.map((g) => [g, ...years.map((y) => formatPounds(amount(g, y))), formatPounds(totals.get(g)!)]);
  rows.push(['Total', ...yearTotals.map((t) => formatPounds(t.total)), formatPounds(grand)]);
  const table: ChartTable = {
    caption: `Data for the chart: funding by ${by} and financial year (pounds)`,
    columns: [{ label, numeric: false }, ...years.map((y) => ({ label: y, numeric: true })), { label: 'Total', numeric: true }],
    rows,
    totalRows: [rows.length - 1],
  };
  const largest = [...groups].sort((a, b) => totals.get(b)! - totals.get(a)!)[0];
  const description =
    `Stacked bars of funding in each financial year from ${years[0]} to ${years.at(-1)}, by ${by}. ` +
    `Total ${formatPounds(grand)}: ${yearTotals.map((t) => `${t.year} ${formatPounds(t.total)}`).join(', ')}.` +
    (largest ? ` The largest share is ${largest} (${formatPounds(totals.get(largest)!)}).` : '');
  return { job: { id: `chart-funding-by-${by}`, title: `Funding by ${by} and year`, description, spec, table } };
}
