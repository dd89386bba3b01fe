import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../scripts/figures/registry.js';
import { BLOCKS } from '../../scripts/render/blocks/index.js';
import { REPO_ROOT } from '../support/example-build.js';

describe('the registry of generated chart kinds', () => {
  it('has every file in scripts/figures/kinds/ that exports a kind, and nothing else', async () => {
    const dir = path.join(REPO_ROOT, 'scripts/figures/kinds');
    const exported: string[] = [];
    for (const file of fs.readdirSync(dir).sort()) {
      const mod = (await import(path.join(dir, file))) as { default?: { kind?: string } };
      if (mod.default?.kind) exported.push(mod.default.kind);
    }
    expect([...CHART_KINDS.keys()]).toEqual(exported);
    expect(exported).toEqual([
      'consultation',
      'delivery-timeline',
      'funding',
      'kpi-trend',
      'priority-scores',
      'risk-heatmap',
    ]);
  });

  it('gives each kind its data block, with the kind’s attributes', () => {
    for (const kind of CHART_KINDS.values()) {
      const block = BLOCKS.get(kind.block.name);
      expect(block, kind.block.name).toBeDefined();
      expect(block!.attributes).toEqual(kind.block.attributes);
      expect(block!.example).toBe(kind.block.example);
    }
  });
});
