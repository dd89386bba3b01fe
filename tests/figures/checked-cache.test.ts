/**
 * Officer chart checks kept by content (scripts/figures/vega-lite/checked.ts): a check read back from
 * memory or from the disk cache gives exactly what checking the chart gives (the same diagnostics
 * at the same positions, the same chart), and a changed chart or data file is checked again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadedChart } from '../../scripts/figures/types.js';
import { checkCharts } from '../../scripts/figures/vega-lite/check.js';
import { checkChartsCached, checkStats, clearCheckMemory } from '../../scripts/figures/vega-lite/checked.js';
import { readCharts } from '../../scripts/load/chart.js';
import { loadProject } from '../../scripts/load/project.js';
import { cleanCopies, copyExample, edit } from '../support/example-copy.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-checks-'));
afterAll(() => {
  cleanCopies();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A chart as data: everything but its YAML source (the same object in both, compared by identity). */
const plain = (charts: Map<string, LoadedChart>) =>
  Object.fromEntries([...charts].map(([id, { yaml, ...rest }]) => [id, { ...rest, yamlFile: yaml.file }]));

const counts = () => ({ ...checkStats });
const since = (before: typeof checkStats) => ({
  checked: checkStats.checked - before.checked,
  fromMemory: checkStats.fromMemory - before.fromMemory,
  fromDisk: checkStats.fromDisk - before.fromDisk,
});

describe('a cached check is the check', () => {
  for (const name of ['invalid-spec', 'missing-field', 'unsafe-expression', 'police']) {
    it(`${name}: checked, then from memory, then from disk, all equal`, async () => {
      const sources = readCharts(loadProject(path.join(FIXTURES, name)));
      expect(sources.size).toBeGreaterThan(0);
      const direct = await checkCharts(sources);
      const cache = path.join(dir, name);

      let before = counts();
      const first = await checkChartsCached(sources, cache);
      expect(since(before)).toEqual({ checked: sources.size, fromMemory: 0, fromDisk: 0 });
      before = counts();
      const again = await checkChartsCached(sources, cache);
      expect(since(before)).toEqual({ checked: 0, fromMemory: sources.size, fromDisk: 0 });
      clearCheckMemory();
      // Loaded afresh, as a new process would: the same text gives the same keys.
      const reloaded = readCharts(loadProject(path.join(FIXTURES, name)));
      before = counts();
      const disk = await checkChartsCached(reloaded, cache);
      expect(since(before)).toEqual({ checked: 0, fromMemory: 0, fromDisk: sources.size });

      for (const result of [first, again, disk]) {
        expect(result.diagnostics).toEqual(direct.diagnostics);
        expect(plain(result.charts)).toEqual(plain(direct.charts));
      }
    });
  }

  it('the fixtures with mistakes do report them (so the comparison above compares something)', async () => {
    const sources = readCharts(loadProject(path.join(FIXTURES, 'invalid-spec')));
    const { diagnostics } = await checkChartsCached(sources, path.join(dir, 'invalid-spec'));
    expect(diagnostics.map((d) => d.ruleId)).toContain('chart/spec-invalid');
  });
});

describe('what is checked again', () => {
  it('an edited chart file or data file is checked again; the other chart is not', async () => {
    const root = copyExample();
    const cache = path.join(dir, 'example');
    await checkChartsCached(readCharts(loadProject(root)), cache);
    clearCheckMemory();

    edit(root, 'data/charts/asb-by-lsoa.yaml', /title: (.+)/, 'title: $1 (edited)');
    let before = counts();
    let result = await checkChartsCached(readCharts(loadProject(root)), cache);
    expect(since(before)).toEqual({ checked: 1, fromMemory: 0, fromDisk: 1 });
    expect(result.charts.get('asb-by-lsoa')?.title).toMatch(/\(edited\)$/);

    // The police.uk file both charts read: one changed row, both checked again.
    const csv = fs.readdirSync(path.join(root, 'data', 'police-uk'))[0]!;
    const file = path.join(root, 'data', 'police-uk', csv);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    fs.writeFileSync(file, [...lines.slice(0, 1), ...lines.slice(2)].join('\n'));
    before = counts();
    result = await checkChartsCached(readCharts(loadProject(root)), cache);
    expect(since(before)).toEqual({ checked: 2, fromMemory: 0, fromDisk: 0 });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
