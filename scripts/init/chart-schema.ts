/**
 * The JSON Schema of a chart file (data/charts/<id>.yaml) for editors: our wrapper (title,
 * description, source), from the same zod schema the loader checks, around Vega-Lite's own JSON Schema
 * for `spec`, so an officer gets Vega-Lite's completions and checks inside the file. Written to
 * lib/schemas/chart.schema.json when the package is compiled (`npm run compile`), from the vega-lite
 * version installed, so it always matches the Vega-Lite the build draws with; not committed (1.5 MB),
 * and kept out of schemas/, which holds the draft 2020-12 schemas generated from zod (this one is
 * draft-07, as Vega-Lite's is).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ChartFileSchema } from '../schema/chart.js';

/** Where it is, from the package's top. */
export const CHART_SCHEMA_FILE = 'lib/schemas/chart.schema.json';

export function chartFileJsonSchema(): string {
  const require = createRequire(import.meta.url);
  const vegaLite = JSON.parse(fs.readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as {
    $schema: string;
    definitions: Record<string, unknown>;
  };
  const ours = z.toJSONSchema(ChartFileSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as {
    properties: Record<string, { description?: string; examples?: unknown[] }>;
    [k: string]: unknown;
  };
  const { $schema: _ignored, ...wrapper } = ours;
  const spec = ours.properties['spec'];
  return `${JSON.stringify({
    $schema: vegaLite.$schema,
    title: 'Chart (data/charts/*.yaml)',
    description:
      'A chart an officer writes: a title, a description read out by screen readers, an optional source, and a Vega-Lite spec. Generated from scripts/schema/chart.ts and the installed vega-lite.',
    ...wrapper,
    properties: {
      ...ours.properties,
      spec: { description: spec?.description, examples: spec?.examples, $ref: '#/definitions/TopLevelSpec' },
    },
    definitions: vegaLite.definitions,
  })}\n`;
}

/** Write lib/schemas/chart.schema.json at the package's top (two folders up from scripts/init and lib/init). */
export function writeChartSchema(): string {
  const file = path.join(fileURLToPath(new URL('../../', import.meta.url)), CHART_SCHEMA_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, chartFileJsonSchema());
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writeChartSchema();
