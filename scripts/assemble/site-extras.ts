/**
 * What the website shows beyond the chapters, drawn before the pages are assembled: a small trend chart
 * for each KPI card on the dashboard (the same Vega-Lite to SVG renderer as every chart, at card size,
 * with no text inside), and each priority's data blocks (logic model, KPIs, delivery plan, funding)
 * for its own page, rendered by the same block code as the chapters.
 *
 * What they read of the project, the model and the charts is recorded (render/dependencies.ts, as for
 * chapters), and the last extras made are reused while every field read has the same content: the dev
 * server's saves that change no KPI, priority, action or funding line draw none of them again.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Project } from '../load/project.js';
import { comparePeriods, parsePeriod } from '../model/periods.js';
import type { StrategyModel } from '../model/strategy.js';
import type { BlockContext, ChartEnvironment } from '../render/blocks/block.js';
import { BLOCKS } from '../render/blocks/index.js';
import { runJob } from '../figures/job.js';
import { fingerprints, recordReads } from '../render/dependencies.js';
import { PALETTE, RAG_COLOURS, SECONDARY_TEXT, TEXT } from '../figures/theme.js';

export interface PriorityBlocks {
  logicModel: string;
  kpis: string;
  actions: string;
  funding: string;
}

export interface SiteExtras {
  /** SVG of each KPI's small trend chart, by KPI id. */
  sparklines: Map<string, string>;
  /** Site HTML of each priority's blocks, by priority id. */
  priorityBlocks: Map<string, PriorityBlocks>;
}

const mid = (label: string): number | undefined => {
  const p = parsePeriod(label);
  return p ? (p.startIndex + p.endIndex + 1) / 2 : undefined;
};

/** A KPI's actuals as a line, its targets as dashed steps, the latest point in its RAG colour; no axes, no text. */
function sparklineSpec(model: StrategyModel, kpiId: string): TopLevelSpec | undefined {
  const kpi = model.kpiById.get(kpiId);
  if (!kpi) return undefined;
  const rag = model.rag.get(kpiId);
  const points = [
    { period: kpi.baseline.period, value: kpi.baseline.value },
    ...[...kpi.actuals].sort((a, b) => comparePeriods(a.period, b.period)),
  ]
    .map((a) => ({ x: mid(a.period), value: a.value }))
    .filter((a): a is { x: number; value: number } => a.x !== undefined);
  const targets = Object.entries(kpi.targets)
    .map(([fy, value]) => ({ p: parsePeriod(fy), value }))
    .filter((t) => t.p)
    .map((t) => ({ x: t.p!.startIndex, x2: t.p!.endIndex + 1, value: t.value }));
  const xs = [...points.map((p) => p.x), ...targets.flatMap((t) => [t.x, t.x2])];
  if (xs.length === 0) return undefined;
  const x = {
    field: 'x',
    type: 'quantitative',
    scale: { domain: [Math.min(...xs) - 1, Math.max(...xs) + 1], nice: false, zero: false },
    axis: null,
  };
  const y = { field: 'value', type: 'quantitative', scale: { zero: false, nice: false, padding: 6 }, axis: null };
  const latest = points.at(-1);
  const layers: unknown[] = [
    {
      data: { values: targets },
      mark: { type: 'rule', color: SECONDARY_TEXT, strokeWidth: 1.5, strokeDash: [4, 3] },
      encoding: { x, x2: { field: 'x2' }, y },
    },
    { data: { values: points }, mark: { type: 'line', color: PALETTE[0], strokeWidth: 2.5 }, encoding: { x, y } },
  ];
  if (latest && kpi.actuals.length) {
    layers.push({
      data: { values: [latest] },
      mark: {
        type: 'point',
        filled: true,
        size: 70,
        stroke: TEXT,
        strokeWidth: 1.5,
        color: RAG_COLOURS[rag?.status ?? 'grey'],
      },
      encoding: { x, y },
    });
  }
  return { width: 220, height: 56, padding: 4, view: { stroke: null }, layer: layers } as unknown as TopLevelSpec;
}

/** The last extras made, with each field they read and its fingerprint then. */
let last: { reads: Map<string, string>; extras: SiteExtras } | undefined;

/** Counts for tests: extras drawn, and reused. */
export const siteExtrasStats = { drawn: 0, reused: 0 };

export async function renderSiteExtras(
  project: Project,
  model: StrategyModel,
  charts: ChartEnvironment,
): Promise<SiteExtras> {
  const fingerprint = fingerprints({ project, model, charts });
  const kept = last;
  if (kept && [...kept.reads].every(([field, print]) => fingerprint(field) === print)) {
    siteExtrasStats.reused++;
    return kept.extras;
  }
  siteExtrasStats.drawn++;
  const reads = new Set<string>();
  const recorded = recordReads({ project, model, charts }, reads);
  const extras = await drawSiteExtras(recorded.project, recorded.model, recorded.charts);
  last = { reads: new Map([...reads].sort().map((field) => [field, fingerprint(field)])), extras };
  return extras;
}

async function drawSiteExtras(project: Project, model: StrategyModel, charts: ChartEnvironment): Promise<SiteExtras> {
  const cacheDir = charts.cacheDir === false ? undefined : charts.cacheDir;
  const sparklines = new Map<string, string>();
  await Promise.all(
    model.kpis.map(async (kpi) => {
      const spec = sparklineSpec(model, kpi.id);
      if (!spec) return;
      const chart = await runJob(
        {
          id: `spark-${kpi.id}`,
          title: `Trend: ${kpi.title}`,
          description:
            'The line is the baseline and each result; dashed steps are the targets for each year; the last point is the latest result.',
          spec,
          table: { caption: '', columns: [], rows: [] },
        },
        cacheDir,
      );
      sparklines.set(kpi.id, chart.svg);
    }),
  );
  const priorityBlocks = new Map<string, PriorityBlocks>();
  for (const p of model.priorities) {
    const ctx: BlockContext = {
      project,
      model,
      at: { file: 'data/priorities.yaml', line: 1, column: 1 },
      sectionId: `priority-${p.id}`,
      charts,
    };
    const block = async (name: string) => {
      const def = BLOCKS.get(name);
      return def ? (await def.render(ctx, { priority: p.id })).site.value : '';
    };
    priorityBlocks.set(p.id, {
      logicModel: await block('logic-model'),
      kpis: await block('kpi-table'),
      actions: await block('action-plan'),
      funding: await block('funding-table'),
    });
  }
  return { sparklines, priorityBlocks };
}
