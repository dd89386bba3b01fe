/**
 * Officer charts: a loaded data/charts/<id>.yaml becomes a drawing job. Its data table is the data
 * the marks actually draw (after the spec's filters, aggregates and time units), read from the Vega
 * view, with one column per encoded field, titled as the axes and legends title it.
 */
import type * as vega from 'vega';
import { formatNumber, formatTime } from '../format.js';
import type { ChartJob, DataReader } from '../job.js';
import type { ChartColumn, ChartTable, LoadedChart } from '../types.js';

type Json = Record<string, unknown>;

export const MAX_TABLE_ROWS = 1000;

export function officerJob(chart: LoadedChart): ChartJob {
  const job: ChartJob = {
    id: `chart-${chart.id}`,
    title: chart.title,
    description: chart.description,
    spec: chart.spec,
    table: (data, compiled) => officerTable(chart, data, compiled),
  };
  if (chart.source) job.source = chart.source;
  return job;
}

const TABLE_CHANNELS = ['row', 'column', 'facet', 'y', 'x', 'y2', 'x2', 'theta', 'radius', 'color', 'fill', 'stroke', 'shape', 'size', 'opacity', 'strokeDash', 'detail', 'text'];
const OP_LABELS: Record<string, string> = { sum: 'Total', mean: 'Average', average: 'Average', median: 'Median', min: 'Lowest', max: 'Highest', distinct: 'Number of different', valid: 'Number of', missing: 'Missing' };

interface Column {
  label: string;
  key: string;
  numeric: boolean;
  timeUnit?: string;
  temporal: boolean;
  sortDescending: boolean;
}

/** The unit spec (the one with a mark and encoding) whose data the table shows: the first layer's. */
function unitSpec(spec: Json): Json | undefined {
  if ('mark' in spec) return spec;
  for (const key of ['layer', 'vconcat', 'hconcat', 'concat']) {
    const list = spec[key];
    if (Array.isArray(list)) for (const s of list) {
      const found = s && typeof s === 'object' ? unitSpec(s as Json) : undefined;
      if (found) return { ...found, encoding: { ...((spec['encoding'] as Json) ?? {}), ...((found['encoding'] as Json) ?? {}) } };
    }
  }
  if (spec['spec'] && typeof spec['spec'] === 'object') return unitSpec(spec['spec'] as Json);
  return undefined;
}

/** The dataset the first mark draws, by walking the compiled Vega marks in order. */
function markDataset(compiled: vega.Spec): string | undefined {
  const top = new Set((compiled.data ?? []).map((d) => d.name));
  const walk = (marks: unknown[] | undefined): string | undefined => {
    for (const m of marks ?? []) {
      const mark = m as Json;
      const from = mark['from'] as Json | undefined;
      const facet = from?.['facet'] as Json | undefined;
      if (facet && typeof facet['data'] === 'string' && top.has(facet['data'])) return facet['data'];
      if (from && typeof from['data'] === 'string' && top.has(from['data'])) return from['data'];
      if (mark['type'] === 'group') {
        const inner = walk(mark['marks'] as unknown[] | undefined);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return walk(compiled.marks as unknown[] | undefined);
}

function columnFor(channel: string, def: Json, row: Json | undefined): Column | undefined {
  const field = typeof def['field'] === 'string' ? (def['field'] as string).replace(/\\(.)/g, '$1') : undefined;
  const aggregate = typeof def['aggregate'] === 'string' ? (def['aggregate'] as string) : undefined;
  const tu = def['timeUnit'];
  const timeUnit = typeof tu === 'string' ? tu : tu && typeof tu === 'object' && typeof (tu as Json)['unit'] === 'string' ? ((tu as Json)['unit'] as string) : undefined;
  if (!field && aggregate !== 'count') return undefined;
  let key: string;
  if (aggregate === 'count') key = '__count';
  else if (aggregate) key = `${aggregate}_${field}`;
  else if (timeUnit) key = `${timeUnit}_${field}`;
  else if (def['bin']) key = Object.keys(row ?? {}).find((k) => k.startsWith('bin_') && k.endsWith(`_${field}`)) ?? `bin_${field}`;
  else key = field!;
  if (row && !(key in row)) {
    const alt = Object.keys(row).find((k) => k === field || k.endsWith(`_${field}`));
    if (!alt) return undefined;
    key = alt;
  }
  const axis = def['axis'] as Json | undefined;
  const legend = def['legend'] as Json | undefined;
  const explicit = [def['title'], axis?.['title'], legend?.['title']].find((t) => typeof t === 'string') as string | undefined;
  const label = explicit ?? (aggregate === 'count' ? 'Count' : aggregate ? `${OP_LABELS[aggregate] ?? aggregate} ${field}` : field!);
  const type = def['type'];
  const sort = (channel === 'x' || channel === 'y') && typeof def['sort'] === 'string' ? (def['sort'] as string) : '';
  const column: Column = {
    label,
    key,
    numeric: type === 'quantitative' || aggregate !== undefined,
    temporal: type === 'temporal' || timeUnit !== undefined,
    sortDescending: false,
  };
  if (timeUnit) column.timeUnit = timeUnit;
  // `sort: -x` on y orders the bars by x, largest first: the table follows.
  if (sort.startsWith('-')) column.sortDescending = true;
  void channel;
  return column;
}

function officerTable(chart: LoadedChart, data: DataReader, compiled: vega.Spec): ChartTable {
  const unit = unitSpec(chart.spec as unknown as Json);
  const name = markDataset(compiled);
  const rows = name ? data(name) : [];
  const encoding = (unit?.['encoding'] as Json | undefined) ?? {};
  const columns: Column[] = [];
  const sortBy: { column: Column; channel: string }[] = [];
  for (const channel of TABLE_CHANNELS) {
    const def = encoding[channel];
    if (!def || typeof def !== 'object' || Array.isArray(def)) continue;
    const col = columnFor(channel, def as Json, rows[0]);
    if (!col || columns.some((c) => c.key === col.key)) continue;
    columns.push(col);
    const sort = (def as Json)['sort'];
    if (typeof sort === 'string' && /^-?(x|y)$/.test(sort)) sortBy.push({ column: col, channel: sort.replace('-', '') });
  }
  // Categories (and times) first, then the numbers: the first column heads each row of the table.
  columns.sort((a, b) => Number(a.numeric && !a.temporal) - Number(b.numeric && !b.temporal));
  const cell = (c: Column, v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (c.temporal && (v instanceof Date || typeof v === 'number')) return formatTime(v, c.timeUnit);
    if (typeof v === 'number') return formatNumber(v);
    return String(v);
  };
  let ordered = [...rows];
  const temporal = columns.find((c) => c.temporal);
  const byChannel = sortBy[0];
  const yDef = encoding['y'] as Json | undefined;
  const yColumn = columns.find((c) => yDef && c.key === columnFor('y', yDef, rows[0])?.key);
  const sortObj = yDef && typeof yDef['sort'] === 'object' && yDef['sort'] !== null && !Array.isArray(yDef['sort']) ? (yDef['sort'] as Json) : undefined;
  if (byChannel) {
    const target = columnFor(byChannel.channel, encoding[byChannel.channel] as Json, rows[0]);
    if (target) {
      const desc = byChannel.column.sortDescending;
      ordered.sort((a, b) => (Number(a[target.key]) - Number(b[target.key])) * (desc ? -1 : 1));
    }
  } else if (sortObj && typeof sortObj['field'] === 'string' && rows[0] && (sortObj['field'] as string) in rows[0]) {
    const f = sortObj['field'] as string;
    const desc = sortObj['order'] === 'descending';
    ordered.sort((a, b) => compareValues(a[f], b[f]) * (desc ? -1 : 1));
  } else if (temporal) {
    ordered.sort((a, b) => toNumber(a[temporal.key]) - toNumber(b[temporal.key]));
  }

  // Two categories and one number (a heat map, a grouped bar): a cross-table reads better than a long list.
  const categories = columns.filter((c) => !c.numeric || c.temporal);
  const measures = columns.filter((c) => c.numeric && !c.temporal);
  if (categories.length === 2 && measures.length === 1) {
    const xDef = encoding['x'] as Json | undefined;
    const xKey = xDef ? columnFor('x', xDef, rows[0])?.key : undefined;
    const across = categories.find((c) => c.temporal) ?? categories.find((c) => c.key === xKey) ?? categories[1]!;
    const downColumn = categories.find((c) => c !== across)!;
    const measure = measures[0]!;
    const acrossValues = uniqueBy(
      [...ordered].sort((a, b) => (across.temporal ? toNumber(a[across.key]) - toNumber(b[across.key]) : 0)),
      (r) => cell(across, r[across.key]),
    );
    if (acrossValues.length <= 24) {
      const downKey = (r: Json) => cell(downColumn, r[downColumn.key]);
      const totals = new Map<string, number>();
      for (const r of ordered) totals.set(downKey(r), (totals.get(downKey(r)) ?? 0) + Number(r[measure.key] ?? 0));
      let down = uniqueBy(ordered, downKey).sort();
      if (downColumn === yColumn && sortObj && sortObj['order'] === 'descending') down = [...down].sort((a, b) => totals.get(b)! - totals.get(a)!);
      const lookup = new Map(ordered.map((r) => [`${downKey(r)}\u0000${cell(across, r[across.key])}`, cell(measure, r[measure.key])]));
      return {
        caption: `Data for the chart: ${chart.title} (${measure.label.toLowerCase()})`,
        columns: [{ label: downColumn.label, numeric: false }, ...acrossValues.map((v) => ({ label: v, numeric: true }))],
        rows: down.map((d) => [d, ...acrossValues.map((a) => lookup.get(`${d}\u0000${a}`) ?? '')]),
      };
    }
  }

  const note = ordered.length > MAX_TABLE_ROWS ? `The first ${formatNumber(MAX_TABLE_ROWS)} of ${formatNumber(ordered.length)} rows are shown.` : undefined;
  ordered = ordered.slice(0, MAX_TABLE_ROWS);
  const table: ChartTable = {
    caption: `Data for the chart: ${chart.title}`,
    columns: columns.map((c): ChartColumn => ({ label: c.label, numeric: c.numeric && !c.temporal })),
    rows: ordered.map((r) => columns.map((c) => cell(c, r[c.key]))),
  };
  if (note) table.note = note;
  return table;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): string[] {
  const seen = new Set<string>();
  for (const i of items) seen.add(key(i));
  return [...seen];
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a ?? '');
  const sb = String(b ?? '');
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function toNumber(v: unknown): number {
  return v instanceof Date ? v.getTime() : typeof v === 'number' ? v : 0;
}
