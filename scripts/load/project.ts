/**
 * Stage 1 of the pipeline, load: reads every input of a strategy folder (content/*.md, data/*.yaml,
 * CSV actuals) into memory with positions, checking each file against its schema. It never throws for
 * a content mistake: problems become diagnostics, and a file with errors is simply absent from `data`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { closest } from '../diagnostics/suggest.js';
import {
  ChapterFrontMatterSchema,
  DATA_INPUTS,
  KpiActualRowSchema,
  type Actual,
  type ChapterFrontMatter,
  type DataKey,
  type StrategyData,
} from '../schema/index.js';
import { parseCsv } from './csv.js';
import { checkMarkdownLimits } from './markdown-limits.js';
import { splitFrontMatter } from './front-matter.js';
import { resolveInside, toPosix, type Refusal } from './paths.js';
import { checkSchema, issuesToDiagnostics } from './schema-issues.js';
import { MAX_CSV_BYTES, readText } from './text.js';
import { parseYaml, type YamlSource } from './yaml.js';

/** Where a value came from, for diagnostics raised after loading. */
export interface SourceRef extends Position {
  file: string;
}

export interface Chapter {
  /** Path relative to the root, e.g. `content/03-partnership-context.md`. */
  file: string;
  front: ChapterFrontMatter;
  frontSource: YamlSource;
  /** The Markdown after the front matter. */
  body: string;
  /** Lines before the body, so Markdown positions map back to the file. */
  bodyLineOffset: number;
}

export interface Placement {
  file: string;
  /** The chapter's page id from its front matter, if it names one, and its section. */
  id: string | undefined;
  section: ChapterFrontMatter['section'];
  /** The chapter's lines that start with `::` (leaf directives), trimmed, in order. */
  directives: string[];
}

/** The block placements of these chapters (see `Project.placements`). */
export function placementsOf(chapters: readonly Chapter[]): Placement[] {
  return chapters.map((c) => ({
    file: c.file,
    id: c.front.id,
    section: c.front.section,
    directives: c.body
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('::')),
  }));
}

export interface Project {
  root: string;
  /** Parsed data; an input with errors (or an optional one not given) is undefined. */
  data: Partial<StrategyData>;
  /** The YAML source of each data input, to locate any value by its path. */
  sources: Partial<Record<DataKey, YamlSource>>;
  /** Where each KPI actual (by object) was written: its YAML entry or its CSV row. */
  actualSources: Map<Actual, SourceRef>;
  chapters: Chapter[];
  /** Chapters whose front matter could not be read (already reported), so no second error follows. */
  failedChapters: string[];
  /**
   * Where each block is placed: every chapter's block lines (`::kpi-table{priority=vawg}`), in document
   * order. Blocks that link to the page showing another block read this, not the chapters' text, so the
   * dev server's render cache re-renders them only when a placement changes, not on every sentence.
   */
  placements: Placement[];
  /** Every file read, relative to the root, for incremental rebuilds and the dev server. */
  files: string[];
  diagnostics: Diagnostic[];
}

export function loadProject(rootDir: string): Project {
  const root = fs.realpathSync(rootDir);
  const project: Project = {
    root,
    data: {},
    sources: {},
    actualSources: new Map(),
    chapters: [],
    failedChapters: [],
    placements: [],
    files: [],
    diagnostics: [],
  };
  loadData(project);
  loadChapters(project);
  project.placements = placementsOf(project.chapters);
  return project;
}

/** The diagnostic for a path that resolveInside refused. */
export function refusalRule(
  reason: Refusal,
): 'file/not-found' | 'file/outside-root' | 'file/symlink-outside-root' | 'file/dot-name' | 'file/outside-data' {
  switch (reason) {
    case 'not-found':
      return 'file/not-found';
    case 'outside-root':
      return 'file/outside-root';
    case 'symlink-outside-root':
      return 'file/symlink-outside-root';
    case 'dot-name':
      return 'file/dot-name';
    case 'outside-folder':
      return 'file/outside-data';
  }
}

/**
 * Read a file inside the root as text, recording it, or add a diagnostic and return undefined.
 * `within` keeps a path the officer wrote inside one folder (chart data and actuals: `data`).
 * Problems go to `out` when given (a chart keeps its own), else to project.diagnostics.
 */
export function readProjectFile(
  project: Project,
  rel: string,
  opts: { from?: string; within?: string; at?: SourceRef; maxBytes?: number; out?: Diagnostic[] } = {},
): { text: string; file: string } | undefined {
  const report = opts.out ?? project.diagnostics;
  const resolved = resolveInside(
    project.root,
    opts.from ?? '.',
    rel,
    opts.within === undefined ? {} : { within: opts.within },
  );
  const where = opts.at ?? { file: rel, line: 1, column: 1 };
  if (!resolved.ok) {
    const rule = refusalRule(resolved.reason);
    const lookedFor = path.posix.join(toPosix(opts.from ?? '.'), toPosix(rel));
    report.push(diag(rule, where.file, where, rule === 'file/not-found' ? [rel, lookedFor] : [rel]));
    return undefined;
  }
  if (!fs.statSync(resolved.absolute).isFile()) {
    report.push(
      diag('file/not-found', where.file, where, [rel, path.posix.join(toPosix(opts.from ?? '.'), toPosix(rel))]),
    );
    return undefined;
  }
  project.files.push(resolved.relative);
  const read = readText(resolved.absolute, resolved.relative, opts.maxBytes);
  if (!read.ok) {
    report.push(read.diagnostic);
    return undefined;
  }
  project.diagnostics.push(...findBidiControls(read.text, resolved.relative));
  return { text: read.text, file: resolved.relative };
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u061C]/g;
const MAX_BIDI_WARNINGS = 5;

/**
 * Warnings for bidirectional control characters (right-to-left override and the like), which can make
 * a title, an id or a heading display differently from what it says (Trojan source, CVE-2021-42574).
 */
export function findBidiControls(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!BIDI.test(text)) return out;
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    BIDI.lastIndex = 0;
    const m = BIDI.exec(line);
    if (!m) continue;
    const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(diag('text/bidi-control', file, { line: i + 1, column: m.index + 1 }, [code]));
    if (out.length >= MAX_BIDI_WARNINGS) break;
  }
  BIDI.lastIndex = 0;
  return out;
}

/** Results one KPI may have: a monthly KPI over thirty years has 360. More is a mistake (or an attack). */
export const MAX_ACTUALS_PER_KPI = 1000;

function loadData(project: Project): void {
  for (const [key, input] of Object.entries(DATA_INPUTS) as [DataKey, (typeof DATA_INPUTS)[DataKey]][]) {
    const rel = `data/${input.file}`;
    if (!fs.existsSync(path.join(project.root, rel))) {
      if (input.required) project.diagnostics.push(diag('file/not-found', rel, undefined, [rel]));
      continue;
    }
    const read = readProjectFile(project, rel);
    if (!read) continue;
    if (read.text.trim() === '') {
      project.diagnostics.push(diag('file/empty', rel, undefined));
      continue;
    }
    const { source, diagnostics } = parseYaml(read.text, rel);
    project.sources[key] = source;
    if (diagnostics.length) {
      project.diagnostics.push(...diagnostics);
      continue;
    }
    const checked = checkSchema(input.schema, source);
    project.diagnostics.push(...checked.diagnostics);
    if (checked.data !== undefined) (project.data as Record<string, unknown>)[key] = checked.data;
  }
  mergeKpiActuals(project);
}

/** Record where each KPI actual came from, and add actuals from CSV files named by `actuals_csv`. */
function mergeKpiActuals(project: Project): void {
  const kpis = project.data.kpis?.kpis;
  const source = project.sources.kpis;
  if (!kpis || !source) return;
  const csvCache = new Map<string, ReturnType<typeof parseCsv>['table'] | null>();
  kpis.forEach((kpi, k) => {
    kpi.actuals.forEach((a, i) => {
      project.actualSources.set(a, { file: source.file, ...source.locate(['kpis', k, 'actuals', i]) });
    });
    if (!kpi.actuals_csv) return;
    const at = { file: source.file, ...source.locate(['kpis', k, 'actuals_csv']) };
    if (!csvCache.has(kpi.actuals_csv)) {
      const read = readProjectFile(project, kpi.actuals_csv, {
        from: 'data',
        within: 'data',
        at,
        maxBytes: MAX_CSV_BYTES,
      });
      let table = null;
      if (read) {
        const parsed = parseCsv(read.text, read.file);
        project.diagnostics.push(...parsed.diagnostics);
        table = parsed.table ?? null;
        if (table) {
          for (const col of ['kpi', 'period', 'value']) {
            if (!table.columns.includes(col)) {
              project.diagnostics.push(
                diag('csv/missing-column', read.file, { line: 1, column: 1 }, [col, 'kpi, period, value, note']),
              );
              table = null;
              break;
            }
          }
        }
      }
      csvCache.set(kpi.actuals_csv, table);
    }
    const table = csvCache.get(kpi.actuals_csv);
    if (!table) return;
    let rows = kpi.actuals.length;
    for (const row of table.rows) {
      if (row.values['kpi'] !== kpi.id) continue;
      if (++rows > MAX_ACTUALS_PER_KPI) {
        project.diagnostics.push(
          diag('kpi/too-many-actuals', table.file, { line: row.line, column: 1 }, [
            kpi.id,
            String(MAX_ACTUALS_PER_KPI),
          ]),
        );
        break;
      }
      const values: Record<string, string> = {
        kpi: row.values['kpi'] ?? '',
        period: row.values['period'] ?? '',
        value: row.values['value'] ?? '',
      };
      if (row.values['note']) values['note'] = row.values['note'];
      const parsed = KpiActualRowSchema.safeParse(values);
      const rowSource: YamlSource = {
        file: table.file,
        value: values,
        locate: (p) => ({ line: row.line, column: Math.max(1, table.columns.indexOf(String(p[0] ?? '')) + 1) }),
        locateKey: () => ({ line: row.line, column: 1 }),
      };
      if (!parsed.success) {
        project.diagnostics.push(...issuesToDiagnostics(parsed.error.issues, rowSource));
        continue;
      }
      // An empty value is a figure not yet published: its note is the reason.
      const { period, value, note } = parsed.data;
      const actual: Actual =
        value === null
          ? note
            ? { period, value, reason: note }
            : { period, value }
          : note
            ? { period, value, note }
            : { period, value };
      kpi.actuals.push(actual);
      project.actualSources.set(actual, { file: table.file, line: row.line, column: 1 });
    }
  });
  // A row for a KPI that no KPI reading this file has (a typo in the id) would silently vanish.
  for (const [csv, table] of csvCache) {
    if (!table) continue;
    const readers = kpis.filter((k) => k.actuals_csv === csv).map((k) => k.id);
    for (const row of table.rows) {
      const id = row.values['kpi'] ?? '';
      if (readers.includes(id)) continue;
      const at = { line: row.line, column: Math.max(1, table.columns.indexOf('kpi') + 1) };
      const kpi = kpis.find((k) => k.id === id);
      // A KPI that reads another file (even a broken one) has its own diagnostic already.
      if (kpi?.actuals_csv) continue;
      if (kpi) project.diagnostics.push(diag('kpi/csv-not-linked', table.file, at, [id, csv]));
      else
        project.diagnostics.push(
          diag('id/unknown', table.file, at, ['KPI', id, readers.join(', '), closest(id, readers) ?? '']),
        );
    }
  }
}

function loadChapters(project: Project): void {
  const dir = path.join(project.root, 'content');
  if (!fs.existsSync(dir)) {
    project.diagnostics.push(diag('file/not-found', 'content', undefined, ['content/']));
    return;
  }
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort();
  for (const name of names) {
    const rel = toPosix(path.join('content', name));
    const read = readProjectFile(project, rel);
    if (!read) continue;
    const split = splitFrontMatter(read.text);
    if (split.yaml === undefined) {
      project.diagnostics.push(
        diag(split.unclosed ? 'chapter/unclosed-front-matter' : 'chapter/no-front-matter', rel, { line: 1, column: 1 }),
      );
      project.failedChapters.push(rel);
      continue;
    }
    const { source, diagnostics } = parseYaml(split.yaml, rel, split.yamlLineOffset);
    if (diagnostics.length) {
      project.diagnostics.push(...diagnostics);
      project.failedChapters.push(rel);
      continue;
    }
    const checked = checkSchema(ChapterFrontMatterSchema, source);
    if (!checked.data) {
      project.diagnostics.push(...checked.diagnostics);
      project.failedChapters.push(rel);
      continue;
    }
    const limits = checkMarkdownLimits(split.body, rel, split.bodyLineOffset);
    if (limits.length) {
      project.diagnostics.push(...limits);
      project.failedChapters.push(rel);
      continue;
    }
    project.chapters.push({
      file: rel,
      front: checked.data,
      frontSource: source,
      body: split.body,
      bodyLineOffset: split.bodyLineOffset,
    });
  }
}
