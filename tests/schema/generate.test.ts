/**
 * The published JSON Schemas are generated, never hand-edited: regenerate them in memory and compare
 * with the committed files. Then check that the data files we ship (the example, the `init` starter,
 * the check fixtures' base) are valid against them with Ajv, as an officer's editor would see them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateSchemas, schemaFileFor } from '../../scripts/schema/generate.js';
import { DATA_INPUTS } from '../../scripts/schema/index.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SCHEMAS = path.join(ROOT, 'schemas');

function ajv() {
  const a = new Ajv2020({ strict: false, allErrors: true });
  a.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  const validators = new Map<string, ReturnType<typeof a.compile>>();
  for (const name of fs.readdirSync(SCHEMAS))
    validators.set(name, a.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8'))));
  return validators;
}

describe('published JSON Schemas', () => {
  const generated = generateSchemas();

  it('are exactly what `npm run schemas` generates (run it after changing scripts/schema)', () => {
    const committed = fs.readdirSync(SCHEMAS).sort();
    expect(committed).toEqual([...generated.keys()]);
    for (const [name, text] of generated) expect(fs.readFileSync(path.join(SCHEMAS, name), 'utf8'), name).toBe(text);
  });

  it('cover every data input and the chapter front matter, with a title and description', () => {
    for (const input of Object.values(DATA_INPUTS))
      expect(generated.has(schemaFileFor(input.file)), input.file).toBe(true);
    expect(generated.has('chapter.schema.json')).toBe(true);
    for (const text of generated.values()) {
      const schema = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(schema).slice(0, 3)).toEqual(['$schema', 'title', 'description']);
      expect(schema['additionalProperties']).toBe(false);
    }
  });

  it('leave defaulted fields optional, so files may omit them', () => {
    const kpis = JSON.parse(generated.get('kpis.schema.json')!) as {
      properties: { kpis: { items: { required: string[] } } };
    };
    expect(kpis.properties.kpis.items.required).toContain('baseline');
    expect(kpis.properties.kpis.items.required).not.toContain('actuals');
  });

  it('all compile with Ajv and reject a value the zod schema rejects', () => {
    const v = ajv();
    const kpis = v.get('kpis.schema.json')!;
    expect(kpis({ kpis: [] })).toBe(false);
    const risks = v.get('risks.schema.json')!;
    expect(risks({ risks: [{ id: 'R1' }] })).toBe(false);
  });
});

/** Data folders whose YAML files must validate against the committed schemas. */
const folders = [
  { name: 'the init starter', dir: path.join(ROOT, 'scripts', 'init', 'starter'), prefix: '' },
  {
    name: 'the check fixtures base',
    dir: path.join(ROOT, 'tests', 'validate', 'fixtures', '_base', 'data'),
    prefix: '',
  },
  { name: 'the example strategy', dir: path.join(ROOT, 'data'), prefix: '' },
].filter((f) => fs.existsSync(f.dir));

describe.each(folders)('$name', ({ dir }) => {
  const validators = ajv();
  for (const input of Object.values(DATA_INPUTS)) {
    const file = path.join(dir, input.file);
    it.runIf(fs.existsSync(file))(`${input.file} is valid against schemas/${schemaFileFor(input.file)}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const validate = validators.get(schemaFileFor(input.file))!;
      const ok = validate(parse(text));
      expect(validate.errors ?? [], `${input.file}`).toEqual([]);
      expect(ok).toBe(true);
      if (dir.endsWith(`${path.sep}data`) && /^# yaml-language-server/.test(text)) {
        expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../schemas/${schemaFileFor(input.file)}`);
      }
    });
  }
});
