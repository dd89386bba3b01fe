/**
 * `npm run bench`: how long charts take to draw, on the example strategy (or `--root DIR`).
 * Prints, for the strategy's charts: loading officer charts (schema compile included), milliseconds
 * per chart drawn cold one at a time, all at once (Promise.all), from the in-memory cache and from
 * the disk cache. Figures vary by machine; nothing asserts on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCharts } from '../figures/vega-lite/check.js';
import { loadProject } from '../load/project.js';
import { buildModel } from '../model/strategy.js';
import { clearMemoryCache, drawStats, renderChart, renderCharts, type ChartRequest } from '../figures/index.js';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 && args[rootArg + 1] ? args[rootArg + 1]! : process.cwd();
const ROUNDS = 3;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
const best = (xs: number[]) => Math.min(...xs);

const t0 = performance.now();
const project = loadProject(root);
const tLoadProject = performance.now() - t0;
const t1 = performance.now();
const { charts } = await loadCharts(project);
const tLoadCharts = performance.now() - t1;

const d = project.data;
const requests: ChartRequest[] = [
  ...[...charts.keys()].map((id): ChartRequest => ({ kind: 'officer', id })),
  ...(d.kpis?.kpis ?? []).map((k): ChartRequest => ({ kind: 'kpi-trend', kpi: k.id })),
  ...(d.risks ? [{ kind: 'risk-heatmap' } as const, { kind: 'risk-heatmap', rating: 'residual' } as const] : []),
  ...(d.funding ? [{ kind: 'funding', by: 'priority' } as const, { kind: 'funding', by: 'funder' } as const] : []),
  ...(d.actions ? [{ kind: 'delivery-timeline' } as const] : []),
  ...(d.consultation?.surveys ?? []).flatMap((s) =>
    s.questions.map((q): ChartRequest => ({ kind: 'consultation', survey: s.id, question: q.id })),
  ),
  ...(d.priorityMatrix ? [{ kind: 'priority-scores' } as const] : []),
];
const n = requests.length;
const ctx = { model: buildModel(project), charts, cacheDir: false as const };

// Warm up the modules and the JIT once, so "cold" means "not cached", not "first code ever run".
await renderCharts(requests, ctx);

const sequential: number[] = [];
const parallel: number[] = [];
const memory: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  clearMemoryCache();
  sequential.push(
    await time(async () => {
      for (const req of requests) await renderChart(req, ctx);
    }),
  );
  clearMemoryCache();
  parallel.push(await time(() => renderCharts(requests, ctx)));
  memory.push(await time(() => renderCharts(requests, ctx)));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-bench-'));
clearMemoryCache();
await renderCharts(requests, { ...ctx, cacheDir: dir });
const disk: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  clearMemoryCache();
  const before = drawStats.drawn;
  disk.push(await time(() => renderCharts(requests, { ...ctx, cacheDir: dir })));
  if (drawStats.drawn !== before) throw new Error('the disk cache missed');
}
fs.rmSync(dir, { recursive: true, force: true });

// Per kind, cold, one at a time.
const perKind = new Map<string, number[]>();
clearMemoryCache();
for (const req of requests) {
  const t = await time(() => renderChart(req, ctx));
  perKind.set(req.kind, [...(perKind.get(req.kind) ?? []), t]);
}

const failed = (await renderCharts(requests, ctx)).filter((r) => !r.ok).length;
console.log(`Charts bench: ${root}`);
console.log(
  `  ${n} charts (${charts.size} officer-written), ${failed} failed; best of ${ROUNDS} rounds; ${os.cpus().length} CPUs`,
);
console.log(`  load project                ${ms(tLoadProject)}`);
console.log(`  load officer charts         ${ms(tLoadCharts)}  (Vega-Lite schema compile, data files, checks)`);
console.log(`  cold, one at a time         ${ms(best(sequential))} total, ${ms(best(sequential) / n)} per chart`);
console.log(`  cold, all at once           ${ms(best(parallel))} total, ${ms(best(parallel) / n)} per chart`);
console.log(`  cached in memory            ${ms(best(memory))} total, ${ms(best(memory) / n)} per chart`);
console.log(`  cached on disk              ${ms(best(disk))} total, ${ms(best(disk) / n)} per chart`);
console.log('  cold, per kind (mean per chart):');
for (const [kind, ts] of perKind)
  console.log(`    ${kind.padEnd(22)} ${ms(ts.reduce((a, b) => a + b, 0) / ts.length)} x ${ts.length}`);

console.log('');
const { benchPipeline } = await import('./pipeline.js');
await benchPipeline(root, { pdf: !args.includes('--no-pdf') });
