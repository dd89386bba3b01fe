/**
 * data/charts/<id>.yaml: a chart an officer writes as a Vega-Lite spec. The wrapper (title,
 * description, source) is checked here; the spec itself is checked against the JSON Schema that
 * vega-lite ships (scripts/figures/vega-lite/validate-spec.ts), so its errors are Vega-Lite's own.
 */
import { z } from 'zod';
import { Text } from './common.js';

export const ChartFileSchema = z.strictObject({
  $schema: z
    .string()
    .optional()
    .meta({
      description: 'Which schema your editor checks this file against. The build ignores it.',
      examples: ['../../node_modules/csp-strategy/lib/schemas/chart.schema.json'],
    }),
  title: Text.meta({
    description: 'The chart title, shown as its caption and in the list of figures.',
    examples: ['Anti-social behaviour by area'],
  }),
  description: Text.meta({
    description:
      "One or two sentences saying what the chart shows and what to notice; read out by screen readers as the chart's description.",
    examples: ['Anti-social behaviour incidents by ward in 2023-24: Chatham Central had the most, at 1,240.'],
  }),
  source: Text.optional().meta({
    description: 'Where the data comes from, printed under the chart.',
    examples: ['police.uk street-level crime, April 2027 to March 2028'],
  }),
  table_rows: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({
      description:
        "How many rows of the chart's data table the website shows before it offers the whole table as a CSV download and the PDF prints a summary instead (default 300).",
      examples: [50],
    }),
  spec: z.record(z.string(), z.unknown()).meta({
    description:
      'A Vega-Lite spec (https://vega.github.io/vega-lite/). Data is `values:` (rows, a list of numbers, or CSV text with `format: {type: csv}`) or `url:` a file under data/: CSV, TSV, JSON, YAML, GeoJSON, or TopoJSON with `format: {type: topojson, feature: <object>}`, e.g. `police-uk/street.csv`; web addresses are not allowed.',
    examples: [
      {
        data: { url: 'police-uk/street.csv' },
        mark: 'bar',
        encoding: {
          x: { field: 'Crime type', type: 'nominal' },
          y: { aggregate: 'count', type: 'quantitative', title: 'Crimes' },
        },
      },
    ],
  }),
});
export type ChartFile = z.infer<typeof ChartFileSchema>;
