/**
 * The data table of an officer chart, read from what the chart draws rather than from its input rows.
 *
 * Vega-Lite can label every mark it draws: with `tooltip: {content: "encoding"}` each mark item gets
 * an object of "axis or legend title" -> value, for exactly the channels the mark encodes, with
 * Vega-Lite's own titles ("Sum of offences"), its bin ranges ("10 – 20") and its composite marks'
 * statistics (a box plot's box carries its minimum, quartiles, median and maximum; an error bar its
 * interval). So the table is read from a second, undrawn compile of the spec with those tooltips on,
 * run over the same data:
 *
 *   spec --(tooltips on, theme)--> Vega --run--> scenegraph: per view, per mark, per item
 *     {facet values, title -> value} --typed by the tooltip's own expression--> cells
 *     --sorted as drawn (position along the category axis)--> tables joined on a shared first column
 *     --(two categories and one number)--> a cross-table
 *
 * The drawn SVG is not changed by any of this: it comes from the spec as written.
 */
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import * as vl from 'vega-lite';

type Json = Record<string, unknown>;

export interface TableColumn {
  label: string;
  /** Numbers are right-aligned. */
  numeric: boolean;
}

export interface ViewTable {
  /** The view's own title (a concat or repeat view), when it has one. */
  view?: string;
  columns: TableColumn[];
  rows: string[][];
  /** The same rows as raw values, for CSV downloads (numbers unformatted, times ISO). */
  raw: (string | number)[][];
  /** A cross-table: the number its cells hold, and the category its columns are. */
  measure?: string;
  across?: string;
}

type Kind = 'number' | 'time' | 'bin' | 'text';

interface Entry {
  label: string;
  kind: Kind;
  /** The datum field the value comes from, when it is a single field. */
  field?: string;
  /** The explicit format the spec gave (empty: Vega-Lite's default). */
  format: string;
}

const DEFAULT_TIME_FORMAT = '%b %d, %Y';

/** A copy of the spec whose every mark carries Vega-Lite's encoding tooltip (and nothing else as tooltip). */
export function analysisSpec(spec: Json): Json {
  const copy = structuredClone(spec);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Json;
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'data' || k === 'datasets') continue;
      if (k === 'encoding' && v && typeof v === 'object') delete (v as Json)['tooltip'];
      if (k === 'mark' && v && typeof v === 'object') delete (v as Json)['tooltip'];
      walk(v);
    }
  };
  walk(copy);
  const config = (copy['config'] ?? {}) as Json;
  for (const key of Object.keys(config)) {
    const c = config[key];
    if (c && typeof c === 'object' && 'tooltip' in (c as Json)) delete (c as Json)['tooltip'];
  }
  return copy;
}

/** Compile the analysis spec: the theme with tooltips from the encoding on every mark. */
export function compileAnalysis(spec: Json, theme: vl.Config): vega.Spec {
  const mark = { ...((theme.mark as Json | undefined) ?? {}), tooltip: { content: 'encoding' } };
  return vl.compile(analysisSpec(spec) as unknown as vl.TopLevelSpec, { config: { ...theme, mark } as vl.Config }).spec;
}

/** What each tooltip entry of a compiled mark is: a number, a time, a bin range or text, and from which field. */
function tooltipEntries(signal: string): Entry[] {
  let ast: Json;
  try {
    ast = vega.parseExpression(signal) as unknown as Json;
  } catch {
    return [];
  }
  if (ast['type'] !== 'ObjectExpression') return [];
  const out: Entry[] = [];
  for (const p of ast['properties'] as Json[]) {
    const key = p['key'] as Json;
    const label = String(key['value'] ?? key['name'] ?? '');
    const value = p['value'] as Json;
    out.push({ label, ...classify(value) });
  }
  return out;
}

function datumField(node: Json | undefined): string | undefined {
  if (node?.['type'] !== 'MemberExpression') return undefined;
  const object = node['object'] as Json;
  const property = node['property'] as Json;
  if (object?.['type'] !== 'Identifier' || object['name'] !== 'datum') return undefined;
  if (property?.['type'] === 'Literal') return String(property['value']);
  if (property?.['type'] === 'Identifier' && node['computed'] !== true) return String(property['name']);
  return undefined;
}

function findDatumField(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const f = datumField(node as Json);
  if (f !== undefined) return f;
  for (const v of Object.values(node as Json)) {
    const inner = findDatumField(v);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function hasEnDash(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const n = node as Json;
  if (n['type'] === 'Literal' && typeof n['value'] === 'string' && n['value'].includes('–')) return true;
  return Object.values(n).some(hasEnDash);
}

function classify(value: Json): Omit<Entry, 'label'> {
  if (hasEnDash(value)) return { kind: 'bin', format: '' };
  if (value['type'] === 'CallExpression') {
    const callee = (value['callee'] as Json)?.['name'];
    const args = (value['arguments'] as Json[]) ?? [];
    const format = args[1]?.['type'] === 'Literal' ? String(args[1]['value']) : '';
    const field = datumField(args[0]);
    const base = field !== undefined ? { field } : {};
    if (callee === 'format') return { kind: 'number', format, ...base };
    if (callee === 'timeFormat' || callee === 'utcFormat')
      return { kind: 'time', format: format === DEFAULT_TIME_FORMAT ? '' : format, ...base };
  }
  const field = findDatumField(value);
  return field !== undefined ? { kind: 'text', format: '', field } : { kind: 'text', format: '' };
}

/** Formats for cells, given from outside so the tool's one formatter is used. */
export interface CellFormats {
  number(n: number): string;
  time(value: number | Date, timeUnit: string | undefined): string;
}

interface Column {
  label: string;
  kind: Kind | 'facet';
  field?: string;
  format: string;
}

interface Row {
  cells: Map<string, string>;
  raw: Map<string, string | number>;
  key: unknown;
  order: number[];
}

interface MarkTable {
  view: string;
  viewTitle?: string;
  columns: Column[];
  rows: Row[];
}

/** Time units written in the spec, by field name: a time column without a format is written as precisely as its unit. */
function timeUnitsOf(spec: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Json;
    const tu = obj['timeUnit'];
    const unit = typeof tu === 'string' ? tu : tu && typeof tu === 'object' ? (tu as Json)['unit'] : undefined;
    if (typeof unit === 'string') {
      for (const k of ['field', 'as']) if (typeof obj[k] === 'string') out.set(obj[k] as string, unit);
    }
    for (const [k, v] of Object.entries(obj)) if (k !== 'data' && k !== 'datasets') walk(v);
  };
  walk(spec);
  return out;
}

/** Titles of facet fields, from the spec's facet, row and column definitions. */
function facetTitles(spec: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const take = (def: unknown) => {
    if (!def || typeof def !== 'object') return;
    const d = def as Json;
    if (typeof d['field'] === 'string') {
      const header = d['header'] as Json | undefined;
      const title = [d['title'], header?.['title']].find((t) => typeof t === 'string');
      out.set(
        d['field'].replace(/\\(.)/g, '$1'),
        typeof title === 'string' ? title : d['field'].replace(/\\(.)/g, '$1'),
      );
    }
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Json;
    const facet = obj['facet'];
    if (facet && typeof facet === 'object') {
      take(facet);
      take((facet as Json)['row']);
      take((facet as Json)['column']);
    }
    const enc = obj['encoding'] as Json | undefined;
    if (enc) for (const c of ['row', 'column', 'facet']) take(enc[c]);
    for (const [k, v] of Object.entries(obj)) if (k !== 'data' && k !== 'datasets' && k !== 'facet') walk(v);
  };
  walk(spec);
  return out;
}

/** Compiled marks by name: the tooltip entries of leaf marks, the facet fields of facet groups, titles of views. */
function compiledMarks(compiled: vega.Spec): {
  entries: Map<string, Entry[]>;
  facets: Map<string, string[]>;
  titles: Map<string, string>;
  axes: Map<string, 'x' | 'y' | 'angle'>;
} {
  const entries = new Map<string, Entry[]>();
  const axes = new Map<string, 'x' | 'y' | 'angle'>();
  const scaleTypes = new Map<string, string>();
  const collectScales = (node: Json): void => {
    for (const s of (node['scales'] ?? []) as Json[]) scaleTypes.set(String(s['name']), String(s['type'] ?? 'linear'));
    for (const m of (node['marks'] ?? []) as Json[]) collectScales(m);
  };
  collectScales(compiled as unknown as Json);
  const discrete = (enc: Json | undefined, ch: string) => {
    const e = enc?.[ch] as Json | undefined;
    const t = e && typeof e['scale'] === 'string' ? scaleTypes.get(e['scale']) : undefined;
    return t === 'band' || t === 'point';
  };
  const facets = new Map<string, string[]>();
  const titles = new Map<string, string>();
  const walk = (marks: unknown): void => {
    for (const m of (Array.isArray(marks) ? marks : []) as Json[]) {
      const name = typeof m['name'] === 'string' ? m['name'] : '';
      const tooltip = ((m['encode'] as Json | undefined)?.['update'] as Json | undefined)?.['tooltip'] as
        | Json
        | undefined;
      if (tooltip && typeof tooltip['signal'] === 'string') entries.set(name, tooltipEntries(tooltip['signal']));
      const update = (m['encode'] as Json | undefined)?.['update'] as Json | undefined;
      if (m['type'] === 'arc') axes.set(name, 'angle');
      else if (discrete(update, 'y') && !discrete(update, 'x')) axes.set(name, 'y');
      else if (!discrete(update, 'x') && (discrete(update, 'y') || update?.['yc']))
        axes.set(name, (update?.['y'] as Json | undefined)?.['scale'] && discrete(update, 'y') ? 'y' : 'x');
      else axes.set(name, 'x');
      const facet = (m['from'] as Json | undefined)?.['facet'] as Json | undefined;
      if (facet && Array.isArray(facet['groupby']))
        facets.set(
          name,
          (facet['groupby'] as unknown[]).filter((g): g is string => typeof g === 'string'),
        );
      const title = m['title'];
      const text =
        typeof title === 'string' ? title : title && typeof title === 'object' ? (title as Json)['text'] : undefined;
      if (typeof text === 'string') titles.set(name, text);
      walk(m['marks']);
    }
  };
  walk(compiled.marks);
  return { entries, facets, titles, axes };
}

interface SceneItem {
  datum?: Json;
  tooltip?: Json;
  items?: SceneMark[];
  x?: number;
  y?: number;
  startAngle?: number;
}
interface SceneMark {
  marktype: string;
  name?: string;
  items: SceneItem[];
}

const isYearLike = (values: number[]) =>
  values.length > 0 && values.every((v) => Number.isInteger(v) && v >= 1800 && v <= 2200);

/**
 * Read the tables from an analysis view that has run. `spec` is the spec as written (for time units
 * and facet titles); `compiled` the analysis compile the view ran.
 */
export function readTables(spec: Json, compiled: vega.Spec, scene: unknown, formats: CellFormats): ViewTable[] {
  const { entries, facets, titles, axes } = compiledMarks(compiled);
  const units = timeUnitsOf(spec);
  const facetTitle = facetTitles(spec);
  const tables: MarkTable[] = [];

  const unitOf = (field: string | undefined): string | undefined => {
    if (!field) return undefined;
    if (units.has(field)) return units.get(field);
    const m = /^(utc)?([a-z]+)_(.+)$/.exec(field);
    if (m && units.has(m[3]!)) return units.get(m[3]!);
    return undefined;
  };

  const timeColumns = new Set<string>();
  const cell = (e: Entry, item: SceneItem, shown: unknown): { text: string; raw: string | number; time?: boolean } => {
    let field = e.field;
    // An ordinal time unit's tooltip names the field as written; the data holds it as `<unit>_<field>`.
    if (field !== undefined && item.datum && !(field in item.datum)) {
      const f = field;
      const unitField = Object.keys(item.datum).find(
        (k) => k.endsWith(`_${f}`) && /^(utc)?[a-z]+_/.test(k) && !k.endsWith('_end'),
      );
      if (unitField) {
        const unit = /^((?:utc)?[a-z]+)_/.exec(unitField)![1]!;
        const v = item.datum[unitField];
        if (typeof v === 'number' || v instanceof Date)
          return { text: formats.time(v, unit), raw: isoOf(v), time: true };
        field = unitField;
      }
    }
    const v = field !== undefined ? item.datum?.[field] : undefined;
    const text = shown === undefined || shown === null ? '' : String(shown);
    if (e.kind === 'number' && e.format === '' && typeof v === 'number') return { text: formats.number(v), raw: v };
    if (e.kind === 'number' && typeof v === 'number') return { text: tidyPercent(text), raw: v };
    if (e.kind === 'time' && e.format === '' && (typeof v === 'number' || v instanceof Date))
      return { text: formats.time(v, unitOf(e.field)), raw: isoOf(v), time: true };
    if (e.kind === 'text' && (typeof v === 'number' || v instanceof Date) && unitOf(e.field))
      return { text: formats.time(v, unitOf(e.field)), raw: isoOf(v), time: true };
    if (e.kind === 'text' && v !== undefined && v !== null && typeof v !== 'object')
      return { text: String(v), raw: typeof v === 'number' ? v : String(v) };
    const shownText = text === 'undefined' || text === 'null' ? '' : e.kind === 'number' ? tidyPercent(text) : text;
    return { text: shownText, raw: shownText };
  };

  const byMark = new Map<string, MarkTable>();
  const visit = (mark: SceneMark, view: string, context: { label: string; value: string }[], order: number[]): void => {
    if (mark.marktype === 'group') {
      const name = mark.name ?? '';
      // Facet cells add their facet's values; a line's series groups (pathgroup) do not: the series is encoded.
      const groupby = /(^|_)cell$/.test(name) ? (facets.get(name) ?? []) : [];
      const isView = /(^|_)(concat_\d+|child__.+)_group$/.test(name);
      mark.items.forEach((item, i) => {
        const ctx = [...context];
        for (const g of groupby) {
          const v = item.datum?.[g];
          ctx.push({
            label: facetTitle.get(g) ?? g,
            value:
              v === undefined || v === null
                ? ''
                : typeof v === 'number' && unitOf(g)
                  ? formats.time(v, unitOf(g))
                  : String(v),
          });
        }
        for (const child of item.items ?? []) visit(child, isView ? name : view, ctx, [...order, i]);
      });
      return;
    }
    const list = entries.get(mark.name ?? '');
    if (!list) return;
    const key = `${view}\u0000${mark.name ?? ''}`;
    let table = byMark.get(key);
    if (!table) {
      const viewTitle = titles.get(view);
      const columns: Column[] = [];
      const labels = new Set<string>();
      for (const c of context) {
        if (!labels.has(c.label)) {
          labels.add(c.label);
          columns.push({ label: c.label, kind: 'facet', format: '' });
        }
      }
      // A map's shapes are named by their area, which no channel encodes.
      if (
        (mark.marktype === 'shape' || mark.marktype === 'path') &&
        !list.some((e) => e.kind === 'text') &&
        !labels.has('Area')
      ) {
        labels.add('Area');
        columns.push({ label: 'Area', kind: 'text', format: '' });
      }
      for (const e of list) {
        if (!labels.has(e.label)) {
          labels.add(e.label);
          columns.push({
            label: e.label,
            kind: e.kind,
            ...(e.field !== undefined ? { field: e.field } : {}),
            format: e.format,
          });
        }
      }
      table = { view, ...(viewTitle ? { viewTitle } : {}), columns, rows: [] };
      byMark.set(key, table);
      tables.push(table);
    }
    const primary = axes.get(mark.name ?? '') ?? (mark.marktype === 'arc' ? 'angle' : 'x');
    mark.items.forEach((item, i) => {
      if (!item.tooltip || typeof item.tooltip !== 'object') return;
      const cells = new Map<string, string>();
      const raw = new Map<string, string | number>();
      for (const c of context) {
        if (!cells.has(c.label)) {
          cells.set(c.label, c.value);
          raw.set(c.label, c.value);
        }
      }
      if (table.columns.some((c) => c.label === 'Area' && c.kind === 'text' && c.field === undefined)) {
        const props = (item.datum?.['properties'] ?? {}) as Json;
        const area = [props['name'], props['NAME'], props['Name'], item.datum?.['id']].find(
          (v) => typeof v === 'string' || typeof v === 'number',
        );
        cells.set('Area', area === undefined ? '' : String(area));
        raw.set('Area', area === undefined ? '' : String(area));
      }
      for (const e of list) {
        if (cells.has(e.label)) continue;
        const { text, raw: r, time } = cell(e, item, item.tooltip[e.label]);
        cells.set(e.label, text);
        raw.set(e.label, r);
        if (time) timeColumns.add(e.label);
      }
      const position = primary === 'angle' ? (item.startAngle ?? 0) : primary === 'y' ? (item.y ?? 0) : (item.x ?? 0);
      table.rows.push({
        cells,
        raw,
        key: item.datum,
        order: [...order, position, primary === 'y' ? (item.x ?? 0) : (item.y ?? 0), i],
      });
    });
  };
  const root = (scene as { items?: SceneItem[] } | undefined)?.items?.[0];
  for (const child of root?.items ?? []) visit(child, '', [], []);

  // Rows in the order the chart shows them; categories (facets, text, bins, times) before numbers.
  const live = tables.filter((t) => t.rows.length > 0);
  for (const t of live) {
    t.rows.sort((a, b) => compareOrder(a.order, b.order));
    const rank = (c: Column) =>
      c.kind === 'facet'
        ? 0
        : c.kind === 'number'
          ? 4
          : timeColumns.has(c.label) || c.kind === 'time'
            ? 3
            : c.kind === 'bin'
              ? 2
              : 1;
    t.columns = t.columns
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
      .map((x) => x.c);
  }
  const merged = dropRepeats(mergeSameRows(live));
  const joined = joinOnFirstColumn(merged);
  // A view of labels only (the ages between a pyramid's halves) repeats another table's first column.
  const kept = joined.filter(
    (t) =>
      t.columns.some((c) => c.kind === 'number') ||
      !joined.some((o) => o !== t && o.columns[0]?.label === t.columns[0]?.label),
  );
  // Summaries per group (a box plot's five numbers) before lists of points (its outliers).
  const unique = (t: MarkTable) =>
    new Set(t.rows.map((r) => r.cells.get(t.columns[0]?.label ?? ''))).size === t.rows.length;
  kept.sort((a, b) => Number(unique(b)) - Number(unique(a)));
  return kept.map((t) => finish(t, timeColumns));
}

/** A table each of whose columns repeats a column of an earlier table (an error band's mean line) says nothing new. */
function dropRepeats(tables: MarkTable[]): MarkTable[] {
  const out: MarkTable[] = [];
  const seq = (t: MarkTable, c: Column) => t.rows.map((r) => r.cells.get(c.label) ?? '').join('\u0000');
  for (const t of tables) {
    const seen = out.filter((o) => o.rows.length === t.rows.length).flatMap((o) => o.columns.map((c) => seq(o, c)));
    if (seen.length && t.columns.every((c) => seen.includes(seq(t, c)))) continue;
    out.push(t);
  }
  return out;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Marks of one view drawing the same rows (bars and their labels, a box and its whiskers) become one table. */
function mergeSameRows(tables: MarkTable[]): MarkTable[] {
  const out: MarkTable[] = [];
  for (const t of tables) {
    const target = out.find((o) => o.view === t.view && o.rows.length === t.rows.length && sameKeys(o, t));
    if (!target) {
      out.push(t);
      continue;
    }
    const byKey = new Map(t.rows.map((r) => [r.key, r]));
    for (const c of t.columns) {
      if (target.columns.some((x) => x.label === c.label)) continue;
      // A column whose every value repeats a column already there (a text label of the bar's number) adds nothing.
      const dup = target.columns.some((x) =>
        target.rows.every((r) => r.cells.get(x.label) === byKey.get(r.key)?.cells.get(c.label)),
      );
      if (dup) continue;
      target.columns.push(c);
      for (const r of target.rows) {
        const other = byKey.get(r.key);
        r.cells.set(c.label, other?.cells.get(c.label) ?? '');
        r.raw.set(c.label, other?.raw.get(c.label) ?? '');
      }
    }
  }
  return out;
}

function sameKeys(a: MarkTable, b: MarkTable): boolean {
  const keys = new Set(a.rows.map((r) => r.key));
  return b.rows.every((r) => keys.has(r.key));
}

/**
 * Tables that share their first column, each value once (views of a concat or repeat, a mean layered
 * over an interval), become one table with a column per view; the view's title tells equal labels apart.
 */
function joinOnFirstColumn(tables: MarkTable[]): MarkTable[] {
  const out: MarkTable[] = [];
  const unique = (t: MarkTable) => new Set(t.rows.map((r) => r.cells.get(t.columns[0]!.label))).size === t.rows.length;
  for (const t of tables) {
    const first = t.columns[0];
    if (!first) continue;
    const target = unique(t) ? out.find((o) => o.columns[0]?.label === first.label && unique(o)) : undefined;
    if (!target) {
      out.push({ ...t, columns: [...t.columns], rows: [...t.rows] });
      continue;
    }
    const rowOf = new Map(target.rows.map((r) => [r.cells.get(first.label), r]));
    const added: Column[] = [];
    for (const c of t.columns.slice(1)) {
      const clash = target.columns.some((x) => x.label === c.label) || added.some((x) => x.label === c.label);
      const label = clash ? `${t.viewTitle ?? 'Other view'}: ${c.label}` : c.label;
      if (target.columns.some((x) => x.label === label)) continue;
      // An equal column (the same values under the same label) is already there.
      added.push({ ...c, label });
      for (const r of t.rows) {
        const k = r.cells.get(first.label);
        let row = rowOf.get(k);
        if (!row) {
          row = {
            cells: new Map([[first.label, k ?? '']]),
            raw: new Map([[first.label, r.raw.get(first.label) ?? '']]),
            key: r.key,
            order: r.order,
          };
          rowOf.set(k, row);
          target.rows.push(row);
        }
        row.cells.set(label, r.cells.get(c.label) ?? '');
        row.raw.set(label, r.raw.get(c.label) ?? '');
      }
    }
    // The first view's titled columns are prefixed too when a later view repeats their label.
    if (t.viewTitle && target.viewTitle) {
      for (const c of target.columns.slice(1)) {
        if (!added.some((a) => a.label === `${t.viewTitle}: ${c.label}`)) continue;
        const label = `${target.viewTitle}: ${c.label}`;
        for (const r of target.rows) {
          r.cells.set(label, r.cells.get(c.label) ?? '');
          r.raw.set(label, r.raw.get(c.label) ?? '');
        }
        c.label = label;
      }
    }
    target.columns.push(...added);
    delete target.viewTitle;
  }
  return out;
}

/** The most columns a cross-table spreads across the page. */
const MAX_ACROSS = 24;

/**
 * Years written as years; and two categories with one number (a heat map, a grouped bar, lines by
 * series) as a cross-table: the category with fewer values (a time first) across, the other down.
 */
function finish(t: MarkTable, timeColumns: Set<string>): ViewTable {
  // A quantitative column of years (2027, 2031) is written as years, not "2,027".
  for (const c of t.columns) {
    if (c.kind !== 'number' || c.format !== '') continue;
    const raws = t.rows.map((r) => r.raw.get(c.label)).filter((v): v is number => typeof v === 'number');
    if (raws.length === t.rows.length && isYearLike(raws))
      for (const r of t.rows) r.cells.set(c.label, String(r.raw.get(c.label)));
  }
  const categories = t.columns.filter((c) => c.kind !== 'number');
  const numbers = t.columns.filter((c) => c.kind === 'number');
  const out: ViewTable = {
    columns: t.columns.map((c) => ({ label: c.label, numeric: c.kind === 'number' })),
    rows: t.rows.map((r) => t.columns.map((c) => r.cells.get(c.label) ?? '')),
    raw: t.rows.map((r) => t.columns.map((c) => r.raw.get(c.label) ?? '')),
  };
  if (t.viewTitle) out.view = t.viewTitle;
  if (categories.length !== 2 || numbers.length !== 1) return out;
  const values = (c: Column) => [...new Set(t.rows.map((r) => r.cells.get(c.label) ?? ''))];
  const [a, b] = categories as [Column, Column];
  const time = categories.find((c) => timeColumns.has(c.label) || c.kind === 'time');
  let across = time && values(time).length <= MAX_ACROSS ? time : values(a).length <= values(b).length ? a : b;
  if (values(across).length > MAX_ACROSS) {
    const other = across === a ? b : a;
    if (values(other).length > MAX_ACROSS) return out;
    across = other;
  }
  const down = across === a ? b : a;
  const measure = numbers[0]!;
  const acrossValues = orderedValues(t, across);
  const downValues = orderedValues(t, down);
  // One value per cell, and most cells filled, or it is not a cross-table.
  if (t.rows.length * 2 < acrossValues.length * downValues.length) return out;
  const cells = new Map<string, { text: string; raw: string | number }>();
  for (const r of t.rows) {
    const k = `${r.cells.get(down.label)}\u0000${r.cells.get(across.label)}`;
    if (cells.has(k)) return out;
    cells.set(k, { text: r.cells.get(measure.label) ?? '', raw: r.raw.get(measure.label) ?? '' });
  }
  const pivoted: ViewTable = {
    columns: [{ label: down.label, numeric: false }, ...acrossValues.map((v) => ({ label: v, numeric: true }))],
    rows: downValues.map((d) => [d, ...acrossValues.map((v) => cells.get(`${d}\u0000${v}`)?.text ?? '')]),
    raw: downValues.map((d) => [d, ...acrossValues.map((v) => cells.get(`${d}\u0000${v}`)?.raw ?? '')]),
    measure: measure.label,
    across: across.label,
  };
  if (t.viewTitle) pivoted.view = t.viewTitle;
  return pivoted;
}

/**
 * A category's values in the order the chart draws them: along the axis it is on (the one where each
 * value sits at one place), else in the order they first appear.
 */
function orderedValues(t: MarkTable, c: Column): string[] {
  const at = new Map<string, { primary: Set<number>; secondary: Set<number>; first: number[] }>();
  for (const r of t.rows) {
    const v = r.cells.get(c.label) ?? '';
    const n = r.order.length;
    const entry = at.get(v) ?? { primary: new Set<number>(), secondary: new Set<number>(), first: r.order };
    entry.primary.add(Math.round(r.order[n - 3] ?? 0));
    entry.secondary.add(Math.round(r.order[n - 2] ?? 0));
    at.set(v, entry);
  }
  const list = [...at];
  const single = (k: 'primary' | 'secondary') =>
    list.every(([, e]) => e[k].size === 1) && new Set(list.map(([, e]) => [...e[k]][0])).size === list.length;
  if (single('primary')) return list.sort((a, b) => [...a[1].primary][0]! - [...b[1].primary][0]!).map(([v]) => v);
  if (single('secondary'))
    return list.sort((a, b) => [...a[1].secondary][0]! - [...b[1].secondary][0]!).map(([v]) => v);
  return list.map(([v]) => v);
}

function isoOf(v: number | Date): string {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/T00:00:00\.000Z$/, '');
}

/** "43.075802%" (d3's "%" keeps six digits) reads as "43.1%". */
function tidyPercent(text: string): string {
  const m = /^(-?[\d,]*\.\d{2,})%$/.exec(text);
  return m ? `${Number(m[1]!.replace(/,/g, '')).toFixed(1)}%` : text;
}

/** Run the analysis compile headless and return its scenegraph and a reader of its datasets. */
export async function runAnalysis(
  compiled: vega.Spec,
  loader: vega.Loader,
): Promise<{ scene: unknown; data: (name: string) => Record<string, unknown>[]; finalize: () => void }> {
  const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'none',
    loader,
    logLevel: vega.None,
  });
  await view.runAsync();
  return {
    scene: (view.scenegraph() as unknown as { root: unknown }).root,
    data: (name) => view.data(name) as Record<string, unknown>[],
    finalize: () => view.finalize(),
  };
}
