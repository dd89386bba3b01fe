import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCharts } from '../../scripts/figures/vega-lite/check.js';
import { compileSpec, drawVega, ChartSpecError } from '../../scripts/figures/vega-lite/draw.js';
import { renderChart } from '../../scripts/figures/index.js';
import { elementText, FIXTURES, fixtureProject, svgElements } from './helpers.js';

async function load(folder: string) {
  const project = fixtureProject(path.join(FIXTURES, folder));
  const { charts, diagnostics } = await loadCharts(project);
  // Reading a chart is loading (its problems are the project's); checking it is the figures stage's.
  return { project, charts, diagnostics: [...project.diagnostics, ...diagnostics] };
}

describe('officer charts over a police.uk street-level CSV', () => {
  it('filters, aggregates and draws ASB by area, with the table equal to the data', async () => {
    const { project, charts, diagnostics } = await load('police');
    expect(diagnostics).toEqual([]);
    expect(project.files).toContain('data/police-uk/street.csv');
    const result = await renderChart({ kind: 'officer', id: 'asb-by-lsoa' }, { charts, cacheDir: false });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { chart } = result;
    expect(chart.id).toBe('chart-asb-by-lsoa');
    // ASB rows (empty Crime ID) by LSOA name: 002A has 4, 001A 1, 003A 1; sorted by -x.
    expect(chart.table.columns.map((c) => c.label)).toEqual(['LSOA name', 'Incidents']);
    expect(chart.table.rows[0]).toEqual(['Northbridge 002A', '4']);
    expect(chart.table.rows.slice(1).sort()).toEqual([
      ['Northbridge 001A', '1'],
      ['Northbridge 003A', '1'],
    ]);
    const bars = svgElements(chart.svg).filter((e) => e.name === 'path' && /mark-rect/.test(''));
    void bars;
    expect(chart.svg.match(/<g class="mark-rect role-mark[^"]*"/g)?.length).toBe(1);
    const rectGroup = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(chart.svg)![1]!;
    expect(rectGroup.match(/<path /g)?.length).toBe(3);
    expect(elementText(chart.svg, 'title')).toBe('ASB by area');
    expect(elementText(chart.svg, 'desc')).toBe('Anti-social behaviour incidents by area, largest first.');
    expect(chart.svg).toContain('>Northbridge 002A</text>');
  });

  it('reads Month with a time unit in UTC and counts by type and month', async () => {
    const { charts } = await load('police');
    const result = await renderChart({ kind: 'officer', id: 'crimes-by-month' }, { charts, cacheDir: false });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    // Two categories and a count: a cross-table of crime type by month.
    expect(result.chart.table.columns.map((c) => c.label)).toEqual([
      'Crime type',
      'April 2027',
      'May 2027',
      'June 2027',
    ]);
    const asb = result.chart.table.rows.find((r) => r[0] === 'Anti-social behaviour');
    expect(asb).toEqual(['Anti-social behaviour', '2', '2', '2']);
    const burglary = result.chart.table.rows.find((r) => r[0] === 'Burglary');
    expect(burglary).toEqual(['Burglary', '1', '', '']);
  });

  it('reports an unknown chart id at the directive that asked for it', async () => {
    const { charts } = await load('police');
    const at = { file: 'content/04-needs-assessment.md', line: 12, column: 1 };
    const result = await renderChart({ kind: 'officer', id: 'asb-by-ward' }, { charts, at, cacheDir: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      { ruleId: 'chart/unknown', file: 'content/04-needs-assessment.md', line: 12, severity: 'error' },
    ]);
    expect(result.diagnostics[0]!.hint).toContain('asb-by-lsoa, crimes-by-month');
  });
});

describe('officer chart errors name the chart file and line', () => {
  it('an invalid spec gives Vega-Lite schema error at the offending key', async () => {
    const { charts, diagnostics } = await load('invalid-spec');
    expect(charts.size).toBe(0);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d).toMatchObject({ ruleId: 'chart/spec-invalid', file: 'data/charts/bad.yaml', line: 8, severity: 'error' });
    expect(d.message).toContain('spec.encoding.x.type');
    expect(d.message).toContain('nominal');
  });

  it('a field the data does not have is an error listing the real columns', async () => {
    const { diagnostics } = await load('missing-field');
    expect(diagnostics).toMatchObject([{ ruleId: 'chart/missing-field', file: 'data/charts/typo.yaml', line: 8 }]);
    expect(diagnostics[0]!.hint).toContain('"Area", "Count"');
  });

  it('a web address, a protocol-relative address or a path outside the folder is refused', async () => {
    const remote = await load('remote-data');
    expect(remote.charts.size).toBe(0);
    expect(remote.diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['chart/remote-data', 'data/charts/protocol-relative.yaml', 4],
      ['chart/remote-data', 'data/charts/remote.yaml', 4],
    ]);
    const outside = await load('outside-root');
    expect(outside.diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['file/outside-root', 'data/charts/escape.yaml', 4],
    ]);
  });
});

describe('chart expressions never run as code', () => {
  it('the loader refuses an expression that reaches for constructor', async () => {
    const { charts, diagnostics } = await load('unsafe-expression');
    expect(charts.size).toBe(0);
    expect(diagnostics).toMatchObject([
      { ruleId: 'chart/unsafe-expression', file: 'data/charts/sneaky.yaml', line: 7 },
    ]);
    expect((globalThis as Record<string, unknown>)['__chartPwned']).toBeUndefined();
  });

  it('the interpreter itself does not run them either (no loader check in front)', async () => {
    const attempts = [
      "constructor.constructor('globalThis.__chartPwned = true')()",
      "datum.a.constructor.constructor('globalThis.__chartPwned = true')()",
      'this.process',
      "datum['constructor']['constructor']('globalThis.__chartPwned = true')()",
    ];
    for (const calculate of attempts) {
      const spec = {
        data: { values: [{ a: 'x', b: 1 }] },
        transform: [{ calculate, as: 'p' }],
        mark: 'text',
        encoding: { text: { field: 'p' } },
      } as never;
      let outcome: string;
      try {
        const compiled = compileSpec(spec);
        const { svg } = await drawVega(compiled.vega);
        outcome = svg.includes('process') ? 'leaked' : 'inert';
      } catch (err) {
        expect(err).toBeInstanceOf(ChartSpecError);
        outcome = 'refused';
      }
      expect(outcome, calculate).not.toBe('leaked');
    }
    expect((globalThis as Record<string, unknown>)['__chartPwned']).toBeUndefined();
  });

  it('Vega never loads anything, even when a spec asks it to', async () => {
    const spec = {
      data: { url: 'https://example.org/data.csv' },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' } },
    } as never;
    await expect(drawVega(compileSpec(spec).vega)).rejects.toThrow(/Loading failed.*may not load/);
  });
});
