/**
 * Layouts are cached like the charts: the key is a hash of the spec (every box's text and width,
 * every line), this folder's code and the elkjs version, so an unchanged diagram is read back from
 * memory or from the tool's disk cache (never the strategy folder) instead of being laid out again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { stableStringify } from '../job.js';
import { layoutDiagram } from './layout.js';
import type { DiagramSpec, PlacedDiagram } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** This folder's code and the text metrics are part of every key (as .ts from source, .js compiled). */
const CODE = (() => {
  const h = createHash('sha256');
  const files = fs
    .readdirSync(here, { recursive: true, encoding: 'utf8' })
    .filter((n) => /\.(ts|js)$/.test(n))
    .map((n) => n.split(path.sep).join('/'))
    .sort();
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(here, f)));
  for (const f of ['text-metrics.ts', 'text-metrics.js'])
    if (fs.existsSync(path.join(here, '..', f))) h.update(fs.readFileSync(path.join(here, '..', f)));
  return h.digest('hex').slice(0, 16);
})();
const ELK_VERSION = (createRequire(import.meta.url)('elkjs/package.json') as { version: string }).version;

export function layoutKey(spec: DiagramSpec): string {
  return createHash('sha256').update(`elkjs@${ELK_VERSION} code@${CODE}\n`).update(stableStringify(spec)).digest('hex');
}

const memory = new Map<string, Promise<PlacedDiagram>>();
export const layoutStats = { laidOut: 0, fromMemory: 0, fromDisk: 0 };

export function clearDiagramCache(): void {
  memory.clear();
}

/** Lay out a diagram, or read its layout back from memory or `cacheDir`. */
export function cachedLayout(spec: DiagramSpec, cacheDir: string | undefined): Promise<PlacedDiagram> {
  const key = layoutKey(spec);
  const hit = memory.get(key);
  if (hit) {
    layoutStats.fromMemory++;
    return hit;
  }
  const pending = (async () => {
    const disk = readDisk(cacheDir, key);
    if (disk) {
      layoutStats.fromDisk++;
      // The spec is not stored: the one asked for is the one the key was made from.
      return { ...disk, spec };
    }
    layoutStats.laidOut++;
    const placed = await layoutDiagram(spec);
    writeDisk(cacheDir, key, placed);
    return placed;
  })();
  memory.set(key, pending);
  pending.catch(() => memory.delete(key));
  return pending;
}

type Stored = Omit<PlacedDiagram, 'spec'>;

function readDisk(dir: string | undefined, key: string): Stored | undefined {
  if (!dir) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), 'utf8')) as Stored;
    if (Array.isArray(parsed.nodes) && Array.isArray(parsed.edges) && typeof parsed.width === 'number') return parsed;
  } catch {
    // Missing or damaged: laid out again.
  }
  return undefined;
}

function writeDisk(dir: string | undefined, key: string, placed: PlacedDiagram): void {
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const { spec: _spec, ...stored } = placed;
    const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(stored));
    fs.renameSync(tmp, path.join(dir, `${key}.json`));
  } catch {
    // The cache only saves time.
  }
}
