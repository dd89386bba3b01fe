/**
 * `npm run schemas`: writes the published JSON Schemas (schemas/<stem>.schema.json) from the zod
 * schemas, so editors validate and autocomplete data files while officers type. The zod schemas stay
 * the one source of truth; tests/schema regenerates these in memory and fails if the committed files
 * differ, so nobody edits them by hand. Deterministic: no dates, stable key order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ChapterFrontMatterSchema, DATA_INPUTS } from './index.js';

export const SCHEMAS_DIR = 'schemas';

/** The schema file a data file declares, e.g. `kpis.yaml` -> `kpis.schema.json`. */
export const schemaFileFor = (dataFile: string): string => `${dataFile.replace(/\.ya?ml$/, '')}.schema.json`;

function toJson(schema: z.ZodType, title: string, description: string): string {
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}

/** Every JSON Schema file name and its text, in a stable order. */
export function generateSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const input of Object.values(DATA_INPUTS)) {
    out.set(
      schemaFileFor(input.file),
      toJson(
        input.schema,
        `${input.title} (data/${input.file})`,
        `${input.title} of a Community Safety Partnership strategy. Generated from scripts/schema by \`npm run schemas\`: do not edit by hand.`,
      ),
    );
  }
  out.set(
    'chapter.schema.json',
    toJson(
      ChapterFrontMatterSchema,
      'Chapter front matter (content/*.md)',
      'The front matter at the top of each chapter. Generated from scripts/schema by `npm run schemas`: do not edit by hand.',
    ),
  );
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function writeSchemas(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of generateSchemas()) {
    fs.writeFileSync(path.join(dir, name), text);
    written.push(name);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', SCHEMAS_DIR);
  const written = writeSchemas(dir);
  console.log(`Wrote ${written.length} JSON Schemas to ${SCHEMAS_DIR}/.`);
}
