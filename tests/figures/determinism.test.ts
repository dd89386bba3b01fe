import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCharts } from '../../scripts/figures/vega-lite/check.js';
import {
  chartFigureHtml,
  clearMemoryCache,
  drawStats,
  renderChart,
  renderCharts,
  type ChartRequest,
} from '../../scripts/figures/index.js';
import { FIXTURES, fixtureProject } from './helpers.js';
import { buildModel } from '../../scripts/model/strategy.js';

const ALL: ChartRequest[] = [
  { kind: 'officer', id: 'asb-by-lsoa' },
  { kind: 'kpi-trend', kpi: 'knife-crime' },
  { kind: 'risk-heatmap' },
  { kind: 'funding', by: 'priority' },
  { kind: 'delivery-timeline' },
  { kind: 'consultation', survey: 'residents-2026', question: 'feel-safe' },
  { kind: 'priority-scores' },
];

describe('determinism and caching', () => {
  it('the same input gives byte-identical SVG, drawn again from scratch, in any order', async () => {
    const project = fixtureProject(path.join(FIXTURES, 'police'));
    const { charts } = await loadCharts(project);
    const first = await renderCharts(ALL, { model: buildModel(project), charts, cacheDir: false });
    clearMemoryCache();
    const drawnBefore = drawStats.drawn;
    const second = await renderCharts([...ALL].reverse(), { model: buildModel(project), charts, cacheDir: false });
    expect(drawStats.drawn - drawnBefore).toBe(ALL.length);
    const svgs = (rs: typeof first) => rs.map((r) => (r.ok ? r.chart.svg : 'failed'));
    expect(svgs(second).reverse()).toEqual(svgs(first));
    expect(svgs(first)).not.toContain('failed');
  });

  it('an unchanged chart is read from the cache, in memory and on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charts-cache-'));
    const project = fixtureProject();
    clearMemoryCache();
    const request: ChartRequest = { kind: 'priority-scores' };
    const a = await renderChart(request, { model: buildModel(project), cacheDir: dir });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const stats = { ...drawStats };
    const b = await renderChart(request, { model: buildModel(project), cacheDir: dir });
    expect(drawStats.fromMemory).toBe(stats.fromMemory + 1);
    clearMemoryCache();
    const c = await renderChart(request, { model: buildModel(project), cacheDir: dir });
    expect(drawStats.fromDisk).toBe(stats.fromDisk + 1);
    expect(drawStats.drawn).toBe(stats.drawn);
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    // A change in the data is a new key: drawn again.
    project.data.priorityMatrix!.candidates[2]!.scores['harm'] = 5;
    const d = await renderChart(request, { model: buildModel(project), cacheDir: dir });
    expect(drawStats.drawn).toBe(stats.drawn + 1);
    expect(d.ok && d.chart.table.rows[0]![0]).toBe('Fraud');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('chart figure HTML', () => {
  it('site: the SVG, a caption and the table in a details disclosure; print: the table printed; data escaped', async () => {
    const project = fixtureProject();
    const result = await renderChart({ kind: 'risk-heatmap' }, { model: buildModel(project), cacheDir: false });
    if (!result.ok) throw new Error('not drawn');
    const chart = { ...result.chart, title: 'Risks <script>alert(1)</script>' };
    const site = chartFigureHtml(chart, 'site');
    expect(site.startsWith('<figure class="chart" id="chart-risk-heatmap">')).toBe(true);
    expect(site).toContain(
      '<figcaption class="chart__caption"><span class="chart__title">Risks &lt;script&gt;alert(1)&lt;/script&gt;</span></figcaption>',
    );
    expect(site).not.toContain('<script>');
    expect(site).toMatch(
      /<details class="govuk-details chart__data"><summary class="govuk-details__summary">.*<table class="govuk-table chart-table" id="chart-risk-heatmap-table">/,
    );
    expect(site).toContain(
      '<th scope="row" class="govuk-table__header">r03</th><td class="govuk-table__cell">Partner leaves &lt;board&gt;</td>',
    );
    const print = chartFigureHtml(chart, 'print');
    expect(print).not.toContain('<details');
    expect(print).toContain('<div class="chart__data chart__data--print"><table');
    // The same SVG; in print its root is named by aria-label (title and description, the PDF's alt text).
    expect(print).toContain(result.chart.svg.slice(result.chart.svg.indexOf('>')));
    expect(print).toContain('aria-label="Risks &lt;script&gt;alert(1)&lt;/script&gt;. ');
  });
});
