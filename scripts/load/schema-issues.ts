/**
 * Turns zod issues into officer-facing diagnostics (cf. Starlight's parseWithFriendlyErrors): the
 * position comes from the YAML source, the wording from the catalogue, and the hint names what to write.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { closest } from '../diagnostics/suggest.js';
import type { PathSegment, YamlSource } from './yaml.js';

export function pathLabel(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg + 1}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(top level)';
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a block of fields';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `the ${typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a block of fields',
  record: 'a block of fields',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** Parse `source.value` with `schema`; return the data or diagnostics for every issue. */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
): { data?: z.output<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(source.value ?? {});
  if (result.success) return { data: result.data, diagnostics: [] };
  return { diagnostics: issuesToDiagnostics(result.error.issues, source, schema) };
}

export function issuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  schema?: z.ZodType,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // An unknown key close to a field that is allowed there but not given is a misspelling (`defintion`):
  // say so once, and do not also report the correctly spelt field as missing.
  const misspelt = new Map<string, string>();
  const corrected = new Set<string>();
  if (schema) {
    for (const issue of issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      const present = valueAt(source.value, issue.path);
      const absent = keysAt(schema, issue.path).filter(
        (k) => present === null || typeof present !== 'object' || !(k in present),
      );
      for (const key of issue.keys) {
        const suggestion = closest(key, absent);
        if (suggestion === undefined) continue;
        misspelt.set(JSON.stringify([...issue.path, key]), suggestion);
        corrected.add(JSON.stringify([...issue.path, suggestion]));
      }
    }
  }
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    const label = pathLabel(path);
    const value = valueAt(source.value, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = schema
          ? keysAt(schema, path).join(', ') || 'see the JSON Schema in schemas/'
          : 'see the JSON Schema in schemas/';
        for (const key of issue.keys) {
          const suggestion = misspelt.get(JSON.stringify([...path, key]));
          if (suggestion !== undefined)
            out.push(diag('schema/misspelt-key', source.file, source.locateKey([...path, key]), [key, suggestion]));
          else out.push(diag('schema/unknown-key', source.file, source.locateKey([...path, key]), [key, known]));
        }
        break;
      }
      case 'invalid_type': {
        if (value === undefined && corrected.has(JSON.stringify(path))) break;
        if (value === undefined) {
          const key = String(path[path.length - 1] ?? label);
          out.push(diag('schema/required', source.file, source.locate(path.slice(0, -1)), [key]));
        } else {
          const expected = EXPECTED[issue.expected] ?? issue.expected;
          out.push(diag('schema/type', source.file, source.locate(path), [label, expected, describeValue(value)]));
        }
        break;
      }
      case 'invalid_value': {
        // zod reports a missing enum field as an invalid value; it is a missing field.
        if (value === undefined) {
          if (!corrected.has(JSON.stringify(path)))
            out.push(
              diag('schema/required', source.file, source.locate(path.slice(0, -1)), [
                String(path[path.length - 1] ?? label),
              ]),
            );
          break;
        }
        const options = issue.values.map((v) => String(v)).join(', ');
        out.push(diag('schema/enum', source.file, source.locate(path), [label, String(value), options]));
        break;
      }
      case 'invalid_union': {
        out.push(
          diag('schema/invalid', source.file, source.locate(path), [
            label,
            `is ${describeValue(value)}, which is not allowed here`,
          ]),
        );
        break;
      }
      case 'invalid_key': {
        out.push(
          diag('schema/invalid', source.file, source.locateKey(path), [
            label,
            `has a key that ${firstMessage(issue.issues)}`,
          ]),
        );
        break;
      }
      default: {
        out.push(diag('schema/invalid', source.file, source.locate(path), [label, plainIssue(issue, value)]));
      }
    }
  }
  return out;
}

function firstMessage(issues: readonly z.core.$ZodIssue[]): string {
  return issues[0]?.message ?? 'is not valid';
}

function plainIssue(issue: z.core.$ZodIssue, value: unknown): string {
  // A schema's own wording (e.g. Pounds: "must not be negative") says more than the generic bound.
  if (
    (issue.code === 'too_small' || issue.code === 'too_big') &&
    issue.origin !== 'array' &&
    /^(must|needs)\b/.test(issue.message)
  ) {
    return `${issue.message}, but it is ${String(value)}`;
  }
  if (issue.code === 'too_small') {
    if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
    if (issue.origin === 'string') return 'must not be empty';
    return `must be at least ${issue.minimum}, but it is ${String(value)}`;
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'array') return `has more than ${issue.maximum} items`;
    return `must be at most ${issue.maximum}, but it is ${String(value)}`;
  }
  const msg = issue.message;
  return /^(must|needs|is|has)\b/.test(msg) ? msg : `is not valid: ${msg}`;
}

/** The field names an object schema allows at `path`, walking through lists, optionals and defaults. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const unwrap = (n: unknown): unknown => {
    let cur = n as { _zod?: { def?: { type?: string; innerType?: unknown } } };
    for (let i = 0; i < 10 && cur?._zod?.def?.innerType; i++) cur = cur._zod.def.innerType as typeof cur;
    return cur;
  };
  node = unwrap(node);
  for (const seg of path) {
    const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def['type'] === 'object') node = unwrap((def['shape'] as Record<string, unknown>)[String(seg)]);
    else if (def['type'] === 'array') node = unwrap(def['element']);
    else if (def['type'] === 'record') node = unwrap(def['valueType']);
    else return [];
    if (!node) return [];
  }
  const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def['type'] === 'object' ? Object.keys(def['shape'] as object).filter((k) => k !== '$schema') : [];
}
