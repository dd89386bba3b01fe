/**
 * Officer charts in a small strategy (`strategy init`'s starter) through the real `check()`: what is
 * still refused says why and where; interactive specs, drawings over the size budget and chart files no
 * chapter places are warnings; a cut table's CSV is written with the site.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, check } from '../../scripts/build.js';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { SVG_BUDGET_BYTES } from '../../scripts/figures/index.js';
import { initStrategy } from '../../scripts/init/scaffold.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new starter strategy with these chart files (and data files), the charts named in `placed` placed in an appendix. */
function strategy(files: Record<string, string>, placed: string[]): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'vl-warnings-'));
  made.push(parent);
  const root = path.join(parent, 'strategy');
  initStrategy(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const body = placed.map((id) => `::chart{id=${id}}`).join('\n\n');
  fs.writeFileSync(
    path.join(root, 'content', '11-appendix-a-charts.md'),
    `---\nsection: A\ntitle: Charts\n---\n\n${body}\n`,
  );
  return root;
}

/** The built page that shows a chart (pages are named by the build; find the one with the figure). */
function pageWith(out: string, chartId: string): string {
  for (const f of fs.readdirSync(out).filter((n) => n.endsWith('.html') && n !== 'full.html')) {
    const html = fs.readFileSync(path.join(out, f), 'utf8');
    if (html.includes(`id="chart-${chartId}"`)) return html;
  }
  throw new Error(`no page shows chart-${chartId}`);
}

const chartDiagnostics = (ds: Diagnostic[]) =>
  ds
    .filter((d) => d.file.startsWith('data/charts/'))
    .map((d) => ({
      rule: d.ruleId,
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      message: d.message,
      hint: d.hint,
    }));

const bar = (field: string) => `title: Bars
description: Bars of counts by area.
spec:
  data:
    values:
      - {area: North, count: 12}
      - {area: South, count: 7}
  mark: bar
  encoding:
    x: {field: area, type: nominal}
    y: {field: ${field}, type: quantitative}
`;

describe('what is still refused says why, where and what to write', () => {
  it('a misspelt field: at the line that names it, with the fields the data has there', async () => {
    const root = strategy({ 'data/charts/typo.yaml': bar('Count') }, ['typo']);
    const { diagnostics } = await check({ root, diskCache: false });
    expect(chartDiagnostics(diagnostics)).toEqual([
      expect.objectContaining({
        rule: 'chart/missing-field',
        file: 'data/charts/typo.yaml',
        line: 11,
        column: 16,
        severity: 'error',
        message: 'The chart uses the field "Count", which its data does not have at that point.',
      }),
    ]);
    expect(chartDiagnostics(diagnostics)[0]!.hint).toContain('"area", "count"');
  });

  it('a field read in a filter before the calculate that makes it: at the filter', async () => {
    const spec = `title: Rates
description: Rates by area.
spec:
  data: {values: [{area: North, count: 12, people: 1000}]}
  transform:
    - filter: "datum.rate > 1"
    - calculate: "datum.count / datum.people * 1000"
      as: rate
  mark: bar
  encoding:
    x: {field: area, type: nominal}
    y: {field: rate, type: quantitative}
`;
    const root = strategy({ 'data/charts/order.yaml': spec }, ['order']);
    const { diagnostics } = await check({ root, diskCache: false });
    expect(chartDiagnostics(diagnostics)).toEqual([
      expect.objectContaining({ rule: 'chart/missing-field', line: 6, message: expect.stringContaining('"rate"') }),
    ]);
  });

  it('a TopoJSON file without the object named: the objects it has', async () => {
    const topo = JSON.stringify({
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [-1, 0],
        ],
      ],
      objects: {
        lsoas: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: 'E01000001' }] },
      },
    });
    const spec = `title: Map
description: A map.
spec:
  data:
    url: maps/areas.topojson
    format: {type: topojson, feature: wards}
  mark: geoshape
`;
    const root = strategy({ 'data/maps/areas.topojson': topo, 'data/charts/map.yaml': spec }, ['map']);
    const { diagnostics } = await check({ root, diskCache: false });
    expect(chartDiagnostics(diagnostics)).toEqual([
      expect.objectContaining({
        rule: 'chart/data-topojson',
        line: 6,
        severity: 'error',
        message: 'The map file "data/maps/areas.topojson" has no object "wards".',
        hint: expect.stringContaining('The file\'s objects: "lsoas"'),
      }),
    ]);
  });

  it('a file type charts do not read: the types they do, and how to name one', async () => {
    const spec = `title: X\ndescription: X.\nspec:\n  data: {url: sna/calls.xlsx}\n  mark: bar\n`;
    const root = strategy({ 'data/sna/calls.xlsx': 'x', 'data/charts/xlsx.yaml': spec }, ['xlsx']);
    const { diagnostics } = await check({ root, diskCache: false });
    expect(chartDiagnostics(diagnostics)).toEqual([
      expect.objectContaining({
        rule: 'chart/data-format',
        line: 4,
        hint: expect.stringContaining('format: {type: csv}'),
      }),
    ]);
  });
});

describe('warnings, not failures', () => {
  it('an interactive spec: a warning at its param, and the description says how it is drawn', async () => {
    const spec = `title: Threshold
description: Areas above a threshold
spec:
  data:
    values:
      - {area: North, count: 12}
      - {area: South, count: 7}
  params:
    - name: cut
      value: 10
      bind: {input: range, min: 0, max: 20}
  mark: bar
  encoding:
    x: {field: area, type: nominal}
    y: {field: count, type: quantitative}
    color:
      condition: {test: "datum.count > cut", value: red}
      value: grey
`;
    const root = strategy({ 'data/charts/slider.yaml': spec }, ['slider']);
    const out = path.join(path.dirname(root), 'dist');
    const result = await build({ root, out, pdf: false, diskCache: false });
    expect(result.ok).toBe(true);
    expect(chartDiagnostics(result.diagnostics)).toEqual([
      expect.objectContaining({
        rule: 'chart/interactive',
        line: 9,
        column: 7,
        severity: 'warning',
        message: expect.stringContaining('input "cut"'),
      }),
    ]);
    const html = pageWith(out, 'slider');
    expect(html).toContain('Areas above a threshold. Drawn as it first appears: cut is 10.</desc>');
  });

  it('a drawing over the size budget warns with the fix; a chart file no chapter places warns, even with an error', async () => {
    // Twenty thousand points: over a megabyte of SVG.
    const big = `title: Many points
description: Twenty thousand points.
spec:
  data: {sequence: {start: 0, stop: 20000, as: i}}
  transform:
    - calculate: "sin(datum.i) * 100"
      as: y
  mark: {type: point, size: 4}
  encoding:
    x: {field: i, type: quantitative}
    y: {field: y, type: quantitative}
`;
    const root = strategy({ 'data/charts/many-points.yaml': big, 'data/charts/draft.yaml': bar('Count') }, [
      'many-points',
    ]);
    const out = path.join(path.dirname(root), 'dist');
    const result = await build({ root, out, pdf: false, diskCache: false });
    expect(result.ok).toBe(true);
    const found = chartDiagnostics(result.diagnostics);
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: 'chart/svg-too-large',
        file: 'data/charts/many-points.yaml',
        severity: 'warning',
        hint: expect.stringContaining('aggregate'),
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ rule: 'chart/unused', file: 'data/charts/draft.yaml', severity: 'warning' }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ rule: 'chart/missing-field', file: 'data/charts/draft.yaml', severity: 'warning' }),
    );
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(pageWith(out, 'many-points'))![0];
    expect(Buffer.byteLength(svg)).toBeGreaterThan(SVG_BUDGET_BYTES);
  });

  it('a placed chart with the same error still fails the build', async () => {
    const root = strategy({ 'data/charts/draft.yaml': bar('Count') }, ['draft']);
    const result = await build({ root, out: path.join(path.dirname(root), 'dist'), pdf: false, diskCache: false });
    expect(result.ok).toBe(false);
    expect(chartDiagnostics(result.diagnostics)).toEqual([
      expect.objectContaining({ rule: 'chart/missing-field', severity: 'error' }),
    ]);
  });
});

describe('big tables on the site', () => {
  it('the first rows in the page, a link to the whole table as CSV, and the CSV written with the site', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `      - {day: ${i + 1}, calls: ${(i * 7) % 23}}`).join('\n');
    const spec = `title: Calls by day
description: Calls each day.
table_rows: 25
spec:
  data:
    values:
${rows}
  mark: bar
  encoding:
    x: {field: day, type: ordinal}
    y: {field: calls, type: quantitative}
`;
    const root = strategy({ 'data/charts/calls.yaml': spec }, ['calls']);
    const out = path.join(path.dirname(root), 'dist');
    const result = await build({ root, out, pdf: false, diskCache: false });
    expect(result.ok).toBe(true);
    const html = pageWith(out, 'calls');
    const table = /<table class="govuk-table chart-table" id="chart-calls-table">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table.match(/<tr class="govuk-table__row">/g)).toHaveLength(26);
    expect(html).toContain('The first 25 of 40 rows are shown.');
    expect(html).toContain('href="data/charts/calls.csv"');
    const csv = fs
      .readFileSync(path.join(out, 'data', 'charts', 'calls.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(csv).toHaveLength(41);
    expect(csv[0]).toBe('day,calls');
    expect(csv[40]).toBe(`40,${(39 * 7) % 23}`);
  });
});
