/**
 * Loading officer charts: data/charts/<id>.yaml (or .json) = { title, description, source?, spec }, and
 * charts written inline in a chapter (a ```chart block holds what a chart file would).
 *
 *   read (containment, UTF-8) -> YAML with positions -> wrapper schema (zod) -> every data file the
 *   spec names read and inlined as `values`
 *
 * Loading only reads: the spec is checked against Vega-Lite's schema, its expressions and fields
 * checked, its times made UTC and it is compiled by the figures stage (scripts/figures/vega-lite/check.ts),
 * which reports the data problems found here only when the spec itself is sound.
 *
 * Data files are read by us, through `readProjectFile` (so never outside the strategy folder); Vega
 * itself never loads anything. A web address, a protocol-relative or an absolute path is an error.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Code, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { ChartFileSchema } from '../schema/chart.js';
import { parseCsv } from './csv.js';
import { cachedParse, exactJson, parseKey, storeParse } from './parse-cache.js';
import { readOnlyTree } from './markdown.js';
import { resolveInside } from './paths.js';
import { readProjectFile, type Project, type SourceRef } from './project.js';
import { checkSchema } from './schema-issues.js';
import { MAX_CSV_BYTES } from './text.js';
import { parseYaml, type PathSegment, type YamlSource } from './yaml.js';

export const CHARTS_DIR = 'data/charts';

/** A chart as read: its wrapper checked, its data files read and inlined; the spec itself not yet checked. */
export interface ChartSource {
  id: string;
  /** e.g. `data/charts/asb-by-lsoa.yaml`, or the chapter of an inline chart. */
  file: string;
  title: string;
  description: string;
  source?: string;
  /** The spec as written. */
  raw: Record<string, unknown>;
  /** A copy of the spec with every data file inlined as `values`. */
  spec: Record<string, unknown>;
  /** Column names the data has (its first 1,000 rows), for the field checks. */
  columns: string[];
  /** Problems reading the data, reported only when the spec itself is sound (a broken spec is fixed first). */
  dataProblems: Diagnostic[];
  /** Data files the chart reads, relative to the root. */
  dataFiles: string[];
  yaml: YamlSource;
  /** Rows of its data table to show before cutting (the file's `table_rows`). */
  tableRows?: number;
  /**
   * Where its text starts and the text itself, which decide every position reported, and a hash of every
   * data file it read (name and text), which with the text decide `spec`: the check cache's key.
   */
  origin?: { lineOffset: number; text: string; data?: string };
}

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

/** The chart files under data/charts/, loaded or not: a chart with errors still exists for its readers. */
export function chartFileNames(root: string): string[] {
  const dir = path.join(root, CHARTS_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => /\.(ya?ml|json)$/.test(n))
    .sort();
}

export const chartIdOf = (name: string): string => name.replace(/\.(ya?ml|json)$/, '');

/** Read every chart under data/charts/. Charts that cannot be read are left out; their problems are in project.diagnostics. */
export function readCharts(project: Project): Map<string, ChartSource> {
  const charts = new Map<string, ChartSource>();
  for (const name of chartFileNames(project.root)) {
    const file = `${CHARTS_DIR}/${name}`;
    const id = chartIdOf(name);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      project.diagnostics.push(diag('chart/bad-file-name', file, undefined, [name]));
      continue;
    }
    if (charts.has(id)) {
      project.diagnostics.push(diag('chart/bad-file-name', file, undefined, [name]));
      continue;
    }
    const chart = loadChartMemo(project, id, file);
    if (chart) charts.set(id, chart);
  }
  return charts;
}

/**
 * Loaded charts kept by the content of their file and of every data file they read, so a long-running
 * process (`strategy dev`) does not parse a large police.uk export again on every save. A hit replays
 * the chart's diagnostics and file list exactly as loading it did.
 */
interface ChartMemo {
  hashes: Map<string, string>;
  chart: ChartSource | undefined;
  diagnostics: Diagnostic[];
  files: string[];
}
const chartMemo = new Map<string, ChartMemo>();

/** Forget the charts kept in memory (tests load them again, as a new process would). */
export function clearChartMemory(): void {
  chartMemo.clear();
}

function contentHash(root: string, rel: string): string {
  // Never read outside the strategy folder, even to compare: a file that now leads out is a miss.
  const resolved = resolveInside(root, '.', rel);
  if (!resolved.ok) return resolved.reason;
  try {
    return createHash('sha1').update(fs.readFileSync(resolved.absolute)).digest('hex');
  } catch {
    return 'missing';
  }
}

function loadChartMemo(project: Project, id: string, file: string): ChartSource | undefined {
  const key = `${project.root}\0${file}`;
  const memo = chartMemo.get(key);
  if (memo && [...memo.hashes].every(([rel, hash]) => contentHash(project.root, rel) === hash)) {
    project.diagnostics.push(...memo.diagnostics);
    project.files.push(...memo.files);
    return memo.chart;
  }
  const before = { diagnostics: project.diagnostics.length, files: project.files.length };
  const chart = readChart(project, id, file);
  const files = project.files.slice(before.files);
  chartMemo.set(key, {
    hashes: new Map([file, ...files].map((rel) => [rel, contentHash(project.root, rel)])),
    chart,
    diagnostics: project.diagnostics.slice(before.diagnostics),
    files,
  });
  return chart;
}

/** Read one chart file; push diagnostics and return undefined if it cannot be read. */
export function readChart(project: Project, id: string, file: string): ChartSource | undefined {
  const read = readProjectFile(project, file);
  if (!read) return undefined;
  return readChartText(project, id, file, read.text, 0, project.diagnostics);
}

/**
 * Read a chart from its YAML text: a chart file, or a chart written inline in a chapter (a ```chart
 * block), whose lines start `lineOffset` lines into the chapter. Problems go to `out`.
 */
export function readChartText(
  project: Project,
  id: string,
  file: string,
  text: string,
  lineOffset: number,
  out: Diagnostic[],
): ChartSource | undefined {
  if (text.trim() === '') {
    out.push(diag('file/empty', file, lineOffset ? { line: lineOffset, column: 1 } : undefined));
    return undefined;
  }
  const { source, diagnostics } = parseYaml(text, file, lineOffset);
  if (diagnostics.length) {
    out.push(...diagnostics);
    return undefined;
  }
  const checked = checkSchema(ChartFileSchema, source);
  if (!checked.data) {
    out.push(...checked.diagnostics);
    return undefined;
  }
  const at = (p: readonly PathSegment[]) => source.locate(['spec', ...p]);
  const raw = checked.data.spec as Json;
  const problems: Diagnostic[] = [];

  // Inline every data file the spec names; note the columns the data has.
  const spec = structuredClone(raw);
  const dataFiles: string[] = [];
  // Every data file read, by name and text: with the chart's own text, all that `spec` is made from.
  const inputs = createHash('sha256');
  // Data files' rows are put into the spec when something first reads it (see below).
  const pending: (() => void)[] = [];
  const columns = new Set<string>();
  let hasData = false;
  const datasets =
    spec['datasets'] && typeof spec['datasets'] === 'object' ? (spec['datasets'] as Record<string, unknown>) : {};
  for (const rows of Object.values(datasets)) if (Array.isArray(rows)) collectColumns(rows, columns);
  walkData(spec, [], (data, p) => {
    if (data === null) return;
    if ('values' in data) {
      hasData = true;
      const values = data['values'];
      const format = (data['format'] as Json | undefined) ?? {};
      const delimiter = delimiterOf(typeof format['type'] === 'string' ? format['type'] : '', format);
      // CSV or TSV written in the spec: read as a file would be (numbers typed, dates kept as text).
      if (typeof values === 'string' && delimiter) {
        const parsed = parseCsv(values, file, delimiter);
        if (!parsed.table) {
          problems.push(
            diag('chart/data-text', file, at([...p, 'values']), [
              parsed.diagnostics[0]?.message.replace(/\.$/, '') ?? 'it has no header row',
            ]),
          );
          return;
        }
        const rows = typeCsvRows(
          parsed.table.columns,
          parsed.table.rows.map((r) => r.values),
        );
        collectColumns(rows, columns);
        data['values'] = rows;
        const rest = { ...format };
        for (const k of ['type', 'delimiter']) delete rest[k];
        if (Object.keys(rest).length) data['format'] = rest;
        else delete data['format'];
        return;
      }
      if (Array.isArray(values)) collectColumns(values, columns);
      return;
    }
    if ('url' in data) {
      hasData = true;
      const read = readDataFile(project, data, source, ['spec', ...p], problems, dataFiles, inputs);
      if (!read) return;
      const format = { ...((data['format'] as Json | undefined) ?? {}) };
      for (const k of Object.keys(data)) delete data[k];
      if ('rows' in read) {
        for (const c of read.columns) columns.add(c);
        for (const k of ['type', 'property', 'feature', 'mesh', 'delimiter']) delete format[k];
        // In its place now (the keys' order is the spec's), the rows themselves when the spec is read.
        data['values'] = [];
        pending.push(() => {
          data['values'] = read.rows();
        });
        if (Object.keys(format).length) data['format'] = format;
      } else {
        // JSON as written (TopoJSON, GeoJSON, nested): Vega reads it with the spec's own format.
        data['values'] = read.json;
        if (Object.keys(format).length) data['format'] = format;
      }
      return;
    }
    if ('name' in data) {
      if (typeof data['name'] === 'string' && data['name'] in datasets) {
        hasData = true;
        return;
      }
      problems.push(
        diag('chart/data-unsupported', file, at([...p, 'name']), [
          `a named dataset ("${String(data['name'])}") that the spec's \`datasets\` does not give`,
        ]),
      );
      return;
    }
    // Generated data (a sequence of numbers, a map's graticule or the sphere) reads nothing.
    if ('sequence' in data || 'graticule' in data || 'sphere' in data) {
      hasData = true;
      const seq = data['sequence'] as Json | undefined;
      if (seq) columns.add(typeof seq['as'] === 'string' ? (seq['as'] as string) : 'data');
      return;
    }
    problems.push(diag('chart/data-unsupported', file, at(p), ['this kind of data source']));
  });
  if (!hasData && problems.length === 0) problems.push(diag('chart/no-data', file, source.locate(['spec'])));

  const chart = {
    id,
    file,
    title: checked.data.title,
    description: checked.data.description,
    raw,
  } as ChartSource;
  // A data file's rows are made (its text typed) only when something reads the spec: a check whose
  // chart checks and chapters are all kept never does, so a large police.uk export is read and hashed
  // but not turned into rows.
  Object.defineProperty(chart, 'spec', {
    get() {
      for (const apply of pending.splice(0)) apply();
      return spec;
    },
    enumerable: true,
    configurable: true,
  });
  Object.assign(chart, {
    columns: [...columns],
    dataProblems: problems,
    dataFiles,
    yaml: source,
    origin: { lineOffset, text, data: inputs.digest('hex') },
  });
  if (checked.data.source) chart.source = checked.data.source;
  if (checked.data.table_rows !== undefined) chart.tableRows = checked.data.table_rows;
  return chart;
}

/** A ```chart block in a chapter, read at load time; figures checks it and render draws it in place. */
export interface InlineChart {
  /** Where the block starts (its opening fence). */
  at: SourceRef;
  /** The id given as ```chart id=my-chart, if any; else the figures stage names it after its section. */
  name?: string;
  /** The chart, when it could be read. */
  chart?: ChartSource;
  /** Problems reading it, reported by the figures stage for the chapters that are drawn. */
  diagnostics: Diagnostic[];
}

/**
 * Every ```chart block of every chapter, in document order, by chapter file. A block inside a
 * container directive is not one (render drops container directives with what they hold).
 */
export function readInlineCharts(project: Project): Map<string, InlineChart[]> {
  const out = new Map<string, InlineChart[]>();
  for (const chapter of project.chapters) {
    const found: InlineChart[] = [];
    // Only read: the blocks' text is all that is taken from the tree.
    visit(readOnlyTree(chapter.body) as Root, (node) => {
      if (node.type === 'containerDirective') return SKIP;
      if (node.type !== 'code' || (node as Code).lang !== 'chart') return undefined;
      const code = node as Code;
      const line = (code.position?.start.line ?? 1) + chapter.bodyLineOffset;
      const inline: InlineChart = {
        at: { file: chapter.file, line, column: code.position?.start.column ?? 1 },
        diagnostics: [],
      };
      const name = /(?:^|\s)id=([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s|$)/.exec(code.meta ?? '')?.[1];
      if (name) inline.name = name;
      const chart = readChartText(project, name ?? '', chapter.file, code.value, line, inline.diagnostics);
      if (chart) inline.chart = chart;
      found.push(inline);
      return undefined;
    });
    if (found.length) out.set(chapter.file, found);
  }
  return out;
}

/** Call `visit` on every `data` object of the spec (top level, layers, concatenations, lookups). */
function walkData(node: unknown, p: PathSegment[], visit: (data: Json | null, p: PathSegment[]) => void): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walkData(n, [...p, i], visit));
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'values' || k === 'datasets') continue;
    if (k === 'data') {
      if (v === null || (typeof v === 'object' && !Array.isArray(v))) visit(v as Json | null, [...p, k]);
      continue;
    }
    walkData(v, [...p, k], visit);
  }
}

function collectColumns(rows: unknown[], into: Set<string>): void {
  for (const r of rows.slice(0, 1000))
    if (r && typeof r === 'object' && !Array.isArray(r)) for (const k of Object.keys(r)) into.add(k);
}

/** Rows one chart's data file may have: enough for a year of a county's police.uk street-level crimes. */
export const MAX_CHART_ROWS = 100_000;

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|\\)/i;

/** The delimiter of a delimited-text format (csv, tsv, dsv), or undefined for other formats. */
function delimiterOf(type: string, format: Json): string | undefined {
  if (type === 'csv') return ',';
  if (type === 'tsv') return '\t';
  if (type === 'dsv')
    return typeof format['delimiter'] === 'string' && format['delimiter'].length === 1
      ? format['delimiter']
      : undefined;
  return undefined;
}

const EXTENSION_TYPES: Record<string, string> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.txt': 'tsv',
  '.json': 'json',
  '.geojson': 'json',
  '.topojson': 'topojson',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

/**
 * Read one data file under data/: delimited text becomes typed rows; JSON and YAML are read as written.
 * Rows (a list of records, or a list at `format.property`) are inlined as rows; anything else
 * (TopoJSON with `feature`/`mesh`, a GeoJSON FeatureCollection) is inlined as the value itself, for
 * Vega to read with the spec's format.
 */
function readDataFile(
  project: Project,
  data: Json,
  source: YamlSource,
  p: PathSegment[],
  problems: Diagnostic[],
  dataFiles: string[],
  inputs: Hash,
): { rows: () => Row[]; columns: string[] } | { json: unknown } | undefined {
  const url = data['url'];
  const urlAt = { file: source.file, ...source.locate([...p, 'url']) };
  if (typeof url !== 'string' || url.trim() === '' || REMOTE.test(url.trim()) || /^[a-z]:[\\/]/i.test(url)) {
    problems.push(diag('chart/remote-data', source.file, urlAt, [String(url)]));
    return undefined;
  }
  const format = (data['format'] as Json | undefined) ?? {};
  const ext = path.extname(url).toLowerCase();
  const type =
    typeof format['type'] === 'string'
      ? (format['type'] as string)
      : (EXTENSION_TYPES[ext] ?? (/\.topojson\.json$/i.test(url) ? 'topojson' : ''));
  const delimiter = delimiterOf(type, format);
  if (!delimiter && !['json', 'topojson', 'yaml'].includes(type)) {
    problems.push(diag('chart/data-format', source.file, urlAt, [url, ext || '(none)']));
    return undefined;
  }
  const read = readProjectFile(project, url, {
    from: 'data',
    within: 'data',
    at: urlAt,
    maxBytes: MAX_CSV_BYTES,
    out: problems,
  });
  if (!read) return undefined;
  // The text is hashed once: that hash is both what the chart read and the key of what reading it finds.
  const textHash = createHash('sha256').update(read.text).digest('hex');
  inputs.update(`${read.file}\0${textHash}\0`);
  if (!dataFiles.includes(read.file)) dataFiles.push(read.file);
  if (delimiter) {
    const csv = csvRows(read.text, textHash, read.file, delimiter);
    problems.push(...csv.diagnostics);
    if (!csv.table) return undefined;
    if (csv.table.rows > MAX_CHART_ROWS) {
      problems.push(
        diag('chart/too-many-rows', source.file, urlAt, [read.file, String(csv.table.rows), String(MAX_CHART_ROWS)]),
      );
      return undefined;
    }
    return { rows: csv.rows, columns: csv.table.columns };
  }
  const yaml = parseYaml(read.text, read.file);
  if (yaml.diagnostics.length) {
    problems.push(...yaml.diagnostics);
    return undefined;
  }
  const whole = yaml.source.value;
  if (type === 'topojson') {
    const objects = whole && typeof whole === 'object' ? ((whole as Json)['objects'] as Json | undefined) : undefined;
    const name =
      typeof format['feature'] === 'string'
        ? format['feature']
        : typeof format['mesh'] === 'string'
          ? format['mesh']
          : undefined;
    const key = typeof format['feature'] === 'string' ? 'feature' : 'mesh';
    if (!objects || typeof objects !== 'object') {
      problems.push(
        diag('chart/data-topojson', read.file, yaml.source.locate([]), [
          read.file,
          'has no `objects`, so it is not TopoJSON',
          '(none)',
        ]),
      );
      return undefined;
    }
    if (!name || !(name in objects)) {
      const list =
        Object.keys(objects)
          .map((o) => `"${o}"`)
          .join(', ') || '(none)';
      problems.push(
        diag('chart/data-topojson', source.file, source.locate([...p, 'format', ...(name ? [key] : [])]), [
          read.file,
          name
            ? `has no object "${name}"`
            : 'needs `format: {type: topojson, feature: <object>}` (areas) or `mesh: <object>` (boundaries)',
          list,
        ]),
      );
      return undefined;
    }
    return { json: whole };
  }
  let value = whole;
  const property = format['property'];
  if (typeof property === 'string') {
    for (const seg of property.split('.'))
      value = value && typeof value === 'object' ? (value as Json)[seg] : undefined;
  }
  if (Array.isArray(value) && value.length > MAX_CHART_ROWS) {
    problems.push(
      diag('chart/too-many-rows', source.file, urlAt, [read.file, String(value.length), String(MAX_CHART_ROWS)]),
    );
    return undefined;
  }
  if (Array.isArray(value) && value.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
    const found = new Set<string>();
    collectColumns(value, found);
    return { rows: () => value as Row[], columns: [...found] };
  }
  // A list of plain values is a list of rows with one field, "data", as Vega-Lite reads it.
  if (Array.isArray(value) && value.every((r) => r === null || typeof r !== 'object')) return { json: whole };
  if (whole && typeof whole === 'object' && (whole as Json)['type'] === 'FeatureCollection') return { json: whole };
  problems.push(diag('chart/data-not-rows', read.file, yaml.source.locate([]), [read.file]));
  return undefined;
}

/** What reading a data file's delimited text found: its problems, and, when it has a table, its size and columns. */
interface CsvSummary {
  diagnostics: Diagnostic[];
  table?: { rows: number; columns: string[] };
}

/**
 * A data file's delimited text: what reading it finds, kept by content in the parse cache (the same
 * problems at the same lines), and its typed rows, made from the text when asked for.
 */
function csvRows(text: string, textHash: string, file: string, delimiter: string): CsvSummary & { rows: () => Row[] } {
  let rows: Row[] | undefined;
  const parse = () => {
    const parsed = parseCsv(text, file, delimiter);
    if (parsed.table)
      rows = typeCsvRows(
        parsed.table.columns,
        parsed.table.rows.map((r) => r.values),
      );
    return parsed;
  };
  const key = parseKey('csv-summary', `${file}\0${delimiter}\0${textHash}`);
  let summary = cachedParse<CsvSummary>('csv-summary', key);
  if (!summary) {
    const parsed = parse();
    summary = { diagnostics: parsed.diagnostics };
    // The columns the rows have: every column, when there is a row (typeCsvRows gives each row all of them).
    if (parsed.table)
      summary.table = { rows: parsed.table.rows.length, columns: parsed.table.rows.length ? parsed.table.columns : [] };
    // Kept only when JSON holds it exactly, so a hit gives the same diagnostics.
    if (exactJson(summary) !== undefined) storeParse('csv-summary', key, summary);
  }
  return {
    ...summary,
    rows: () => {
      if (!rows) parse();
      return rows!;
    },
  };
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * CSV values are text. A column whose every non-empty value is a number becomes numbers (empty cells
 * become null); everything else, dates included, stays text, so nothing depends on the time zone.
 */
export function typeCsvRows(columns: string[], rows: Record<string, string>[]): Row[] {
  const numeric = columns.filter((c) => {
    let any = false;
    for (const r of rows) {
      const v = (r[c] ?? '').trim();
      if (v === '') continue;
      if (!NUMBER.test(v)) return false;
      any = true;
    }
    return any;
  });
  const isNumeric = new Set(numeric);
  return rows.map((r) => {
    const out: Row = {};
    for (const c of columns) {
      const v = r[c] ?? '';
      out[c] = isNumeric.has(c) ? (v.trim() === '' ? null : Number(v)) : v;
    }
    return out;
  });
}
