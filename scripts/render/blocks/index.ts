/**
 * The registry of data blocks. A chapter places one with a directive on its own line, e.g.
 * `::kpi-table{priority=serious-violence}`; the registry checks the name and every attribute (ids
 * must exist) before the block renders, so mistakes are reported at the directive's line and column.
 *
 * Every file in this folder whose default export is a `BlockDefinition`, or a list of them, adds its
 * blocks, so a new block is one new file (with its test and fixture), as a generated chart kind is one
 * file in figures/kinds/. Files without a default export (block.ts, docs.ts, diagrams.ts…) are helpers.
 * Files are read in name order, so the order (the README's list) never depends on the file system.
 * A block file must not import this one: it is loaded while this one waits for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import type { StrategyModel } from '../../model/strategy.js';
import type { AttributeKind, BlockContext, BlockDefinition } from './block.js';

const DIR = path.dirname(fileURLToPath(import.meta.url));
/** This file, and `npm run readme`'s script (it writes the README when loaded). */
const NOT_BLOCKS = new Set(['index', 'write-readme']);

const isBlock = (v: unknown): v is BlockDefinition =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as BlockDefinition).name === 'string' &&
  typeof (v as BlockDefinition).render === 'function' &&
  Array.isArray((v as BlockDefinition).attributes);

/** The blocks of every block file in `dir`, by name, files in name order. */
export async function discoverBlocks(dir: string): Promise<Map<string, BlockDefinition>> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.d\.ts$|\.test\.(ts|js)$/.test(f))
    .filter((f) => !NOT_BLOCKS.has(f.replace(/\.(ts|js)$/, '')))
    .sort();
  const blocks = new Map<string, BlockDefinition>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    const found = Array.isArray(mod.default) ? mod.default : [mod.default];
    for (const block of found.filter(isBlock)) {
      if (blocks.has(block.name))
        throw new Error(`Two data blocks are called "${block.name}" (${path.join(dir, file)})`);
      blocks.set(block.name, block);
    }
  }
  return blocks;
}

/** Every data block, by name. */
export const BLOCKS: ReadonlyMap<string, BlockDefinition> = await discoverBlocks(DIR);

function idsOf(
  kind: AttributeKind,
  model: StrategyModel,
  attrs: Record<string, string>,
  chartIds: readonly string[],
): { label: string; ids: string[] } {
  if (typeof kind === 'object') return { label: 'value', ids: [...kind.oneOf] };
  switch (kind) {
    case 'priority':
      return { label: 'priority', ids: model.priorities.map((p) => p.id) };
    case 'kpi':
      return { label: 'KPI', ids: model.kpis.map((k) => k.id) };
    case 'survey':
    case 'surveys':
      return { label: 'survey', ids: (model.data.consultation?.surveys ?? []).map((s) => s.id) };
    case 'year':
      return { label: 'financial year of the strategy', ids: model.years };
    case 'allocation-round':
      return { label: 'allocation round', ids: model.allocations.map((a) => a.round.id) };
    case 'text':
      return { label: 'value', ids: [] };
    case 'question': {
      const survey = model.data.consultation?.surveys.find((s) => s.id === attrs['survey']);
      return { label: 'question', ids: (survey?.questions ?? []).map((q) => q.id) };
    }
    case 'chart':
      return { label: 'chart', ids: [...chartIds] };
  }
}

/** Check a directive against the registry; returns the block when it can render. */
export function checkDirective(
  name: string,
  attrs: Record<string, string>,
  ctx: Pick<BlockContext, 'at' | 'model'> & { charts?: ReadonlyMap<string, unknown> | undefined },
  chartIds: readonly string[],
  diagnostics: Diagnostic[],
): BlockDefinition | undefined {
  const block = BLOCKS.get(name);
  const at = ctx.at;
  if (!block) {
    diagnostics.push(
      diag('directive/unknown', at.file, at, [
        name,
        [...BLOCKS.keys()]
          .sort()
          .map((n) => `::${n}`)
          .join(', '),
      ]),
    );
    return undefined;
  }
  let ok = true;
  for (const spec of block.attributes) {
    const value = attrs[spec.name];
    if (value === undefined || value === '') {
      if (spec.required) {
        diagnostics.push(diag('directive/missing-attribute', at.file, at, [name, spec.name, block.example]));
        ok = false;
      }
      continue;
    }
    if (spec.kind === 'text') continue;
    const { label, ids } = idsOf(spec.kind, ctx.model, attrs, chartIds);
    const values = spec.kind === 'surveys' ? value.split(',').map((v) => v.trim()) : [value];
    const unknown = values.filter((v) => !ids.includes(v));
    // With no data loaded for this kind (its file has errors), the file's own diagnostics say why.
    if (ids.length && unknown.length) {
      diagnostics.push(diag('directive/unknown-id', at.file, at, [label, unknown[0]!, ids.join(', ')]));
      ok = false;
    } else if (!ids.length) ok = false;
    else if (spec.kind === 'chart' && !ctx.charts?.has(value)) ok = false; // its file's errors say why
  }
  for (const key of Object.keys(attrs)) {
    if (!block.attributes.some((a) => a.name === key)) {
      diagnostics.push(
        diag('directive/unknown-attribute', at.file, at, [
          name,
          key,
          block.attributes.map((a) => a.name).join(', ') || 'none',
        ]),
      );
      ok = false;
    }
  }
  return ok ? block : undefined;
}
