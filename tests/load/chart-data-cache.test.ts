/**
 * A chart's CSV data kept by content (load/chart.ts through load/parse-cache.ts): what reading the file
 * finds (its problems at their lines, its size, its columns) is kept, and its rows are typed when the
 * spec is first read. A chart loaded with the cache warm, in memory or on disk, is the chart loaded
 * without any cache; a changed file is read again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChartSource, clearChartMemory, readCharts } from '../../scripts/load/chart.js';
import { clearParseMemory, parseCacheStats, useParseCacheDir } from '../../scripts/load/parse-cache.js';
import { loadProject } from '../../scripts/load/project.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-csv-cache-'));
afterAll(() => {
  useParseCacheDir(false);
  cleanCopies();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  useParseCacheDir(dir);
  clearParseMemory();
  clearChartMemory();
});

const POLICE = 'data/police-uk/northbridge-street-2027-04-to-2028-03.csv';

/** Everything load gives for each chart, the spec (with its rows) included, but not the YAML source object. */
function load(root: string) {
  const project = loadProject(root);
  const charts = readCharts(project);
  const plain = (c: ChartSource) => {
    const { yaml, ...rest } = c;
    return { ...rest, spec: c.spec, yamlFile: yaml.file };
  };
  return { charts: Object.fromEntries([...charts].map(([id, c]) => [id, plain(c)])), diagnostics: project.diagnostics };
}

function withoutCache(root: string) {
  useParseCacheDir(false);
  clearParseMemory();
  clearChartMemory();
  try {
    return load(root);
  } finally {
    useParseCacheDir(dir);
    clearParseMemory();
    clearChartMemory();
  }
}

describe('chart data kept by content', () => {
  it('a CSV with a bad row: the same problem at the same line, and the same rows, cold, from memory and from disk', () => {
    const root = copyExample();
    const file = path.join(root, POLICE);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Line 4 has one value too few.
    lines[3] = lines[3]!.replace(/,[^,]*$/, '');
    fs.writeFileSync(file, lines.join('\n'));

    const fresh = withoutCache(root);
    const problems = Object.values(fresh.charts).flatMap((c) => c.dataProblems);
    expect(problems.map((d) => [d.ruleId, d.file, d.line])).toContainEqual(['csv/syntax', POLICE, 4]);
    expect(fresh.charts['asb-by-lsoa']!.columns).toContain('LSOA name');

    const cold = load(root);
    clearChartMemory();
    const memory = load(root);
    clearParseMemory();
    clearChartMemory();
    const fromDisk = parseCacheStats.fromDisk;
    const disk = load(root);
    expect(parseCacheStats.fromDisk).toBeGreaterThan(fromDisk);
    for (const run of [cold, memory, disk]) expect(run).toEqual(fresh);
  });

  it('a changed data file is read again', () => {
    const root = copyExample();
    const before = load(root);
    const file = path.join(root, POLICE);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(file, `${lines.filter((l) => !l.includes('Anti-social behaviour')).join('\n')}\n`);
    const after = load(root);
    const rows = (r: typeof before) =>
      ((r.charts['asb-by-lsoa']!.spec['data'] as { values: unknown[] }).values ?? []).length;
    expect(rows(after)).toBeLessThan(rows(before));
    expect(after).toEqual(withoutCache(root));
    expect(after.charts['asb-by-lsoa']!.origin!.data).not.toBe(before.charts['asb-by-lsoa']!.origin!.data);
  });
});
