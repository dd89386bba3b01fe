/**
 * The figures stage's charts: drawn from data as static SVG at build time, in Node, identical on the
 * site and in the PDF, each with its data as a real table.
 *
 *   request --(officer: a checked data/charts/<id>.yaml | generated: a kind in kinds/, reading the StrategyModel)-->
 *   job {id, title, description, Vega-Lite spec, table} --(content hash: memory, then node_modules/.cache)-->
 *   compile with the theme --> Vega in AST mode + interpreter, no loader --> SVG, one accessible image
 *
 * Public API: `renderChart`, `renderCharts` (many at once), `chartFigureHtml` (the <figure> HTML).
 * Problems come back as diagnostics (never thrown): an unknown id is reported at `ctx.at`, the
 * directive that asked for it.
 */
import { diag } from '../diagnostics/messages.js';
import { runJob } from './job.js';
import { CHART_KINDS } from './registry.js';
import type { ChartContext, ChartRequest, ChartResult, JobResult, OfficerChartRequest } from './types.js';
import { overBudget, SandboxLimitError } from './job-sandbox.js';
import { ChartSpecError } from './vega-lite/spec-error.js';
import { officerJob } from './vega-lite/officer.js';
import { toolCacheDir } from '../util/tool-cache.js';

export type {
  ChartContext,
  ChartRequest,
  ChartResult,
  ChartTable,
  ChartColumn,
  RenderedChart,
  ChartKind,
  JobResult,
  LoadedChart,
  ChartKindDefinition,
  GeneratedChartRequest,
  OfficerChartRequest,
  AttributeKind,
  AttributeSpec,
} from './types.js';
export { CHART_KINDS } from './registry.js';
export { chartFigureHtml, chartTableHtml, type FigureMode } from './figure.js';
export { clearMemoryCache, drawStats } from './job.js';

/**
 * The disk cache lives with the tool, never in the strategy folder: anything under the strategy comes
 * through pull requests, and a planted cache entry would be published as trusted SVG.
 */
export const CACHE_DIR = toolCacheDir('charts');

/** The job for a request, or diagnostics (an unknown id, missing data). */
export function chartJob(request: ChartRequest, ctx: ChartContext): JobResult {
  const at = ctx.at ?? { file: 'data/charts', line: 1, column: 1 };
  if (isOfficer(request)) {
    const chart = ctx.charts?.get(request.id);
    if (chart) return { job: officerJob(chart) };
    const known = [...(ctx.charts?.keys() ?? [])].sort().join(', ') || '(none yet)';
    return { diagnostics: [diag('chart/unknown', at.file, at, [request.id, known])] };
  }
  const kind = CHART_KINDS.get(request.kind);
  if (kind && ctx.model) return kind.job(request, { ...ctx, model: ctx.model });
  if (kind) return { diagnostics: [diag('chart/missing-input', at.file, at, [request.kind, 'the strategy model'])] };
  return {
    diagnostics: [
      diag('chart/unknown-ref', at.file, at, [
        'chart kind',
        request.kind,
        ['officer', ...CHART_KINDS.keys()].join(', '),
      ]),
    ],
  };
}

const isOfficer = (request: ChartRequest): request is OfficerChartRequest => request.kind === 'officer';

function cacheDirOf(ctx: ChartContext): string | undefined {
  if (ctx.cacheDir === false) return undefined;
  return ctx.cacheDir ?? CACHE_DIR;
}

/** Draw one chart (or read it from the cache). */
export async function renderChart(request: ChartRequest, ctx: ChartContext): Promise<ChartResult> {
  const built = chartJob(request, ctx);
  if (!built.job) return { ok: false, diagnostics: built.diagnostics };
  try {
    const chart = await runJob(built.job, cacheDirOf(ctx));
    const diagnostics = [...(built.diagnostics ?? [])];
    const officer = isOfficer(request) ? ctx.charts?.get(request.id) : undefined;
    // A drawing over the budget (tens of thousands of points, an unsimplified map) slows every page it is on.
    const bytes = Buffer.byteLength(chart.svg);
    if (officer && bytes > SVG_BUDGET_BYTES)
      diagnostics.push(
        diag('chart/svg-too-large', officer.file, officer.yaml.locate(['spec']), [
          sizeLabel(bytes),
          sizeLabel(SVG_BUDGET_BYTES),
        ]),
      );
    return { ok: true, chart, diagnostics };
  } catch (err) {
    if (!(err instanceof ChartSpecError || err instanceof SandboxLimitError)) throw err;
    const officer = isOfficer(request) ? ctx.charts?.get(request.id) : undefined;
    const at = officer
      ? { file: officer.file, ...officer.yaml.locate(['spec']) }
      : (ctx.at ?? { file: 'data', line: 1, column: 1 });
    if (err instanceof SandboxLimitError)
      return { ok: false, diagnostics: [...(built.diagnostics ?? []), overBudget(err, at.file, at)] };
    const rule = err.stage === 'compile' ? 'chart/compile-failed' : 'chart/render-failed';
    return { ok: false, diagnostics: [...(built.diagnostics ?? []), diag(rule, at.file, at, [err.message])] };
  }
}

/** The size of an officer chart's SVG above which the build warns. */
export const SVG_BUDGET_BYTES = 500_000;

const sizeLabel = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} KB`;

/** Draw many charts concurrently; results are in the order of the requests. */
export function renderCharts(requests: readonly ChartRequest[], ctx: ChartContext): Promise<ChartResult[]> {
  return Promise.all(requests.map((r) => renderChart(r, ctx)));
}
