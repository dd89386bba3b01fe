/**
 * Checking officer charts, the figures stage's first step: a chart as loaded (scripts/load/chart.ts:
 * wrapper checked, data files read and inlined) becomes a chart ready to draw, or diagnostics.
 *
 *   spec against the Vega-Lite JSON Schema -> expressions, links and images checked -> the data
 *   problems load found -> times as UTC (`timeUnit: yearmonth` becomes `utcyearmonth`, so a chart does
 *   not change with the machine's time zone) -> compiled once, so Vega-Lite's own errors surface here
 *   -> the dataflow run once (analyse.ts): every field read where the data has it, and the data tables
 *   read from the marks -> selections and bound inputs warned about, the description told.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Diagnostic, Position } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import { readCharts, type ChartSource, type InlineChart } from '../../load/chart.js';
import type { Project } from '../../load/project.js';
import type { PathSegment } from '../../load/yaml.js';
import type { ChapterInfo } from '../../validate/chapters.js';
import type { LoadedChart } from '../types.js';
import { checkSpecInSandbox, overBudget, SandboxLimitError } from '../job-sandbox.js';
import { fieldPath } from './analyse.js';
import { findInteractions, staticNote } from './interactive.js';
import { findLinksAndImages, findUnsafeExpressions, validateSpec } from './validate-spec.js';
import { findExpensiveParts } from './limits.js';
import { useUtc } from './utc.js';

/** A checked chart, or why there is none. */
export interface CheckedChart {
  chart?: LoadedChart;
  diagnostics: Diagnostic[];
}

/**
 * Checks of a loaded chart file, kept by the loaded object (load keeps those by content), so `dev` does
 * not check an unchanged chart again, nor wait again for one that a limit stopped.
 */
const checkedMemo = new WeakMap<ChartSource, Promise<CheckedChart>>();

/**
 * Check one chart as loaded; `id` names it (an inline chart is named by its section). Compiling it and
 * running its dataflow happen in the sandbox worker, within the chart budget.
 */
export function checkChart(source: ChartSource, id = source.id): Promise<CheckedChart> {
  const memo = id === source.id ? checkedMemo.get(source) : undefined;
  if (memo) return memo;
  const out = (async (): Promise<CheckedChart> => {
    const diagnostics: Diagnostic[] = [];
    const chart = await check(source, id, diagnostics);
    return chart ? { chart, diagnostics } : { diagnostics };
  })();
  if (id === source.id) {
    checkedMemo.set(source, out);
    // A failure of the tool itself is not kept: the next build tries again.
    out.catch(() => checkedMemo.delete(source));
  }
  return out;
}

async function check(source: ChartSource, id: string, out: Diagnostic[]): Promise<LoadedChart | undefined> {
  const { file, yaml } = source;
  const problems: Diagnostic[] = [];
  const at = (p: readonly PathSegment[], key = false): Position =>
    key ? yaml.locateKey(['spec', ...p]) : yaml.locate(['spec', ...p]);

  // 1. The spec against Vega-Lite's schema, and its expressions.
  const raw = source.raw;
  for (const issue of validateSpec(raw)) {
    problems.push(
      diag('chart/spec-invalid', file, at(issue.path, issue.atKey), [specPathLabel(issue.path), issue.message]),
    );
  }
  for (const issue of findUnsafeExpressions(raw)) {
    problems.push(diag('chart/unsafe-expression', file, at(issue.path), [issue.word]));
  }
  for (const issue of findExpensiveParts(raw)) {
    problems.push(diag('chart/too-expensive', file, at(issue.path), [issue.what]));
  }
  for (const issue of findLinksAndImages(raw)) {
    problems.push(diag('chart/link-or-image', file, at(issue.path, true), [issue.what]));
  }
  if (problems.length) {
    out.push(...problems);
    return undefined;
  }

  // 2. Data, as load read it.
  if (source.dataProblems.length) {
    out.push(...source.dataProblems);
    return undefined;
  }
  const spec = structuredClone(source.spec);

  // 3. Times as UTC; compile once so Vega-Lite's own errors are reported before drawing.
  // 4. Run the dataflow once: every field it reads must be in the data at that point (what each
  //    transform makes is read from the run, not from a list), and the tables come from its marks.
  //    Both in the sandbox: a chart that takes too long or too much memory is stopped there.
  useUtc(spec);
  let checked: Awaited<ReturnType<typeof checkSpecInSandbox>>;
  try {
    checked = await checkSpecInSandbox(spec);
  } catch (err) {
    if (!(err instanceof SandboxLimitError)) throw err;
    out.push(overBudget(err, file, yaml.locate(['spec'])));
    return undefined;
  }
  if (checked.compileError !== undefined) {
    out.push(diag('chart/compile-failed', file, yaml.locate(['spec']), [checked.compileError]));
    return undefined;
  }
  for (const w of checked.warnings)
    out.push(diag('chart/compile-warning', file, yaml.locate(['spec']), [w.replace(/\.+$/, '')]));
  const analysis = checked.analysis;
  if (analysis.error) {
    out.push(diag('chart/render-failed', file, yaml.locate(['spec']), [analysis.error]));
    return undefined;
  }
  for (const m of analysis.missing) {
    const where = fieldPath(raw, m.field);
    out.push(
      diag('chart/missing-field', file, at(where), [m.field, m.available.map((c) => `"${c}"`).join(', ') || '(none)']),
    );
  }
  if (analysis.missing.length) return undefined;

  // 5. Selections and bound inputs: drawn as the spec first appears, and said so.
  const interactions = findInteractions(raw);
  for (const i of interactions)
    out.push(
      diag('chart/interactive', file, at(i.path), [i.name, i.kind === 'input' ? 'input' : 'selection', i.initially]),
    );
  const note = staticNote(interactions);
  const description = note ? `${source.description.trim().replace(/([^.?!])$/, '$1.')} ${note}` : source.description;

  const chart: LoadedChart = {
    id,
    file,
    title: source.title,
    description,
    spec: spec as unknown as TopLevelSpec,
    dataFiles: source.dataFiles,
    yaml,
    tables: analysis.tables,
  };
  if (source.source) chart.source = source.source;
  if (source.tableRows !== undefined) chart.tableRows = source.tableRows;
  return chart;
}

/**
 * Check every chart file as loaded (concurrently, in the sandbox's workers); charts with errors are left
 * out, their problems returned in the order of the files.
 */
export async function checkCharts(sources: ReadonlyMap<string, ChartSource>): Promise<{
  charts: Map<string, LoadedChart>;
  diagnostics: Diagnostic[];
}> {
  const charts = new Map<string, LoadedChart>();
  const diagnostics: Diagnostic[] = [];
  const all = await Promise.all([...sources].map(async ([id, source]) => [id, await checkChart(source)] as const));
  for (const [id, checked] of all) {
    diagnostics.push(...checked.diagnostics);
    if (checked.chart) charts.set(id, checked.chart);
  }
  return { charts, diagnostics };
}

/**
 * Check the ```chart blocks of the chapters that are drawn, naming each after its section
 * (`<section id>-chart-<n>`) unless it names itself. By chapter file, in document order; a chart
 * with errors is undefined (its place in the chapter stays empty).
 */
export async function checkInlineCharts(
  inline: ReadonlyMap<string, readonly InlineChart[]>,
  chapters: readonly ChapterInfo[],
): Promise<{ inline: Map<string, (LoadedChart | undefined)[]>; diagnostics: Diagnostic[] }> {
  const out = new Map<string, (LoadedChart | undefined)[]>();
  const diagnostics: Diagnostic[] = [];
  const checks = chapters.map((info) =>
    Promise.all(
      (inline.get(info.chapter.file) ?? []).map((block, n) =>
        block.chart ? checkChart(block.chart, block.name ?? `${info.id}-chart-${n + 1}`) : undefined,
      ),
    ),
  );
  for (const [i, info] of chapters.entries()) {
    const blocks = inline.get(info.chapter.file);
    if (!blocks) continue;
    const checked = await checks[i]!;
    out.set(
      info.chapter.file,
      blocks.map((block, n) => {
        diagnostics.push(...block.diagnostics);
        const c = checked[n];
        if (!c) return undefined;
        diagnostics.push(...c.diagnostics);
        return c.chart;
      }),
    );
  }
  return { inline: out, diagnostics };
}

/**
 * Read and check every chart file in one call, for tests and the bench, as a build's stages 1 and 4 do:
 * reading (load) records its problems with the project's own, as loading always does; the checks'
 * problems are returned beside the charts, and never added to the project's list.
 */
export async function loadCharts(
  project: Project,
): Promise<{ charts: Map<string, LoadedChart>; diagnostics: Diagnostic[] }> {
  return checkCharts(readCharts(project));
}

/** `encoding.x.field` for people: the spec's path as written in the file. */
function specPathLabel(p: readonly PathSegment[]): string {
  let out = 'spec';
  for (const seg of p) out += typeof seg === 'number' ? `[${seg + 1}]` : `.${seg}`;
  return out;
}
