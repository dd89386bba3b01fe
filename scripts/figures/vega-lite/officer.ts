/**
 * Officer charts: a checked data/charts/<id>.yaml (or a ```chart block) becomes a drawing job. Its
 * data tables were read from the marks when the chart was checked (table.ts): one per view that says
 * something different, with Vega-Lite's own titles and values formatted by their encoding.
 *
 * Budgets: a table over `rows` rows (a chart file's `table_rows`, else DEFAULT_TABLE_ROWS) shows its
 * first rows on the site with a link to the whole table as CSV (`data/charts/<id>.csv`, written with
 * the site), and a summary in the PDF that points to the same file.
 */
import { formatNumber } from '../format.js';
import type { ChartJob } from '../job.js';
import type { ChartColumn, ChartTable, LoadedChart } from '../types.js';
import type { ViewTable } from './table.js';

/** Rows a chart's table shows before it is cut: a few pages of print at most. */
export const DEFAULT_TABLE_ROWS = 300;

export function officerJob(chart: LoadedChart): ChartJob {
  const job: ChartJob = {
    id: `chart-${chart.id}`,
    title: chart.title,
    description: chart.description,
    spec: chart.spec,
    table: officerTable(chart),
  };
  if (chart.source) job.source = chart.source;
  return job;
}

/** Where a chart's n-th table (from 0) is offered as CSV, relative to the site's root. */
export function csvFileOf(chartId: string, n: number): string {
  return `data/charts/${chartId}${n === 0 ? '' : `-${n + 1}`}.csv`;
}

function captionOf(chart: LoadedChart, t: ViewTable, n: number, count: number): string {
  const base = `Data for the chart: ${chart.title}`;
  const parts: string[] = [];
  if (t.view) parts.push(t.view);
  if (t.measure) parts.push(t.measure.toLowerCase());
  if (count > 1 && !t.view) parts.push(`table ${n + 1} of ${count}`);
  return parts.length ? `${base} (${parts.join(', ')})` : base;
}

/** The chart's tables as figure tables, cut to the row budget. */
export function officerTable(chart: LoadedChart): ChartTable {
  const limit = chart.tableRows ?? DEFAULT_TABLE_ROWS;
  const views = chart.tables;
  if (views.length === 0) {
    return {
      caption: `Data for the chart: ${chart.title}`,
      columns: [{ label: 'What the chart draws', numeric: false }],
      rows: [['Shapes only (such as boundaries): the chart has no values to list.']],
    };
  }
  const tables = views.map((t, n): ChartTable => {
    const table: ChartTable = {
      caption: captionOf(chart, t, n, views.length),
      columns: t.columns.map((c): ChartColumn => ({ label: c.label, numeric: c.numeric })),
      rows: t.rows,
    };
    if (t.rows.length > limit) {
      const file = csvFileOf(chart.id, n);
      table.rows = t.rows.slice(0, limit);
      table.note = `The first ${formatNumber(limit)} of ${formatNumber(t.rows.length)} rows are shown.`;
      table.cut = { file, total: t.rows.length, summary: summaryOf(t, table.caption) };
    }
    return table;
  });
  const [first, ...more] = tables;
  if (more.length) first!.more = more;
  return first!;
}

/** The whole of a chart's n-th table as CSV (raw values: numbers unformatted, times ISO). */
export function tableCsv(t: ViewTable): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[t.columns.map((c) => cell(c.label)).join(','), ...t.raw.map((r) => r.map(cell).join(','))].join('\n')}\n`;
}

/** CSV files for every table that is cut, by site path. */
export function officerDownloads(chart: LoadedChart): Map<string, string> {
  const limit = chart.tableRows ?? DEFAULT_TABLE_ROWS;
  const out = new Map<string, string>();
  chart.tables.forEach((t, n) => {
    if (t.rows.length > limit) out.set(csvFileOf(chart.id, n), tableCsv(t));
  });
  return out;
}

/**
 * A summary that fits a printed page: per column, the first and last value as the chart orders them,
 * and for numbers the lowest, highest and average.
 */
function summaryOf(t: ViewTable, caption: string): ChartTable {
  const rows = t.columns.map((c, i) => {
    const values = t.raw.map((r) => r[i]);
    const shown = t.rows.map((r) => r[i] ?? '');
    const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const numeric = c.numeric && numbers.length > 0;
    const low = numeric ? Math.min(...numbers) : undefined;
    const high = numeric ? Math.max(...numbers) : undefined;
    const mean = numeric ? numbers.reduce((a, b) => a + b, 0) / numbers.length : undefined;
    return [
      c.label,
      shown[0] ?? '',
      shown.at(-1) ?? '',
      low === undefined ? '' : formatNumber(low),
      high === undefined ? '' : formatNumber(high),
      mean === undefined ? '' : formatNumber(mean),
    ];
  });
  return {
    caption: `Summary of the ${formatNumber(t.rows.length)} rows of data for the chart: ${caption.replace(/^Data for the chart: /, '')}`,
    columns: [
      { label: 'Column', numeric: false },
      { label: 'First row', numeric: false },
      { label: 'Last row', numeric: false },
      { label: 'Lowest', numeric: true },
      { label: 'Highest', numeric: true },
      { label: 'Average', numeric: true },
    ],
    rows,
  };
}
