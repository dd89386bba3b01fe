/**
 * Loading officer charts: data/charts/<id>.yaml (or .json) = { title, description, source?, spec }.
 *
 *   read (containment, UTF-8) -> YAML with positions -> wrapper schema (zod) -> spec against the
 *   Vega-Lite JSON Schema -> expressions checked -> data files read and inlined as `values`
 *   -> fields checked against the data -> compiled once, so Vega-Lite's own errors surface here too.
 *
 * Data files are read by us, through `readProjectFile` (so never outside the strategy folder); Vega
 * itself never loads anything. A web address, a protocol-relative or an absolute path is an error.
 * Times are read as UTC (`timeUnit: yearmonth` becomes `utcyearmonth`), so a chart does not change
 * with the machine's time zone.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { compileSpec, ChartSpecError } from '../render/charts/draw.js';
import { findLinksAndImages, findUnsafeExpressions, validateSpec } from '../render/charts/validate-spec.js';
import { ChartFileSchema } from '../schema/chart.js';
import { parseCsv } from './csv.js';
import { resolveInside } from './paths.js';
import { readProjectFile, type Project } from './project.js';
import { checkSchema } from './schema-issues.js';
import { MAX_CSV_BYTES } from './text.js';
import { parseYaml, type PathSegment, type YamlSource } from './yaml.js';

export const CHARTS_DIR = 'data/charts';

export interface LoadedChart {
  id: string;
  /** e.g. `data/charts/asb-by-lsoa.yaml`. */
  file: string;
  title: string;
  description: string;
  source?: string;
  /** The spec with its data inlined and times made UTC, ready to compile. */
  spec: TopLevelSpec;
  /** Data files the chart reads, relative to the root. */
  dataFiles: string[];
  yaml: YamlSource;
}

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

/** Read every chart under data/charts/. Charts with errors are left out; their problems are in project.diagnostics. */
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

export function loadCharts(project: Project): Map<string, LoadedChart> {
  const charts = new Map<string, LoadedChart>();
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
  chart: LoadedChart | undefined;
  diagnostics: Diagnostic[];
  files: string[];
}
const chartMemo = new Map<string, ChartMemo>();

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

function loadChartMemo(project: Project, id: string, file: string): LoadedChart | undefined {
  const key = `${project.root}\0${file}`;
  const memo = chartMemo.get(key);
  if (memo && [...memo.hashes].every(([rel, hash]) => contentHash(project.root, rel) === hash)) {
    project.diagnostics.push(...memo.diagnostics);
    project.files.push(...memo.files);
    return memo.chart;
  }
  const before = { diagnostics: project.diagnostics.length, files: project.files.length };
  const chart = loadChart(project, id, file);
  const files = project.files.slice(before.files);
  chartMemo.set(key, {
    hashes: new Map([file, ...files].map((rel) => [rel, contentHash(project.root, rel)])),
    chart,
    diagnostics: project.diagnostics.slice(before.diagnostics),
    files,
  });
  return chart;
}

/** Load one chart file; push diagnostics and return undefined if it has errors. */
export function loadChart(project: Project, id: string, file: string): LoadedChart | undefined {
  const read = readProjectFile(project, file);
  if (!read) return undefined;
  return loadChartText(project, id, file, read.text);
}

/**
 * Load a chart from its YAML text: a chart file, or a chart written inline in a chapter (a ```chart
 * block), whose lines start `lineOffset` lines into the chapter. Diagnostics go to project.diagnostics.
 */
export function loadChartText(project: Project, id: string, file: string, text: string, lineOffset = 0): LoadedChart | undefined {
  if (text.trim() === '') {
    project.diagnostics.push(diag('file/empty', file, lineOffset ? { line: lineOffset, column: 1 } : undefined));
    return undefined;
  }
  const { source, diagnostics } = parseYaml(text, file, lineOffset);
  if (diagnostics.length) {
    project.diagnostics.push(...diagnostics);
    return undefined;
  }
  const checked = checkSchema(ChartFileSchema, source);
  if (!checked.data) {
    project.diagnostics.push(...checked.diagnostics);
    return undefined;
  }
  const problems: Diagnostic[] = [];
  const at = (p: readonly PathSegment[], key = false): Position => (key ? source.locateKey(['spec', ...p]) : source.locate(['spec', ...p]));

  // 1. The spec against Vega-Lite's schema, and its expressions.
  const raw = checked.data.spec;
  for (const issue of validateSpec(raw)) {
    problems.push(diag('chart/spec-invalid', file, at(issue.path, issue.atKey), [specPathLabel(issue.path), issue.message]));
  }
  for (const issue of findUnsafeExpressions(raw)) {
    problems.push(diag('chart/unsafe-expression', file, at(issue.path), [issue.word]));
  }
  for (const issue of findLinksAndImages(raw)) {
    problems.push(diag('chart/link-or-image', file, at(issue.path, true), [issue.what]));
  }
  if (problems.length) {
    project.diagnostics.push(...problems);
    return undefined;
  }

  // 2. Data: inline every file the spec names.
  const spec = structuredClone(raw) as Json;
  const dataFiles: string[] = [];
  const columns = new Set<string>();
  let hasData = false;
  const datasets = spec['datasets'] && typeof spec['datasets'] === 'object' ? (spec['datasets'] as Record<string, unknown>) : {};
  for (const rows of Object.values(datasets)) if (Array.isArray(rows)) collectColumns(rows, columns);
  walkData(spec, [], (data, p) => {
    if (data === null) return;
    if ('values' in data) {
      hasData = true;
      if (Array.isArray(data['values'])) collectColumns(data['values'], columns);
      return;
    }
    if ('url' in data) {
      hasData = true;
      const rows = readDataFile(project, data, source, ['spec', ...p], problems, dataFiles);
      if (rows) {
        collectColumns(rows, columns);
        const format = { ...((data['format'] as Json | undefined) ?? {}) };
        for (const k of ['type', 'property', 'feature', 'mesh', 'delimiter']) delete format[k];
        for (const k of Object.keys(data)) delete data[k];
        data['values'] = rows;
        if (Object.keys(format).length) data['format'] = format;
      }
      return;
    }
    if ('name' in data) {
      if (typeof data['name'] === 'string' && data['name'] in datasets) {
        hasData = true;
        return;
      }
      problems.push(diag('chart/data-unsupported', file, at([...p, 'name']), [`a named dataset ("${String(data['name'])}") that the spec's \`datasets\` does not give`]));
      return;
    }
    if ('sequence' in data) {
      hasData = true;
      const seq = data['sequence'] as Json;
      columns.add(typeof seq?.['as'] === 'string' ? (seq['as'] as string) : 'data');
      return;
    }
    problems.push(diag('chart/data-unsupported', file, at(p), ['this kind of data source (maps and generated shapes)']));
  });
  if (!hasData && problems.length === 0) problems.push(diag('chart/no-data', file, source.locate(['spec'])));
  if (problems.length) {
    project.diagnostics.push(...problems);
    return undefined;
  }

  // 3. Every field the spec names exists in its data, unless a transform makes it.
  const made = fieldsMadeByTransforms(spec);
  if (made !== 'unknown') {
    const known = new Set([...columns, ...made]);
    const reported = new Set<string>();
    for (const use of fieldUses(spec)) {
      const name = rootField(use.field);
      if (known.has(name) || known.has(use.field.replace(/\\/g, '')) || reported.has(name)) continue;
      reported.add(name);
      problems.push(diag('chart/missing-field', file, at(use.path), [use.field, [...columns].map((c) => `"${c}"`).join(', ') || '(none)']));
    }
  }
  if (problems.length) {
    project.diagnostics.push(...problems);
    return undefined;
  }

  // 4. Times as UTC; compile once so Vega-Lite's own errors are reported at load time.
  useUtc(spec);
  try {
    const compiled = compileSpec(spec as unknown as TopLevelSpec);
    for (const w of compiled.warnings) project.diagnostics.push(diag('chart/compile-warning', file, source.locate(['spec']), [w.replace(/\.+$/, '')]));
  } catch (err) {
    if (!(err instanceof ChartSpecError)) throw err;
    project.diagnostics.push(diag('chart/compile-failed', file, source.locate(['spec']), [err.message]));
    return undefined;
  }

  const chart: LoadedChart = { id, file, title: checked.data.title, description: checked.data.description, spec: spec as unknown as TopLevelSpec, dataFiles, yaml: source };
  if (checked.data.source) chart.source = checked.data.source;
  return chart;
}

/** `encoding.x.field` for people: the spec's path as written in the file. */
function specPathLabel(p: readonly PathSegment[]): string {
  let out = 'spec';
  for (const seg of p) out += typeof seg === 'number' ? `[${seg + 1}]` : `.${seg}`;
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
  for (const r of rows.slice(0, 1000)) if (r && typeof r === 'object' && !Array.isArray(r)) for (const k of Object.keys(r)) into.add(k);
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|\\)/i;

function readDataFile(project: Project, data: Json, source: YamlSource, p: PathSegment[], problems: Diagnostic[], dataFiles: string[]): Row[] | undefined {
  const url = data['url'];
  const urlAt = { file: source.file, ...source.locate([...p, 'url']) };
  if (typeof url !== 'string' || url.trim() === '' || REMOTE.test(url.trim()) || /^[a-z]:[\\/]/i.test(url)) {
    problems.push(diag('chart/remote-data', source.file, urlAt, [String(url)]));
    return undefined;
  }
  const format = (data['format'] as Json | undefined) ?? {};
  const ext = path.extname(url).toLowerCase();
  const type = typeof format['type'] === 'string' ? (format['type'] as string) : ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : '';
  if (!['csv', 'json', 'yaml'].includes(type)) {
    problems.push(diag('chart/data-format', source.file, urlAt, [url]));
    return undefined;
  }
  const before = project.diagnostics.length;
  const read = readProjectFile(project, url, { from: 'data', at: urlAt, maxBytes: MAX_CSV_BYTES });
  // readProjectFile reports into project.diagnostics; move them to this chart's problems.
  problems.push(...project.diagnostics.splice(before));
  if (!read) return undefined;
  if (!dataFiles.includes(read.file)) dataFiles.push(read.file);
  if (type === 'csv') {
    const parsed = parseCsv(read.text, read.file);
    problems.push(...parsed.diagnostics);
    if (!parsed.table) return undefined;
    return typeCsvRows(parsed.table.columns, parsed.table.rows.map((r) => r.values));
  }
  const yaml = parseYaml(read.text, read.file);
  if (yaml.diagnostics.length) {
    problems.push(...yaml.diagnostics);
    return undefined;
  }
  let value = yaml.source.value;
  const property = format['property'];
  if (typeof property === 'string') {
    for (const seg of property.split('.')) value = value && typeof value === 'object' ? (value as Json)[seg] : undefined;
  }
  if (!Array.isArray(value) || !value.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
    problems.push(diag('chart/data-not-rows', read.file, yaml.source.locate([]), [read.file]));
    return undefined;
  }
  return value as Row[];
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

/** Output field names of transforms, or 'unknown' when a transform makes fields we cannot predict. */
function fieldsMadeByTransforms(spec: Json): Set<string> | 'unknown' {
  const made = new Set<string>();
  let unknown = false;
  const add = (v: unknown) => {
    if (typeof v === 'string') made.add(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') made.add(x);
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Json;
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'values' || k === 'datasets') continue;
      if (k === 'transform' && Array.isArray(v)) {
        for (const t of v as Json[]) {
          if (!t || typeof t !== 'object') continue;
          if ('pivot' in t || 'lookup' in t || 'flatten' in t || 'extent' in t) unknown = true;
          add(t['as']);
          for (const list of ['aggregate', 'window', 'joinaggregate'] as const) {
            if (Array.isArray(t[list])) for (const a of t[list] as Json[]) add(a?.['as']);
          }
          if ('fold' in t && !('as' in t)) ['key', 'value'].forEach((x) => made.add(x));
          if ('density' in t && !('as' in t)) ['value', 'density'].forEach((x) => made.add(x));
          if ('quantile' in t && !('as' in t)) ['prob', 'value'].forEach((x) => made.add(x));
          if ('regression' in t || 'loess' in t) {
            add(t['regression']);
            add(t['loess']);
            add(t['on']);
          }
        }
      }
      walk(v);
    }
  };
  walk(spec);
  return unknown ? 'unknown' : made;
}

/** Every field the spec names: `field` values and `groupby` lists, outside data values. */
function fieldUses(spec: Json): { field: string; path: PathSegment[] }[] {
  const out: { field: string; path: PathSegment[] }[] = [];
  const walk = (node: unknown, p: PathSegment[]): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...p, i]));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'values' || k === 'datasets' || k === 'data' || k === 'param' || k === 'params') continue;
      if (k === 'field' && typeof v === 'string') out.push({ field: v, path: [...p, k] });
      else if ((k === 'groupby' || k === 'fields' || k === 'fold') && Array.isArray(v)) {
        v.forEach((f, i) => {
          if (typeof f === 'string') out.push({ field: f, path: [...p, k, i] });
        });
      } else walk(v, [...p, k]);
    }
  };
  walk(spec, []);
  return out;
}

/** The top-level name of a field reference: `a.b` reads `b` inside `a`; `a\.b` is the field "a.b". */
function rootField(field: string): string {
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (c === '\\' && i + 1 < field.length) {
      out += field[++i];
      continue;
    }
    if (c === '.' || c === '[') break;
    out += c;
  }
  return out;
}

/** Make every time unit and time scale UTC (in place). */
function useUtc(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(useUtc);
  if (!node || typeof node !== 'object') return;
  const obj = node as Json;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'values' || k === 'datasets') continue;
    if (k === 'timeUnit') {
      if (typeof v === 'string' && !v.startsWith('utc')) obj[k] = `utc${v}`;
      else if (v && typeof v === 'object' && !Array.isArray(v)) {
        const unit = (v as Json)['unit'];
        if (typeof unit === 'string' && !unit.startsWith('utc')) (v as Json)['unit'] = `utc${unit}`;
      }
      continue;
    }
    if (k === 'scale' && v && typeof v === 'object' && (v as Json)['type'] === 'time') (v as Json)['type'] = 'utc';
    useUtc(v);
  }
}
