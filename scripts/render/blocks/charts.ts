/**
 * Chart blocks: each asks the charts stage for one chart (rendered once to SVG, cached by content)
 * and places the same SVG on the site and in the PDF, with its data table in a disclosure on the site
 * and printed in full in the PDF.
 */
import type { ChartRequest } from '../../figures/types.js';
import { chartFigureHtml, renderChart } from '../../figures/index.js';
import { raw } from '../html.js';
import { BlockDiagnostics } from '../markdown/block-diagnostics.js';
import type { BlockContext, BlockDefinition, BlockOutput } from './block.js';

/** Draw one chart for a block; `charts` overrides the officer charts (an inline chart brings its own). */
export async function chartBlock(ctx: BlockContext, request: ChartRequest, charts = ctx.charts.charts): Promise<BlockOutput> {
  const result = await renderChart(request, { project: ctx.project, charts, at: ctx.at, cacheDir: ctx.charts.cacheDir });
  if (!result.ok) throw new BlockDiagnostics(result.diagnostics);
  return { site: raw(chartFigureHtml(result.chart, 'site')), print: raw(chartFigureHtml(result.chart, 'print')) };
}

export const CHART_BLOCKS: BlockDefinition[] = [
  {
    name: 'chart',
    description: 'An officer-written Vega-Lite chart from data/charts/<id>.yaml.',
    attributes: [{ name: 'id', kind: 'chart', required: true }],
    example: '::chart{id=crimes-by-type-by-month}',
    render: (ctx, a) => chartBlock(ctx, { kind: 'officer', id: a['id']! }),
  },
  {
    name: 'kpi-chart',
    description: 'One KPI’s trend: baseline, actuals, yearly targets and the latest RAG status.',
    attributes: [{ name: 'kpi', kind: 'kpi', required: true }],
    example: '::kpi-chart{kpi=knife-crime-offences}',
    render: (ctx, a) => chartBlock(ctx, { kind: 'kpi-trend', kpiId: a['kpi']! }),
  },
  {
    name: 'risk-heatmap',
    description: 'Risks by likelihood and impact on the register’s scale.',
    attributes: [{ name: 'rating', kind: { oneOf: ['current', 'residual'] }, required: false }],
    example: '::risk-heatmap',
    render: (ctx, a) => chartBlock(ctx, a['rating'] === 'residual' ? { kind: 'risk-heatmap', rating: 'residual' } : { kind: 'risk-heatmap' }),
  },
  {
    name: 'funding-chart',
    description: 'Funding per year, by priority or by funder.',
    attributes: [{ name: 'by', kind: { oneOf: ['priority', 'funder'] }, required: true }],
    example: '::funding-chart{by=priority}',
    render: (ctx, a) => chartBlock(ctx, { kind: 'funding', by: a['by'] === 'funder' ? 'funder' : 'priority' }),
  },
  {
    name: 'delivery-timeline',
    description: 'Delivery actions by due quarter, coloured by status.',
    attributes: [{ name: 'priority', kind: 'priority', required: false }],
    example: '::delivery-timeline',
    render: (ctx, a) => chartBlock(ctx, a['priority'] ? { kind: 'delivery-timeline', priority: a['priority'] } : { kind: 'delivery-timeline' }),
  },
  {
    name: 'consultation-chart',
    description: 'The answers to one consultation question, as horizontal bars.',
    attributes: [
      { name: 'survey', kind: 'survey', required: true },
      { name: 'question', kind: 'question', required: true },
    ],
    example: '::consultation-chart{survey=residents-survey-2026 question=feel-safe-after-dark}',
    render: (ctx, a) => chartBlock(ctx, { kind: 'consultation', survey: a['survey']!, question: a['question']! }),
  },
  {
    name: 'priority-scores-chart',
    description: 'Candidate priorities ranked by their weighted score.',
    attributes: [],
    example: '::priority-scores-chart',
    render: (ctx) => chartBlock(ctx, { kind: 'priority-scores' }),
  },
];
