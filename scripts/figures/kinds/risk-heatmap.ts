/**
 * Risk heat map: likelihood (most likely at the top) by impact (most severe on the right) on the
 * register's configured scale. Each cell is shaded by its band (low, medium, high: light to dark, so
 * it reads in greyscale), shows its rating and lists the ids of the risks in it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { rate, type Level } from '../../model/risk-scale.js';
import { FONT, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, JobResult } from '../types.js';
import { missingInput } from './common.js';

const BANDS = ['Low', 'Medium', 'High'] as const;
const BAND_FILL = ['#e8f1f8', '#f3b36b', '#a8321f'];
const BAND_INK: Record<string, string> = { Low: TEXT, Medium: TEXT, High: '#ffffff' };

const levelLabel = (l: Level) => `${l.code}: ${l.label}`;

/** Risk ids in a cell, two to a line. */
function idLines(ids: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < ids.length; i += 2) lines.push(ids.slice(i, i + 2).join(', '));
  return lines.join('\n');
}

export default {
  kind: 'risk-heatmap',
  block: {
    name: 'risk-heatmap',
    description: 'Risks by likelihood and impact on the register’s scale.',
    attributes: [{ name: 'rating', kind: { oneOf: ['current', 'residual'] }, required: false }],
    example: '::risk-heatmap',
  },
  job: (request, ctx) => riskHeatmapJob(request['rating'] === 'residual' ? 'residual' : 'current', ctx),
} satisfies ChartKindDefinition;

function riskHeatmapJob(rating: 'current' | 'residual', ctx: KindContext): JobResult {
  const { model } = ctx;
  const risks = model.data.risks;
  if (!risks) return missingInput(ctx, 'risk heat map', 'data/risks.yaml');
  const scale = model.scale;
  // The rating of each cell of the grid is the scale's own; each risk's rating is the model's.
  const impactOrder = [...scale.impact].reverse();
  const cells = [];
  for (const l of scale.likelihood) {
    for (const i of impactOrder) {
      const r = rate(scale, l.code, i.code)!;
      const ids = model.risks
        .filter((risk) => {
          const at = rating === 'residual' ? risk.residual : risk;
          return at !== undefined && String(at.likelihood) === l.code && String(at.impact) === i.code;
        })
        .map((risk) => risk.id)
        .sort();
      const band = r.band === 'high' ? 'High' : r.band === 'medium' ? 'Medium' : 'Low';
      cells.push({
        likelihood: levelLabel(l),
        impact: levelLabel(i),
        band,
        ink: BAND_INK[band],
        rating: r.label,
        ids: idLines(ids),
        count: ids.length,
      });
    }
  }
  const step = scale.likelihood.length > 4 ? 72 : 84;
  const width = Math.min(520, impactOrder.length * 118);
  const x = {
    field: 'impact',
    type: 'ordinal' as const,
    sort: impactOrder.map(levelLabel),
    title: 'Impact (more severe to the right)',
    axis: { labelAngle: 0, labelLimit: width / impactOrder.length - 2, orient: 'bottom' as const },
  };
  const y = {
    field: 'likelihood',
    type: 'ordinal' as const,
    sort: scale.likelihood.map(levelLabel),
    title: 'Likelihood (more likely at the top)',
  };
  const spec = {
    width,
    height: step * scale.likelihood.length,
    data: { values: cells },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'band',
            type: 'ordinal',
            scale: { domain: [...BANDS], range: BAND_FILL },
            title: 'Rating band',
            legend: {
              orient: 'bottom',
              direction: 'horizontal',
              symbolType: 'square',
              symbolStrokeColor: TEXT,
              symbolStrokeWidth: 0.5,
            },
          },
        },
      },
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          dx: -width / impactOrder.length / 2 + 6,
          dy: -step / 2 + 5,
          fontSize: 11,
          fontWeight: 'bold',
          font: FONT,
        },
        encoding: { text: { field: 'rating' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
      {
        mark: {
          type: 'text',
          align: 'center',
          baseline: 'middle',
          dy: 6,
          fontSize: 13,
          lineBreak: '\n',
          lineHeight: 16,
          font: FONT,
        },
        encoding: { text: { field: 'ids' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ],
  } as unknown as TopLevelSpec;

  const rows = model.risks
    .filter((risk) => rating !== 'residual' || risk.residual !== undefined)
    .map((risk) => {
      const at = (rating === 'residual' ? risk.residual : risk)!;
      const rated = model.ratings.get(risk.id);
      const r = rating === 'residual' ? rated?.residual : rated?.inherent;
      const l = scale.likelihood.find((x) => x.code === String(at.likelihood));
      const i = scale.impact.find((x) => x.code === String(at.impact));
      return {
        risk,
        r,
        row: [
          risk.id,
          risk.risk,
          l ? levelLabel(l) : String(at.likelihood),
          i ? levelLabel(i) : String(at.impact),
          r?.label ?? '',
          r ? r.band.replace(/^./, (c) => c.toUpperCase()) : 'Not on the scale',
        ],
      };
    })
    .sort(
      (a, b) =>
        (b.r?.severity ?? -1) - (a.r?.severity ?? -1) || (a.risk.id < b.risk.id ? -1 : a.risk.id > b.risk.id ? 1 : 0),
    );
  const table: ChartTable = {
    caption: `Data for the chart: ${rating === 'residual' ? 'residual' : 'current'} risk ratings`,
    columns: [
      { label: 'Risk', numeric: false },
      { label: 'Description', numeric: false },
      { label: 'Likelihood', numeric: false },
      { label: 'Impact', numeric: false },
      { label: 'Rating', numeric: false },
      { label: 'Band', numeric: false },
    ],
    rows: rows.map((r) => r.row),
  };
  const counts = BANDS.map((b) => [b, rows.filter((r) => r.r && r.r.band === b.toLowerCase()).length] as const);
  const title = rating === 'residual' ? 'Residual risk heat map' : 'Risk heat map';
  const description =
    `Grid of likelihood (${scale.likelihood.map((l) => l.label).join(', ')}) by impact (${scale.impact.map((l) => l.label).join(', ')}), ` +
    `listing each risk's id in its cell${rating === 'residual' ? ' after mitigation' : ''}. ` +
    `${model.risks.length} risks: ${counts.map(([b, n]) => `${n} ${b.toLowerCase()}`).join(', ')}.`;
  return {
    job: {
      id: rating === 'residual' ? 'chart-risk-heatmap-residual' : 'chart-risk-heatmap',
      title,
      description,
      spec,
      table,
    },
  };
}
