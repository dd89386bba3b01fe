/**
 * The schemas are written for the officer who edits the YAML: every field says what it means and how
 * the strategy uses it, with an example as the seed plans write it; every fixed list explains each
 * value; every pattern has a human message, and `strategy check` says the same thing for the same
 * mistake, so nobody ever sees a regular expression. Walks every generated schema, so a field added
 * without words fails here.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateSchemas } from '../../scripts/schema/generate.js';
import { chartFileJsonSchema } from '../../scripts/init/chart-schema.js';
import { ChartFileSchema } from '../../scripts/schema/chart.js';
import { ChapterFrontMatterSchema, DATA_INPUTS, patternHint } from '../../scripts/schema/index.js';

type Node = Record<string, unknown>;
const REGEX_SIGNS = /\\d|\[\^?[A-Za-z0-9]-|\(\?:|\^|\$\/|must match pattern|Invalid string/;

/**
 * Every schema node under `node`, with its path. `field` is true where the node is a field of the data
 * (a property of an object, outside the conditions of `if`/`not`, which only test a document).
 */
function* walk(node: unknown, at: string, field = true): Generator<{ node: Node; at: string; field: boolean }> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, x] of node.entries()) yield* walk(x, `${at}/${i}`, field);
    return;
  }
  const n = node as Node;
  yield { node: n, at, field };
  for (const [key, value] of Object.entries(n)) {
    if (key === 'examples' || key === 'default' || key === 'const' || key === 'enum') continue;
    const inField = field && !['if', 'not', 'then', 'else'].includes(key);
    yield* walk(value, `${at}/${key}`, inField);
  }
}

/** The properties of every object in a schema, with their paths. */
function* properties(schema: unknown, field: boolean) {
  for (const { node, at, field: isField } of walk(schema, '')) {
    if (field && !isField) continue;
    const props = node['properties'];
    if (props && typeof props === 'object' && !Array.isArray(props))
      for (const [name, p] of Object.entries(props as Record<string, Node>)) yield { name, p, at: `${at}/${name}` };
  }
}

const generated = [...generateSchemas()].map(([name, text]) => [name, JSON.parse(text) as Node] as const);
/** The chart-file schema as editors get it, without Vega-Lite's own definitions (Vega-Lite describes those). */
const { definitions: _vegaLite, ...chart } = JSON.parse(chartFileJsonSchema()) as Node;
const all = [...generated, ['chart.schema.json (our fields)', chart] as const];

describe('every schema field is described for an officer', () => {
  it.each(all)('%s: every field has a description and an example', (_name, schema) => {
    const missing: string[] = [];
    let count = 0;
    for (const { p, at } of properties(schema, true)) {
      count++;
      if (typeof p['description'] !== 'string' || (p['description'] as string).length < 10)
        missing.push(`${at}: no description`);
      if (!Array.isArray(p['examples']) || (p['examples'] as unknown[]).length === 0) missing.push(`${at}: no example`);
    }
    expect(count).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it.each(all)('%s: every fixed list explains each of its values', (_name, schema) => {
    const bare: string[] = [];
    for (const { node, at } of walk(schema, '')) {
      const values = node['enum'];
      if (!Array.isArray(values)) continue;
      for (const key of ['markdownEnumDescriptions', 'enumDescriptions']) {
        const texts = node[key];
        if (!Array.isArray(texts) || texts.length !== values.length || texts.some((t) => typeof t !== 'string' || !t))
          bare.push(`${at}: ${key} does not explain each of ${values.join(', ')}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it.each(all)('%s: every pattern has a human message, never a regular expression', (_name, schema) => {
    const raw: string[] = [];
    for (const { node, at } of walk(schema, '')) {
      if (typeof node['pattern'] !== 'string') continue;
      const message = node['patternErrorMessage'];
      if (typeof message !== 'string' || !/^[A-Z]/.test(message) || REGEX_SIGNS.test(message))
        raw.push(`${at}: ${String(message)}`);
      else if (node['errorMessage'] !== message) raw.push(`${at}: errorMessage differs from patternErrorMessage`);
    }
    expect(raw).toEqual([]);
  });

  it('the walk finds what it checks: the KPI unit explained, the period message, the quarter of an action', () => {
    const kpis = generated.find(([n]) => n === 'kpis.schema.json')![1];
    const item = (kpis['properties'] as Node)['kpis'] as Node;
    const kpi = (item['items'] as Node)['properties'] as Record<string, Node>;
    expect(kpi['unit']!['enum']).toContain('rate-per-1000');
    expect(kpi['unit']!['markdownEnumDescriptions']).toContain(
      'a rate per 1,000 people: `9.8` prints as 9.8 per 1,000',
    );
    const actual = ((kpi['actuals']!['items'] as Node)['properties'] as Record<string, Node>)['period']!;
    expect(actual['patternErrorMessage']).toBe(
      'Write a financial year like 2027-28, a quarter like 2027-28 Q1 (Q1 is April to June) or a month like 2027-04.',
    );
    expect(actual['examples']).toContain('2027-28 Q1');
    const actions = generated.find(([n]) => n === 'actions.schema.json')![1];
    expect(JSON.stringify(actions)).toContain('Write a quarter like 2027-28 Q1');
  });
});

/**
 * The zod schemas `strategy check` runs: every string with a pattern, found by walking them, refuses
 * a wrong value in words, and the words name the same example as the editor's message.
 */
function* patterned(schema: z.ZodType, at: string): Generator<{ s: z.ZodType; at: string }> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def['type']) {
    case 'object':
      for (const [k, v] of Object.entries(def['shape'] as Record<string, z.ZodType>)) yield* patterned(v, `${at}.${k}`);
      return;
    case 'array':
      yield* patterned(def['element'] as z.ZodType, `${at}[]`);
      return;
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      yield* patterned(def['innerType'] as z.ZodType, at);
      return;
    case 'union':
      for (const o of def['options'] as z.ZodType[]) yield* patterned(o, at);
      return;
    case 'record':
      yield* patterned(def['keyType'] as z.ZodType, `${at}{key}`);
      yield* patterned(def['valueType'] as z.ZodType, `${at}{}`);
      return;
    case 'string': {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node;
      if (typeof json['pattern'] === 'string') yield { s: schema, at };
      return;
    }
  }
}

const zodSchemas: [string, z.ZodType][] = [
  ...Object.values(DATA_INPUTS).map((i) => [i.file, i.schema] as [string, z.ZodType]),
  ['chapter front matter', ChapterFrontMatterSchema],
  ['chart file', ChartFileSchema],
];

describe('`strategy check` says the same human thing as the editor', () => {
  it.each(zodSchemas)('%s: a value that breaks a pattern is refused in words', (_name, schema) => {
    const found = [...patterned(schema, '')];
    for (const { s, at } of found) {
      const r = s.safeParse('no good at all');
      expect(r.success, at).toBe(false);
      const message = r.error!.issues[0]!.message;
      expect(message, at).not.toMatch(REGEX_SIGNS);
      expect(message, at).toMatch(/^must /);
      // `strategy check` then suggests the editor's own sentence (an id suggests a fixed id instead).
      const editor = String(
        (z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Node)['patternErrorMessage'],
      );
      if (message.includes('(it is')) expect(editor, at).toMatch(/^The id must be letters, digits and hyphens/);
      else expect(patternHint(message), at).toBe(editor);
    }
  });

  it('finds the patterned fields it checks', () => {
    const paths = zodSchemas.flatMap(([, s]) => [...patterned(s, '')].map((f) => f.at));
    expect(paths).toContain('.kpis[].actuals[].period');
    expect(paths).toContain('.actions[].due');
    expect(paths).toContain('.language');
    expect(paths).toContain('.section');
  });
});

describe('risk ratings accept only the values of the scale', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const risks = ajv.compile(JSON.parse(generateSchemas().get('risks.schema.json')!));
  const register = (scale: unknown, likelihood: unknown, impact: unknown, residual?: unknown) => ({
    ...(scale === undefined ? {} : { scale }),
    risks: [
      {
        id: 'r01',
        risk: 'Grants end',
        likelihood,
        impact,
        mitigation: 'Exit plans',
        ...(residual ? { residual } : {}),
      },
    ],
  });

  it('the letter-numeral scale (the default): A to D by I to IV', () => {
    expect(risks(register(undefined, 'B', 'II'))).toBe(true);
    expect(risks(register({ preset: 'letter-numeral' }, 'D', 'IV'))).toBe(true);
    expect(risks(register(undefined, 'E', 'II'))).toBe(false);
    expect(risks(register({ preset: 'letter-numeral' }, 'B', 2))).toBe(false);
    expect(risks(register(undefined, 'B', 'II', { likelihood: 'C', impact: 'V' }))).toBe(false);
  });

  it('the 5×5 scale: 1 to 5, written as numbers or text', () => {
    expect(risks(register({ preset: 'numeric-5x5' }, 4, 3))).toBe(true);
    expect(risks(register({ preset: 'numeric-5x5' }, '4', '3'))).toBe(true);
    expect(risks(register({ preset: 'numeric-5x5' }, 6, 3))).toBe(false);
    expect(risks(register({ preset: 'numeric-5x5' }, 'B', 'II'))).toBe(false);
  });

  it("a register's own levels are left to `strategy check`, which knows them", () => {
    const own = {
      likelihood: [
        { code: 'H', label: 'High' },
        { code: 'L', label: 'Low' },
      ],
    };
    expect(risks(register(own, 'H', 'II'))).toBe(true);
  });

  it('the editor lists the allowed ratings as `strategy check` does', () => {
    const text = generateSchemas().get('risks.schema.json')!;
    expect(text).toContain('Use one of: I (Catastrophic), II (Major), III (Moderate), IV (Minor).');
    expect(text).toContain('"A: very likely"');
  });
});
