/**
 * The registry of generated chart kinds: every file in ./kinds/ whose default export is a
 * `ChartKindDefinition` is one kind, so a new kind is one new file (and its test). Files without a
 * default export there (`common.ts`) are helpers. Kinds are listed by their file name, so the order
 * never depends on the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChartKindDefinition } from './types.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kinds');

const isKind = (v: unknown): v is ChartKindDefinition =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as ChartKindDefinition).kind === 'string' &&
  typeof (v as ChartKindDefinition).job === 'function';

async function discover(): Promise<Map<string, ChartKindDefinition>> {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.d\.ts$|\.test\.(ts|js)$/.test(f))
    .sort();
  const kinds = new Map<string, ChartKindDefinition>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(DIR, file)).href)) as { default?: unknown };
    if (!isKind(mod.default)) continue;
    if (kinds.has(mod.default.kind) || mod.default.kind === 'officer')
      throw new Error(`Two chart kinds are called "${mod.default.kind}" (scripts/figures/kinds/${file})`);
    kinds.set(mod.default.kind, mod.default);
  }
  return kinds;
}

/** Every generated chart kind, by kind. */
export const CHART_KINDS: ReadonlyMap<string, ChartKindDefinition> = await discover();
