/**
 * Officer chart checks, kept by content. Checking a chart (check.ts) validates it against the
 * Vega-Lite schema, compiles it and runs its dataflow: it needs Ajv's validator, Vega-Lite and Vega,
 * which take most of a `strategy check`'s start. The outcome is a function of the chart's text, its
 * inlined data and the tool's code, so it is kept in memory and in the tool's disk cache (beside the
 * drawn charts, never in the strategy folder) and check.ts is loaded only when a chart is new.
 *
 *   source --key: text + position, inlined spec, data problems, id, tool code & versions-->
 *     memory | <cache>/checks/<key>.json (diagnostics, description, tables) | check.ts (then stored)
 *
 * A hit gives exactly what the check gave: the same diagnostics, and the same chart (the stored
 * description and tables, the spec made UTC again from the source, the YAML positions of the source).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ChartSource, InlineChart } from '../../load/chart.js';
import type { ChapterInfo } from '../../validate/chapters.js';
import { FIGURES_VERSION, stableStringify, versionOf } from '../job.js';
import type { LoadedChart } from '../types.js';
import type { CheckedChart } from './check.js';
import { useUtc } from './utc.js';

/** Counts for tests and the bench: how many charts were really checked. */
export const checkStats = { checked: 0, fromMemory: 0, fromDisk: 0 };

/**
 * The code whose change can change a check's outcome or its words: loading (with the schemas and the
 * parsers that make a chart's spec from its files), diagnostics and figures (the last is in
 * FIGURES_VERSION). Read once per process.
 */
const CODE = (() => {
  const tool = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const h = createHash('sha256').update(`${FIGURES_VERSION} yaml@${versionOf('yaml')} zod@${versionOf('zod')}`);
  for (const dir of ['load', 'schema', 'diagnostics']) {
    const abs = path.join(tool, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs
      .readdirSync(abs, { recursive: true, encoding: 'utf8' })
      .filter((n) => /\.(ts|js)$/.test(n))
      .map((n) => n.split(path.sep).join('/'))
      .sort())
      h.update(`${dir}/${f}\0`).update(fs.readFileSync(path.join(abs, f)));
  }
  return h.digest('hex').slice(0, 16);
})();

interface Stored {
  diagnostics: Diagnostic[];
  chart?: { description: string; tables: LoadedChart['tables'] };
}

const memory = new Map<string, Stored>();

/** The key each checked chart was checked (or read back) under, for the dev server's render cache. */
const keys = new WeakMap<LoadedChart, string>();
export const checkedChartKey = (chart: LoadedChart): string | undefined => keys.get(chart);

/** Forget the checks kept in memory (tests read them back from disk). */
export function clearCheckMemory(): void {
  memory.clear();
}

/**
 * Keys by source: load keeps a chart's source while its files are unchanged (load/chart.ts), so the
 * dev server does not hash a chart's inlined data again on every save. Sources are never changed
 * after load (a check clones the spec first).
 */
const keyMemo = new WeakMap<ChartSource, Map<string, string | undefined>>();

function checkKey(source: ChartSource, id: string): string | undefined {
  let byId = keyMemo.get(source);
  if (!byId) {
    byId = new Map();
    keyMemo.set(source, byId);
  }
  if (!byId.has(id)) byId.set(id, computeCheckKey(source, id));
  return byId.get(id);
}

function computeCheckKey(source: ChartSource, id: string): string | undefined {
  if (!source.origin) return undefined;
  const h = createHash('sha256').update(
    `${CODE}\0${id}\0${source.file}\0${source.origin.lineOffset}\0${source.origin.text}\0`,
  );
  // The spec is made by load (whose code is in CODE) from the text and the data files it read: their hash
  // stands for it, without writing out every inlined row.
  if (source.origin.data !== undefined) h.update(`data ${source.origin.data}\0`);
  else h.update(stableStringify(source.spec));
  return h.update(stableStringify(source.dataProblems)).digest('hex');
}

function toStored(checked: CheckedChart): Stored {
  const out: Stored = { diagnostics: checked.diagnostics };
  if (checked.chart) out.chart = { description: checked.chart.description, tables: checked.chart.tables };
  return out;
}

/** The chart a stored check stands for, rebuilt from its source as check.ts builds it. */
function fromStored(stored: Stored, source: ChartSource, id: string): CheckedChart {
  const diagnostics = stored.diagnostics.map((d) => ({ ...d }));
  if (!stored.chart) return { diagnostics };
  const chart = {
    id,
    file: source.file,
    title: source.title,
    description: stored.chart.description,
  } as LoadedChart;
  // The spec (a copy of the source's, every row of its data with it) is made when something reads it: a
  // check whose chapters are all kept never does.
  let spec: LoadedChart['spec'] | undefined;
  Object.defineProperty(chart, 'spec', {
    get() {
      if (spec === undefined) {
        const copy = structuredClone(source.spec);
        useUtc(copy);
        spec = copy as unknown as LoadedChart['spec'];
      }
      return spec;
    },
    set(value: LoadedChart['spec']) {
      spec = value;
    },
    enumerable: true,
    configurable: true,
  });
  Object.assign(chart, { dataFiles: source.dataFiles, yaml: source.yaml, tables: stored.chart.tables });
  if (source.source) chart.source = source.source;
  if (source.tableRows !== undefined) chart.tableRows = source.tableRows;
  return { chart, diagnostics };
}

function readDisk(dir: string | undefined, key: string): Stored | undefined {
  if (!dir) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), 'utf8')) as Stored;
    if (Array.isArray(parsed.diagnostics) && (!parsed.chart || Array.isArray(parsed.chart.tables))) return parsed;
  } catch {
    // Missing or damaged: checked again.
  }
  return undefined;
}

function writeDisk(dir: string | undefined, key: string, stored: Stored): void {
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(stored));
    fs.renameSync(tmp, path.join(dir, `${key}.json`));
  } catch {
    // The cache only saves time.
  }
}

/** Check one chart as loaded, from memory, the disk cache (`dir`), or check.ts. */
export async function checkChartCached(
  source: ChartSource,
  id: string,
  dir: string | undefined,
): Promise<CheckedChart> {
  const checked = await checkChartByKey(source, id, dir);
  // The dev server's render cache fingerprints a chart by this key instead of hashing its tables.
  const key = checkKey(source, id);
  if (key && checked.chart) keys.set(checked.chart, key);
  return checked;
}

async function checkChartByKey(source: ChartSource, id: string, dir: string | undefined): Promise<CheckedChart> {
  const key = checkKey(source, id);
  if (key) {
    const hit = memory.get(key);
    if (hit) {
      checkStats.fromMemory++;
      return fromStored(hit, source, id);
    }
    const disk = readDisk(dir, key);
    if (disk) {
      checkStats.fromDisk++;
      memory.set(key, disk);
      return fromStored(disk, source, id);
    }
  }
  checkStats.checked++;
  const { checkChart } = await import('./check.js');
  const checked = await checkChart(source, id);
  if (key) {
    const stored = toStored(checked);
    memory.set(key, stored);
    writeDisk(dir, key, stored);
  }
  return checked;
}

/** checkCharts (check.ts), through the cache. */
export async function checkChartsCached(
  sources: ReadonlyMap<string, ChartSource>,
  dir: string | undefined,
): Promise<{ charts: Map<string, LoadedChart>; diagnostics: Diagnostic[] }> {
  const charts = new Map<string, LoadedChart>();
  const diagnostics: Diagnostic[] = [];
  // Checked side by side (the sandbox has two workers), gathered in the sources' order.
  const entries = [...sources];
  const checked = await Promise.all(entries.map(([id, source]) => checkChartCached(source, id, dir)));
  for (const [i, [id]] of entries.entries()) {
    diagnostics.push(...checked[i]!.diagnostics);
    if (checked[i]!.chart) charts.set(id, checked[i]!.chart!);
  }
  return { charts, diagnostics };
}

/** checkInlineCharts (check.ts), through the cache: each block named `<section id>-chart-<n>` unless it names itself. */
export async function checkInlineChartsCached(
  inline: ReadonlyMap<string, readonly InlineChart[]>,
  chapters: readonly ChapterInfo[],
  dir: string | undefined,
): Promise<{ inline: Map<string, (LoadedChart | undefined)[]>; diagnostics: Diagnostic[] }> {
  const out = new Map<string, (LoadedChart | undefined)[]>();
  const diagnostics: Diagnostic[] = [];
  for (const info of chapters) {
    const blocks = inline.get(info.chapter.file);
    if (!blocks) continue;
    const charts: (LoadedChart | undefined)[] = [];
    for (const [n, block] of blocks.entries()) {
      diagnostics.push(...block.diagnostics);
      if (!block.chart) {
        charts.push(undefined);
        continue;
      }
      const checked = await checkChartCached(block.chart, block.name ?? `${info.id}-chart-${n + 1}`, dir);
      diagnostics.push(...checked.diagnostics);
      charts.push(checked.chart);
    }
    out.set(info.chapter.file, charts);
  }
  return { inline: out, diagnostics };
}
