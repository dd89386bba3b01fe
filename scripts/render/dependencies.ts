/**
 * What a chapter's rendering read, recorded rather than declared, for the dev server's render cache
 * (document.ts). The project, the model and the charts a chapter is rendered with are wrapped in
 * proxies that note each field read — `model.kpis`, `model.data.risks`, `project.root`, `charts.charts`
 * — and a field's fingerprint is a hash of its content in this build. A chapter whose every read field
 * has the fingerprint it had is rendered from the same inputs, so it can be reused.
 *
 * Conservative where a field stands for files rather than values: anything that can reach a file
 * under data/ (the root, the YAML sources, the CSV rows) is fingerprinted by every file under data/.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkedChartKey } from '../figures/vega-lite/checked.js';
import type { LoadedChart } from '../figures/types.js';
import { resolveInside } from '../load/paths.js';
import type { Project } from '../load/project.js';
import type { StrategyModel } from '../model/strategy.js';
import type { ChartEnvironment } from './blocks/block.js';

interface Inputs {
  project: Project;
  model: StrategyModel;
  charts: ChartEnvironment;
}

/** Fields whose own fields are recorded one by one (each data file is one field). */
const BY_FIELD = new Set(['data']);

function recording<T extends object>(target: T, prefix: string, reads: Set<string>): T {
  return new Proxy(target, {
    get(t, key) {
      const value: unknown = Reflect.get(t, key, t);
      if (typeof key !== 'string') return value;
      const field = `${prefix}.${key}`;
      if (BY_FIELD.has(key) && value && typeof value === 'object') return recording(value, field, reads);
      reads.add(field);
      return value;
    },
    // Listing or testing keys reads the whole object.
    ownKeys(t) {
      reads.add(prefix);
      return Reflect.ownKeys(t);
    },
    has(t, key) {
      reads.add(prefix);
      return Reflect.has(t, key);
    },
  });
}

/** The same context, with every read of the project, the model and the charts noted in `reads`. */
export function recordReads<C extends Inputs>(ctx: C, reads: Set<string>): C {
  return {
    ...ctx,
    project: recording(ctx.project, 'project', reads),
    model: recording(ctx.model, 'model', reads),
    charts: recording(ctx.charts, 'charts', reads),
  };
}

let uncomparable = 0;

/** A hash of a value's content: Maps and Sets by their entries; a value that cannot be written never matches. */
function contentHash(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (v instanceof Map) return { '\u0000map': [...v] };
      if (v instanceof Set) return { '\u0000set': [...v] };
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'function') return `\u0000fn ${v.name}`;
      return v;
    });
    return createHash('sha256')
      .update(text ?? 'undefined')
      .digest('hex');
  } catch {
    return `uncomparable ${++uncomparable}`;
  }
}

/** Every file under data/, by content (a link that leads out of the folder by where it points). */
function dataFilesHash(root: string): string {
  const h = createHash('sha256').update(root);
  const data = path.join(root, 'data');
  if (!fs.existsSync(data)) return h.digest('hex');
  for (const file of fs
    .readdirSync(data, { recursive: true, withFileTypes: true })
    .filter((x) => x.isFile() || x.isSymbolicLink())
    .map((x) => path.join(x.parentPath, x.name))
    .sort()) {
    const inside = resolveInside(root, '.', path.relative(root, file));
    h.update(`\0${path.relative(data, file)}\0`).update(
      inside.ok ? fs.readFileSync(inside.absolute) : fs.readlinkSync(file),
    );
  }
  return h.digest('hex');
}

/** A checked chart by the key of its check (its text and data), else by its content. */
function chartHash(chart: LoadedChart | undefined): string {
  if (!chart) return 'none';
  const key = checkedChartKey(chart);
  if (key) return `${chart.id}:${key}`;
  const { yaml: _yaml, ...rest } = chart;
  return contentHash(rest);
}

/** Project fields that lead to files rather than values. */
const FILE_FIELDS = new Set(['project.root', 'project.sources', 'project.actualSources', 'project.files']);

/** The fingerprint of each field in this build (each worked out once). */
export function fingerprints({ project, model, charts }: Inputs): (field: string) => string {
  const memo = new Map<string, string>();
  const compute = (field: string): string => {
    if (FILE_FIELDS.has(field) || field.startsWith('project.sources.')) return dataFilesHash(project.root);
    const [root, key, sub] = field.split('.') as [string, string | undefined, string | undefined];
    const object: Record<string, unknown> =
      root === 'project'
        ? (project as unknown as Record<string, unknown>)
        : root === 'model'
          ? (model as unknown as Record<string, unknown>)
          : (charts as unknown as Record<string, unknown>);
    if (key === undefined)
      return root === 'charts' ? compute('charts.charts') + compute('charts.inline') : contentHash(object);
    const value = object[key];
    if (root === 'charts' && key === 'charts')
      return contentHash(
        [...((value as Map<string, LoadedChart> | undefined) ?? [])].map(([id, c]) => [id, chartHash(c)]),
      );
    if (root === 'charts' && key === 'inline')
      return contentHash(
        [...((value as Map<string, (LoadedChart | undefined)[]> | undefined) ?? [])].map(([file, list]) => [
          file,
          list.map(chartHash),
        ]),
      );
    if (sub !== undefined) return contentHash((value as Record<string, unknown> | undefined)?.[sub]);
    return contentHash(value);
  };
  return (field) => {
    let print = memo.get(field);
    if (print === undefined) {
      print = compute(field);
      memo.set(field, print);
    }
    return print;
  };
}
