/**
 * The Vega-Lite fixture strategy (tests/figures/fixtures/vega-lite): 56 charts an officer might write,
 * over synthetic data. Every one is accepted; each family's table holds what its chart shows (checked
 * against the data files themselves), and its SVG has the labels it should.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartFigureHtml, renderChart } from '../../scripts/figures/index.js';
import type { ChartTable, LoadedChart } from '../../scripts/figures/types.js';
import { checkCharts } from '../../scripts/figures/vega-lite/check.js';
import { officerDownloads, officerTable } from '../../scripts/figures/vega-lite/officer.js';
import { readCharts } from '../../scripts/load/chart.js';
import { parseCsv } from '../../scripts/load/csv.js';
import { loadProject, type Project } from '../../scripts/load/project.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'vega-lite');

let project: Project;
let charts: Map<string, LoadedChart>;
let diagnostics: { ruleId: string; file: string; line: number; severity: string }[];

beforeAll(async () => {
  project = loadProject(ROOT);
  const checked = await checkCharts(readCharts(project));
  charts = checked.charts;
  diagnostics = [...project.diagnostics, ...checked.diagnostics];
}, 240_000);

/** A data file of the fixture as rows of text. */
function csv(rel: string): Record<string, string>[] {
  const parsed = parseCsv(fs.readFileSync(path.join(ROOT, 'data', rel), 'utf8'), rel);
  return parsed.table!.rows.map((r) => r.values);
}

const chart = (id: string): LoadedChart => {
  const c = charts.get(id);
  if (!c) throw new Error(`chart ${id} was refused: ${JSON.stringify(diagnostics.filter((d) => d.file.includes(id)))}`);
  return c;
};
const table = (id: string): ChartTable => officerTable(chart(id));
const labels = (t: ChartTable) => t.columns.map((c) => c.label);
const column = (t: ChartTable, label: string) => t.rows.map((r) => r[labels(t).indexOf(label)]);
const row = (t: ChartTable, first: string) => t.rows.find((r) => r[0] === first);

async function svgOf(id: string): Promise<string> {
  const result = await renderChart({ kind: 'officer', id }, { charts, cacheDir: false });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.chart.svg;
}
/** Text the SVG draws, and whether each piece is visible. */
function svgTexts(svg: string): { text: string; hidden: boolean }[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    text: m[2]!,
    hidden: /opacity="0"/.test(m[1]!),
  }));
}
const n = (s: string | undefined) => Number(String(s).replace(/,/g, ''));

describe('every fixture builds with no false refusal', () => {
  it('all chart files are accepted; the only warnings are the two interactive specs', () => {
    const files = fs.readdirSync(path.join(ROOT, 'data', 'charts')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(charts.size).toBe(files.length);
    const chartWarnings = diagnostics
      .filter((d) => d.file.startsWith('data/charts/'))
      .map((d) => [d.ruleId, d.file, d.line]);
    expect(chartWarnings).toEqual([
      ['chart/interactive', 'data/charts/interactive-brush.yaml', 6],
      ['chart/interactive', 'data/charts/interactive-slider.yaml', 6],
    ]);
    for (const c of charts.values())
      expect(c.tables.length, c.id).toBeGreaterThanOrEqual(c.id === 'map-topojson-mesh' ? 0 : 1);
  });
});

describe('marks', () => {
  it('bars sorted by value: rows in the chart order, values equal to the file', async () => {
    const t = table('bar-sorted');
    expect(labels(t)).toEqual(['Ward', 'Incidents']);
    const wards = csv('sna/wards.csv').sort((a, b) => n(b['asb']) - n(a['asb']));
    expect(t.rows).toEqual(wards.map((w) => [w['ward'], w['asb']]));
    const svg = await svgOf('bar-sorted');
    for (const w of wards) expect(svg).toContain(`>${w['ward']}</text>`);
  });

  it('lines by series over four years: months down, one column per series, years on the axis, none hidden', async () => {
    const t = table('line-monthly-years');
    expect(labels(t)).toEqual([
      'Month',
      'Anti-social behaviour',
      'Violence and sexual offences',
      'Burglary',
      'Vehicle crime',
    ]);
    expect(t.rows).toHaveLength(48);
    const data = csv('sna/monthly-crime.csv');
    const first = data.find((r) => r['month'] === '2027-04' && r['type'] === 'Burglary')!;
    expect(t.rows[0]![0]).toBe('1 April 2027');
    expect(row(t, '1 April 2027')![3]).toBe(first['offences']);
    expect(t.rows.at(-1)![0]).toBe('1 March 2031');
    const texts = svgTexts(await svgOf('line-monthly-years'));
    for (const year of ['2028', '2029', '2030', '2031']) expect(texts).toContainEqual({ text: year, hidden: false });
    expect(texts.filter((x) => x.hidden)).toEqual([]);
  });

  it('a daily series on a narrow axis: short labels, the first with its year, every label visible', async () => {
    const texts = svgTexts(await svgOf('big-table'));
    expect(texts.filter((x) => x.hidden)).toEqual([]);
    expect(texts.some((x) => /^[A-Z][a-z]{2} 2027$/.test(x.text))).toBe(true);
    expect(texts).toContainEqual({ text: '2028', hidden: false });
  });

  it('a pie: one row per slice with its count', () => {
    const t = table('arc-pie');
    expect(labels(t)).toEqual(['Type', 'Incidents']);
    const inc = csv('sna/incidents.csv');
    for (const r of t.rows) expect(n(r[1])).toBe(inc.filter((x) => x['type'] === r[0]).length);
  });

  it('a heat map: a cross-table of ward by type with counts', async () => {
    const t = table('rect-heatmap');
    expect(t.caption).toContain('(incidents)');
    expect(labels(t)).toEqual(['Ward', 'Anti-social behaviour', 'Burglary', 'Violence']);
    const inc = csv('sna/incidents.csv');
    const abbey = row(t, 'Abbey')!;
    expect(n(abbey[2])).toBe(inc.filter((x) => x['ward'] === 'Abbey' && x['type'] === 'Burglary').length);
    expect(await svgOf('rect-heatmap')).toContain('>Ironbridge</text>');
  });

  it('maps: a TopoJSON map lists each area with its value; a GeoJSON one too; a mesh says it has no values', async () => {
    const topo = table('map-topojson');
    expect(labels(topo)).toEqual(['Area', 'ASB incidents']);
    const wards = csv('sna/wards.csv');
    expect(topo.rows).toHaveLength(9);
    expect(row(topo, 'Castle')![1]).toBe(wards.find((w) => w['ward'] === 'Castle')!['asb']);
    const svg = await svgOf('map-topojson');
    const shapes = /<g class="mark-shape role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)![1]!;
    expect(shapes.match(/<path /g)).toHaveLength(9);
    const geo = table('map-geojson');
    expect(labels(geo)).toEqual(['Ward', 'Burglaries']);
    expect(row(geo, 'Harbour')![1]).toBe(wards.find((w) => w['ward'] === 'Harbour')!['burglary']);
    expect(table('map-topojson-mesh').rows[0]![0]).toMatch(/no values/);
  });

  it('box plots: the five numbers per group, equal to the quartiles of the file', () => {
    const t = table('boxplot-minmax');
    expect(labels(t)).toEqual([
      'Ward',
      'Max of Victim age',
      'Q3 of Victim age',
      'Median of Victim age',
      'Q1 of Victim age',
      'Min of Victim age',
    ]);
    const ages = csv('sna/incidents.csv')
      .filter((r) => r['ward'] === 'Castle')
      .map((r) => n(r['victim_age']))
      .sort((a, b) => a - b);
    const median =
      ages.length % 2 ? ages[(ages.length - 1) / 2]! : (ages[ages.length / 2 - 1]! + ages[ages.length / 2]!) / 2;
    const castle = row(t, 'Castle')!;
    expect(n(castle[1])).toBe(ages.at(-1));
    expect(n(castle[3])).toBe(median);
    expect(n(castle[5])).toBe(ages[0]);
    // With 1.5 × IQR whiskers, the summary comes first and the outliers follow as their own table.
    const box = table('boxplot');
    expect(labels(box)).toContain('Upper Whisker of Response time (minutes)');
    expect(box.more?.[0]?.columns.map((c) => c.label)).toEqual(['Type', 'Response time (minutes)']);
  });

  it('error bars and bands: the interval, lower and upper, beside the mean', () => {
    const bar = table('errorbar');
    expect(labels(bar)).toEqual([
      'Type',
      'Ci1 of response_minutes',
      'Ci0 of response_minutes',
      'Mean of response_minutes',
    ]);
    for (const r of bar.rows) expect(n(r[1])).toBeGreaterThan(n(r[3]));
    const band = table('errorband');
    expect(labels(band)).toEqual(['Month', 'Mean of Offences', 'Mean + stdev of Offences', 'Mean - stdev of Offences']);
    expect(band.rows).toHaveLength(48);
    expect(band.more).toBeUndefined();
  });
});

describe('compositions', () => {
  it('row facets: a column per facet value', async () => {
    const t = table('facet-row');
    expect(labels(t)).toEqual([
      'Month',
      'Anti-social behaviour',
      'Burglary',
      'Vehicle crime',
      'Violence and sexual offences',
    ]);
    const v = csv('sna/monthly-crime.csv').find((r) => r['month'] === '2030-01' && r['type'] === 'Vehicle crime')!;
    expect(row(t, '1 January 2030')![3]).toBe(v['offences']);
    const svg = await svgOf('facet-row');
    expect(svg).toContain('>Vehicle crime</text>');
  });

  it('a column encoding: bins from–to down, one column per facet', () => {
    const t = table('facet-column-encoding');
    expect(labels(t)).toEqual(['Hour of day', 'Anti-social behaviour', 'Burglary', 'Violence']);
    expect(column(t, 'Hour of day')).toEqual(['0 – 6', '6 – 12', '12 – 18', '18 – 24']);
    const inc = csv('sna/incidents.csv');
    expect(n(row(t, '18 – 24')![2])).toBe(inc.filter((r) => r['type'] === 'Burglary' && n(r['hour']) >= 18).length);
  });

  it('repeat: a column per repeated field', () => {
    const t = table('repeat-columns');
    expect(labels(t)).toEqual(['Ward', 'asb', 'burglary']);
    const w = csv('sna/wards.csv').find((r) => r['ward'] === 'Dockside')!;
    expect(row(t, 'Dockside')).toEqual(['Dockside', w['asb'], w['burglary']]);
  });

  it('hconcat (a population pyramid): both halves, told apart by their titles', () => {
    const t = table('hconcat-pyramid');
    expect(labels(t)).toEqual(['age', 'Female: People', 'Male: People']);
    const pop = csv('sna/population.csv');
    const get = (age: string, sex: string) =>
      Number(pop.find((r) => r['age'] === age && r['sex'] === sex)!['people']).toLocaleString('en-GB');
    expect(row(t, '65+')).toEqual(['65+', get('65+', 'Female'), get('65+', 'Male')]);
    expect(t.more).toBeUndefined();
  });

  it('vconcat of different categories: a table per view', () => {
    const t = table('vconcat');
    expect(labels(t)).toEqual(['Ward', 'Incidents']);
    expect(t.more?.map(labels)).toEqual([['Type', 'Incidents']]);
    expect(t.caption).toContain('table 1 of 2');
  });

  it('layers on two scales: one row per category with both values', () => {
    const t = table('layer-dual-axis');
    expect(labels(t)).toEqual(['Ward', 'Burglaries', 'ASB incidents']);
  });
});

describe('transforms', () => {
  it('bins: "from – to" in the chart order, counts adding up to every row', () => {
    const t = table('bin-histogram');
    expect(column(t, 'Victim age').slice(0, 3)).toEqual(['10 – 20', '20 – 30', '30 – 40']);
    expect(column(t, 'Victims').reduce((a, b) => a + n(b), 0)).toBe(csv('sna/incidents.csv').length);
    // `bin` with `as: bin_x` also makes bin_x_end, which the spec uses as x2.
    expect(column(table('bin-transform-as'), 'Response time (minutes)')[0]).toBe('5 – 10');
  });

  it('time units: quarters as "Q2 2027", days of the month as numbers in order', () => {
    expect(column(table('timeunit-quarter'), 'Quarter').slice(0, 3)).toEqual(['Q2 2027', 'Q3 2027', 'Q4 2027']);
    const days = column(table('timeunit-month-of-year'), 'Day of the month');
    expect(days.slice(0, 11)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('years as numbers are written 2031, not 2,031', () => {
    expect(column(table('years-quantitative'), 'Year')).toEqual(['2027', '2028', '2029', '2030', '2031']);
  });

  it('fold, flatten, lookup, window, pivot, density, quantile, regression, impute: their made fields reach the table', () => {
    expect(labels(table('fold-wide'))).toEqual(['Year', 'cautioned', 'charged', 'no further action']);
    const flat = table('flatten-arrays');
    expect(labels(flat)).toEqual(['Cohort', '2027-28 Q1', '2027-28 Q2', '2027-28 Q3', '2027-28 Q4']);
    const lookup = table('lookup-join');
    const inc = csv('sna/incidents.csv');
    const pop = n(csv('sna/wards.csv').find((w) => w['ward'] === 'Abbey')!['population']);
    expect(n(row(lookup, 'Abbey')![1])).toBeCloseTo((inc.filter((r) => r['ward'] === 'Abbey').length / pop) * 1000, 1);
    const cumulative = column(table('window-cumulative'), 'Burglaries so far');
    expect(n(cumulative.at(-1))).toBe(
      csv('sna/monthly-crime.csv')
        .filter((r) => r['type'] === 'Burglary')
        .reduce((a, r) => a + n(r['offences']), 0),
    );
    expect(labels(table('pivot-types'))).toEqual(['Burglaries', 'ASB incidents']);
    expect(labels(table('density'))).toEqual(['Type', 'Response time (minutes)', 'Density']);
    expect(labels(table('quantile'))).toEqual(['Probability', 'Response time (minutes)']);
    expect(table('regression').more?.[0]?.rows).toHaveLength(2);
    expect(table('impute').rows).toHaveLength(16);
  });

  it('a normalised stack: shares as percentages, by year', () => {
    const t = table('stack-normalize');
    expect(labels(t)).toEqual(['Crime type', '2027', '2028', '2029', '2030', '2031']);
    expect(t.rows[0]![1]).toMatch(/^\d+\.\d%$/);
  });
});

describe('start and end marks, data forms', () => {
  it('a Gantt chart: a start column and an end column, dates in words', () => {
    const t = table('gantt');
    expect(labels(t)).toEqual(['Action', 'From', 'To']);
    expect(t.rows[0]).toEqual(['Publish the strategy', '1 April 2027', '30 September 2027']);
  });

  it('a waterfall and a diverging stack: both ends of each bar', () => {
    const w = table('waterfall');
    expect(labels(w)).toEqual(['Item', 'Budget (£)', 'running']);
    expect(w.rows[0]).toEqual(['Opening budget', '0', '400,000']);
    expect(w.rows[3]).toEqual(['Savings', '600,000', '540,000']);
    const d = table('diverging-stack');
    expect(labels(d)).toEqual(['Statement', 'Answer', 'Percentage', 'end']);
  });

  it('a list of values (field "data"), CSV text and a TSV file are read as Vega-Lite reads them', () => {
    // The list's values are y categories in ascending order, as the chart draws them.
    expect(column(table('values-array'), 'Value')).toEqual(['6', '12', '23', '47', '52']);
    expect(table('inline-csv').rows[0]).toEqual(['Monday', '41']);
    expect(labels(table('tsv-file'))).toEqual(['Place', 'Calls']);
    expect(column(table('sequence'), 'n squared').at(-1)).toBe('100');
  });

  it('interactive specs: drawn as first shown, and the description says so', () => {
    expect(chart('interactive-slider').description).toContain('Drawn as it first appears: threshold is 250.');
    expect(chart('interactive-brush').description).toContain('nothing is selected in "brush"');
  });
});

describe('big data', () => {
  it('over 300 rows: the site shows 300 and links the CSV; the PDF prints a summary and names the file', async () => {
    const result = await renderChart({ kind: 'officer', id: 'big-table' }, { charts, cacheDir: false });
    if (!result.ok) throw new Error('not drawn');
    const t = result.chart.table;
    expect(t.rows).toHaveLength(300);
    expect(t.cut?.total).toBe(600);
    const site = chartFigureHtml(result.chart, 'site');
    expect(site).toContain(
      '<a class="govuk-link" href="data/charts/big-table.csv" download>Download all 600 rows as a spreadsheet (CSV)</a>',
    );
    expect(site.match(/<tr class="govuk-table__row">/g)).toHaveLength(301);
    const print = chartFigureHtml(result.chart, 'print');
    expect(print).toContain('Summary of the 600 rows of data');
    expect(print).toContain(
      'The full data (600 rows) is on the website as a spreadsheet (CSV): data/charts/big-table.csv.',
    );
    expect(print).not.toContain('2 April 2027');
    const csvText = officerDownloads(chart('big-table')).get('data/charts/big-table.csv')!;
    const lines = csvText.trimEnd().split('\n');
    expect(lines).toHaveLength(601);
    expect(lines[0]).toBe('Date,Calls');
    expect(lines[1]).toBe(`2027-04-01,${csv('sna/daily-calls.csv')[0]!['calls']}`);
  });
});
