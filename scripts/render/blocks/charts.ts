/**
 * Chart blocks: each asks the charts stage for one chart (rendered once to SVG, cached by content)
 * and places the same SVG on the site and in the PDF, with its data table in a disclosure on the site
 * and printed in full in the PDF.
 */
import type { ChartRequest } from '../../figures/types.js';
import { CHART_KINDS, chartFigureHtml, renderChart } from '../../figures/index.js';
import { raw } from '../html.js';
import type { BlockContext, BlockDefinition, BlockOutput } from './block.js';

/** Draw one chart for a block; `charts` overrides the officer charts (an inline chart brings its own). */
export async function chartBlock(
  ctx: BlockContext,
  request: ChartRequest,
  charts = ctx.charts.charts,
): Promise<BlockOutput> {
  const result = await renderChart(request, { model: ctx.model, charts, at: ctx.at, cacheDir: ctx.charts.cacheDir });
  if (!result.ok) return { site: raw(''), print: raw(''), diagnostics: result.diagnostics };
  const out: BlockOutput = {
    site: raw(chartFigureHtml(result.chart, 'site')),
    print: raw(chartFigureHtml(result.chart, 'print')),
  };
  if (result.diagnostics.length) out.diagnostics = result.diagnostics;
  return out;
}

/** The officer chart block, then one block per generated chart kind (scripts/figures/kinds/), in the kinds' order. */
export const CHART_BLOCKS: BlockDefinition[] = [
  {
    name: 'chart',
    description: 'An officer-written Vega-Lite chart from data/charts/<id>.yaml.',
    attributes: [{ name: 'id', kind: 'chart', required: true }],
    example: '::chart{id=crimes-by-type-by-month}',
    render: (ctx, a) => chartBlock(ctx, { kind: 'officer', id: a['id']! }),
  },
  ...[...CHART_KINDS.values()].map(
    (k): BlockDefinition => ({
      ...k.block,
      render: (ctx, a) => chartBlock(ctx, { ...a, kind: k.kind }),
    }),
  ),
];

export default CHART_BLOCKS;
