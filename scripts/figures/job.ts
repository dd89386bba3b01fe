/**
 * A drawing job, and running it with a content-hash cache: the key is a hash of everything that
 * decides the output (the spec with its data, title, description, table, the theme version, the
 * versions of vega and vega-lite, and the figures code), so an unchanged chart is read back from
 * memory or from `<cache dir>/<hash>.json` (the tool's `node_modules/.cache/csp-strategy/charts`,
 * never the strategy folder) instead of being drawn again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { drawInSandbox, SandboxLimitError } from './job-sandbox.js';
import { THEME_VERSION } from './theme.js';
import type { ChartJob, ChartTable, RenderedChart } from './types.js';

export type { ChartJob } from './types.js';

/**
 * The figures code itself (every file under scripts/figures/, kinds and Vega-Lite included) is part of
 * every key, so a change to how charts are drawn is never served stale.
 */
const CODE = (() => {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => /\.(ts|js)$/.test(n))
    .map((n) => n.split(path.sep).join('/'))
    .sort();
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 16);
})();
/**
 * A package's version from its package.json (found from its entry point: `exports` hides the file),
 * so keying a chart never loads Vega itself.
 */
export function versionOf(pkg: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(pkg));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (json.name === pkg) return json.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`No package.json found for ${pkg}`);
    dir = path.dirname(dir);
  }
}
const VERSIONS = `vega@${versionOf('vega')} vega-lite@${versionOf('vega-lite')} code@${CODE}`;
/** Vega's and Vega-Lite's versions and the figures code, for other caches of figures work (checked.ts). */
export const FIGURES_VERSION = `${VERSIONS} ajv@${versionOf('ajv')}`;

/** JSON with object keys sorted, so equal specs hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

export function jobKey(job: ChartJob): string {
  const h = createHash('sha256');
  h.update(`${THEME_VERSION}\n${VERSIONS}\n${job.id}\n${job.title}\n${job.description}\n${job.source ?? ''}\n`);
  h.update(stableStringify(job.spec));
  h.update(stableStringify(job.table));
  return h.digest('hex');
}

interface Cached {
  svg: string;
  table: ChartTable;
}

const memory = new Map<string, Promise<Cached>>();

/** Counts for the bench and tests: how many charts were really drawn. */
export const drawStats = { drawn: 0, fromMemory: 0, fromDisk: 0 };

/** Forget the in-memory cache (the bench measures cold runs). */
export function clearMemoryCache(): void {
  memory.clear();
}

export async function runJob(job: ChartJob, cacheDir: string | undefined): Promise<RenderedChart> {
  const key = jobKey(job);
  let pending = memory.get(key);
  if (pending) drawStats.fromMemory++;
  else {
    pending = readDisk(cacheDir, key).then((hit) => {
      if (hit) {
        drawStats.fromDisk++;
        return hit;
      }
      return draw(job).then((drawn) => {
        writeDisk(cacheDir, key, drawn);
        return drawn;
      });
    });
    memory.set(key, pending);
    // A failed drawing is not cached: the next build tries again and reports the error again. A chart a
    // limit stopped is the exception, so `dev` does not wait for it again on every rebuild.
    pending.catch((err: unknown) => {
      if (!(err instanceof SandboxLimitError)) memory.delete(key);
    });
  }
  const { svg, table } = await pending;
  const out: RenderedChart = { id: job.id, title: job.title, description: job.description, svg, table };
  if (job.source) out.source = job.source;
  return out;
}

/** Compile, run and finish the SVG in the sandbox worker, within the chart budget. */
async function draw(job: ChartJob): Promise<Cached> {
  drawStats.drawn++;
  return { svg: await drawInSandbox(job), table: job.table };
}

async function readDisk(dir: string | undefined, key: string): Promise<Cached | undefined> {
  if (!dir) return undefined;
  try {
    const text = await fs.promises.readFile(path.join(dir, `${key}.json`), 'utf8');
    const parsed = JSON.parse(text) as Partial<Cached>;
    if (typeof parsed.svg === 'string' && parsed.table && Array.isArray(parsed.table.rows)) return parsed as Cached;
  } catch {
    // A missing or damaged cache entry is simply drawn again.
  }
  return undefined;
}

function writeDisk(dir: string | undefined, key: string, value: Cached): void {
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, path.join(dir, `${key}.json`));
  } catch {
    // The cache is an optimisation: a read-only folder only makes the next build slower.
  }
}
