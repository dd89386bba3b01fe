import { describe, expect, it } from 'vitest';
import { renderChart, type ChartRequest, type RenderedChart } from '../../scripts/figures/index.js';
import { elementText, fixtureProject, svgElements } from './helpers.js';
import { buildModel } from '../../scripts/model/strategy.js';
import { arialWidth } from '../../scripts/figures/text-metrics.js';
import { PLOT_WIDTH } from '../../scripts/figures/theme.js';

async function render(request: ChartRequest, asAt?: string): Promise<RenderedChart> {
  const result = await renderChart(request, {
    model: buildModel(asAt ? fixtureProject(undefined, asAt) : fixtureProject()),
    cacheDir: false,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.chart;
}

/** One accessible image: role="img" named by <title> and described by <desc>, and no ARIA on anything else. */
function expectAccessible(chart: RenderedChart): void {
  const els = svgElements(chart.svg);
  const root = els[0]!;
  expect(root.name).toBe('svg');
  expect(root.attrs['role']).toBe('img');
  expect(root.attrs['aria-labelledby']).toBe(`${chart.id}-title`);
  expect(root.attrs['aria-describedby']).toBe(`${chart.id}-desc`);
  expect(els.find((e) => e.name === 'title')?.attrs['id']).toBe(`${chart.id}-title`);
  expect(els.find((e) => e.name === 'desc')?.attrs['id']).toBe(`${chart.id}-desc`);
  expect(elementText(chart.svg, 'title')).toBe(chart.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const rest = els.slice(1);
  expect(rest.filter((e) => Object.keys(e.attrs).some((a) => a === 'role' || a.startsWith('aria-')))).toEqual([]);
  // Every id is derived from the chart id.
  for (const e of els) if (e.attrs['id']) expect(e.attrs['id'].startsWith(`${chart.id}-`)).toBe(true);
  // The document's font, and no text smaller than 11px.
  const sizes = els.filter((e) => e.name === 'text').map((e) => Number.parseFloat(e.attrs['font-size'] ?? '0'));
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  expect(els.filter((e) => e.name === 'text').every((e) => e.attrs['font-family']?.startsWith('Arial'))).toBe(true);
}

/** The marks of one kind Vega drew: the children of its `mark-<type> role-mark` group. */
function markCount(svg: string, type: string): number {
  let count = 0;
  for (const m of svg.matchAll(new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g'))) {
    count += (m[1]!.match(/<(path|line|text) /g) ?? []).length;
  }
  return count;
}

describe('generated charts', () => {
  it('KPI trend: baseline, actuals in period order, yearly targets, RAG of the latest point', async () => {
    const chart = await render({ kind: 'kpi-trend', kpi: 'knife-crime' });
    expectAccessible(chart);
    expect(chart.id).toBe('chart-kpi-trend-knife-crime');
    expect(chart.title).toBe('Knife crime offences');
    // 118 against a target of 110, lower is better: 7.3% over, so red.
    expect(chart.description).toContain(
      'Latest 118 in Q3 2027-28 (October to December 2027) against a target of 110 for 2027-28: off target.',
    );
    expect(chart.table.rows).toEqual([
      ['Baseline (2026-27)', '120', '', ''],
      ['Q1 2027-28 (April to June 2027)', '35', '110', 'On target'],
      ['Q2 2027-28 (July to September 2027)', '30', '110', 'On target'],
      ['Q3 2027-28 (October to December 2027)', '118', '110', 'Off target'],
      ['2028-29 (no figures yet)', '', '100', ''],
    ]);
    expect(markCount(chart.svg, 'line')).toBeGreaterThanOrEqual(1);
    expect(chart.svg).toContain('#d4351c'); // the red latest point
    expect(chart.svg).toContain('>Latest 118: Off target</text>');
    expect(chart.svg).toContain('>Target 110</text>');
    expect(chart.svg).toContain('>2027-28</text>');
  });

  it('KPI trend: a quarter due at the reporting period but not published is "not yet available", never rated from the quarter before', async () => {
    // Published 30 April 2028, status as at Q4 2027-28: the Q4 knife crime figure is not in yet.
    const chart = await render({ kind: 'kpi-trend', kpi: 'knife-crime' }, '2028-03-31');
    expect(chart.description).toContain(
      'The figure for Q4 2027-28 (January to March 2028) is not yet available; the last published figure is 118 in Q3 2027-28 (October to December 2027).',
    );
    expect(chart.description).not.toContain('off target');
    expect(chart.table.rows).toContainEqual([
      'Q4 2027-28 (January to March 2028)',
      'Not yet available',
      '110',
      'Not yet available',
    ]);
    expect(chart.svg).not.toContain('>Latest 118: Off target</text>');
  });

  it('risk heat map: every cell of the configured scale, each listing its risk ids', async () => {
    const chart = await render({ kind: 'risk-heatmap' });
    expectAccessible(chart);
    expect(markCount(chart.svg, 'rect')).toBe(16); // 4 x 4 letter-numeral scale
    expect(chart.svg).toContain('>r01, r02</text>');
    expect(chart.table.rows).toEqual([
      ['r01', 'Funding ends', 'A: Very likely', 'II: Major', 'A2', 'High'],
      ['r02', 'Data sharing fails', 'A: Very likely', 'II: Major', 'A2', 'High'],
      ['r03', 'Partner leaves <board>', 'D: Rare', 'IV: Minor', 'D4', 'Low'],
    ]);
    const residual = await render({ kind: 'risk-heatmap', rating: 'residual' });
    expect(residual.id).toBe('chart-risk-heatmap-residual');
    expect(residual.svg).toContain('>r02, r03</text>');
  });

  it('funding by priority and by funder, per year, with computed totals', async () => {
    const byPriority = await render({ kind: 'funding', by: 'priority' });
    expectAccessible(byPriority);
    expect(byPriority.table.columns.map((c) => c.label)).toEqual(['Priority', '2027-28', '2028-29', 'Total']);
    expect(byPriority.table.rows).toEqual([
      ['Serious violence', '£100,000', '£90,000', '£190,000'],
      ['Anti-social behaviour', '£75,000', '£55,000', '£130,000'],
      ['Total', '£175,000', '£145,000', '£320,000'],
    ]);
    expect(byPriority.table.totalRows).toEqual([2]);
    expect(markCount(byPriority.svg, 'rect')).toBe(4);
    expect(byPriority.svg).toContain('>£175,000</text>');
    const byFunder = await render({ kind: 'funding', by: 'funder' });
    expect(byFunder.table.rows.map((r) => r[0])).toEqual(['Home Office', 'Council', 'Total']);
    expect(byFunder.table.rows[0]).toEqual(['Home Office', '£125,000', '£90,000', '£215,000']);
  });

  it('delivery timeline: a bar per action to its due quarter, coloured and labelled by status', async () => {
    const chart = await render({ kind: 'delivery-timeline' });
    expectAccessible(chart);
    expect(markCount(chart.svg, 'rect')).toBe(3);
    expect(chart.table.rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      [
        'sv-a1: Publish the serious violence strategy',
        'Serious violence',
        'Q2 2027-28 (July to September 2027)',
        'Complete',
      ],
      ['sv-a2: Extend youth navigators', 'Serious violence', 'Q4 2028-29 (January to March 2029)', 'On track'],
      ['asb-a1: Run problem-solving plans', 'Anti-social behaviour', 'Q1 2028-29 (April to June 2028)', 'At risk'],
    ]);
    for (const status of ['Complete', 'On track', 'At risk']) expect(chart.svg).toContain(`>${status}</text>`);
    const one = await render({ kind: 'delivery-timeline', priority: 'asb' });
    expect(one.id).toBe('chart-delivery-timeline-asb');
    expect(one.table.rows).toHaveLength(1);
  });

  it('consultation results as horizontal bars in the order asked', async () => {
    const chart = await render({ kind: 'consultation', survey: 'residents-2026', question: 'feel-safe' });
    expectAccessible(chart);
    expect(chart.table.rows).toEqual([
      ['Very safe', '30', '15%'],
      ['Fairly safe', '90', '45%'],
      ['Not safe', '80', '40%'],
    ]);
    expect(markCount(chart.svg, 'rect')).toBe(3);
    expect(chart.svg).toContain('>45% (90)</text>');
  });

  it('priority-setting scores ranked by weighted total', async () => {
    const chart = await render({ kind: 'priority-scores' });
    expectAccessible(chart);
    // Weights 2 and 1, divided by the total weight 3: serious violence (2×5 + 3) ÷ 3 = 4.33;
    // ASB (2×3 + 5) ÷ 3 = 3.67; fraud (2×2 + 4) ÷ 3 = 2.67.
    expect(chart.table.rows).toEqual([
      ['Serious violence', '1', '5', '3', '4.33', 'Yes'],
      ['Anti-social behaviour', '2', '3', '5', '3.67', 'Yes'],
      ['Fraud', '3', '2', '4', '2.67', 'No'],
    ]);
    expect(chart.svg).toContain('>4.33</text>');
    expect(markCount(chart.svg, 'rect')).toBe(3);
  });

  it('priority-setting scores: a score just under the threshold is drawn clear of its rule, not across it', async () => {
    // Threshold 2.9: fraud's 2.67 would start 5px past its bar, 17px left of the rule, and be 23px wide.
    const project = fixtureProject();
    const data = project.data as unknown as { priorityMatrix: { threshold?: number } };
    data.priorityMatrix = { ...data.priorityMatrix, threshold: 2.9 };
    const result = await renderChart({ kind: 'priority-scores' }, { model: buildModel(project), cacheDir: false });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { svg } = result.chart;
    const rule = /layer_2_marks"[^>]*><line transform="translate\(([\d.]+),0\)"[^>]*stroke-width="([\d.]+)"/.exec(svg);
    expect(rule).not.toBeNull();
    const [ruleX, ruleWidth] = [Number(rule![1]), Number(rule![2])];
    const perUnit = (PLOT_WIDTH - 140) / 5;
    expect(ruleX).toBeCloseTo(2.9 * perUnit, 5);
    const labels = [...svg.matchAll(/translate\(([\d.]+),[\d.]+\)"[^>]*font-size="12px"[^>]*>(\d\.\d\d)<\/text>/g)].map(
      (m) => ({ x: Number(m[1]), text: m[2]!, width: arialWidth(m[2]!, 12, false) }),
    );
    expect(labels.map((l) => l.text)).toEqual(['4.33', '3.67', '2.67']);
    for (const l of labels) {
      // Past its own bar's end (the text is rounded to two decimals), and 4px or more clear of the rule.
      expect(l.x, l.text).toBeGreaterThanOrEqual((Number(l.text) - 0.005) * perUnit + 5);
      const clear = ruleX + ruleWidth / 2 + 4 <= l.x + 1e-9 || ruleX - ruleWidth / 2 - 4 >= l.x + l.width - 1e-9;
      expect(clear, `${l.text} at ${l.x}, ${l.width.toFixed(1)}px wide, rule at ${ruleX}`).toBe(true);
    }
    // The others stay 5px past their bars.
    expect(labels[0]!.x).toBeCloseTo(4.33 * perUnit + 5, 0);
  });

  it('unknown ids are diagnostics at the directive, listing the ids there are', async () => {
    const at = { file: 'content/06-delivery-plans.md', line: 40, column: 1 };
    const project = fixtureProject();
    const cases: [ChartRequest, string][] = [
      [{ kind: 'kpi-trend', kpi: 'knife' }, 'knife-crime'],
      [{ kind: 'delivery-timeline', priority: 'drugs' }, 'sv, asb'],
      [{ kind: 'consultation', survey: 'residents-2026', question: 'nope' }, 'feel-safe'],
      [{ kind: 'consultation', survey: 'nope', question: 'feel-safe' }, 'residents-2026'],
    ];
    for (const [request, known] of cases) {
      const result = await renderChart(request, { model: buildModel(project), at, cacheDir: false });
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toMatchObject([
        { ruleId: 'chart/unknown-ref', file: at.file, line: 40, column: 1, severity: 'error' },
      ]);
      expect(result.diagnostics[0]!.hint).toContain(known);
    }
  });
});
