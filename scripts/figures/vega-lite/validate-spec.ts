/**
 * Checking an officer's Vega-Lite spec before compiling it:
 * 1. against the JSON Schema vega-lite ships (Ajv, compiled ahead of time: schema-validator.ts), reporting the deepest failing part of each
 *    branch so the message names the key the officer got wrong, at its line;
 * 2. for expressions that reach for JavaScript's objects (constructor, __proto__, this, …). The
 *    expression interpreter cannot call them anyway; refusing them says so plainly and early.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { PathSegment } from '../../load/yaml.js';
import { vegaLiteValidator } from './schema-validator.js';

export interface SpecIssue {
  /** Path inside the spec. */
  path: PathSegment[];
  /** Whether the position should be that of the key (an unknown key) rather than the value. */
  atKey: boolean;
  message: string;
}

/** The Vega-Lite schema validator, compiled ahead of time (schema-validator.ts), loaded on first use. */
function getValidator(): ValidateFunction {
  return vegaLiteValidator();
}

const MAX_ISSUES = 5;

export function validateSpec(spec: unknown): SpecIssue[] {
  const validate = getValidator();
  if (validate(spec)) return [];
  return summarise(validate.errors ?? [], spec);
}

function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

const PREFERENCE = ['additionalProperties', 'enum', 'const', 'type', 'required'];

/**
 * Ajv reports every branch of every union. The useful errors are at the deepest paths: a path that is
 * a prefix of another failing path is only failing because of it.
 */
function summarise(errors: ErrorObject[], spec: unknown): SpecIssue[] {
  const relevant = errors.filter((e) => !['anyOf', 'oneOf', 'if', 'not', 'allOf'].includes(e.keyword));
  const paths = [...new Set(relevant.map((e) => e.instancePath))];
  const deepest = paths.filter((p) => !paths.some((q) => q !== p && q.startsWith(`${p}/`)));
  const issues: SpecIssue[] = [];
  for (const pointer of deepest.sort()) {
    const here = relevant.filter((e) => e.instancePath === pointer);
    const rank = (e: ErrorObject) => {
      const i = PREFERENCE.indexOf(e.keyword);
      return i === -1 ? PREFERENCE.length : i;
    };
    const best = [...here].sort((a, b) => rank(a) - rank(b))[0]!;
    const path = pointerToPath(pointer, spec);
    if (best.keyword === 'additionalProperties') {
      // Keys that every branch refuses are the ones to report.
      const counts = new Map<string, number>();
      for (const e of here)
        if (e.keyword === 'additionalProperties') {
          const k = String((e.params as { additionalProperty: string }).additionalProperty);
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      const max = Math.max(...counts.values());
      for (const [key, n] of counts) {
        if (n === max)
          issues.push({ path: [...path, key], atKey: true, message: 'is not a field Vega-Lite allows here' });
      }
    } else if (best.keyword === 'enum' || best.keyword === 'const') {
      const allowed = new Set<string>();
      for (const e of here) {
        if (e.keyword === 'enum')
          for (const v of (e.params as { allowedValues: unknown[] }).allowedValues) allowed.add(JSON.stringify(v));
        if (e.keyword === 'const') allowed.add(JSON.stringify((e.params as { allowedValue: unknown }).allowedValue));
      }
      const list = [...allowed].slice(0, 12).map((v) => v.replace(/^"|"$/g, ''));
      issues.push({
        path,
        atKey: false,
        message: `must be one of: ${list.join(', ')}${allowed.size > 12 ? ', …' : ''}`,
      });
    } else if (best.keyword === 'type') {
      const types = [
        ...new Set(here.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: string }).type))),
      ];
      issues.push({ path, atKey: false, message: `must be ${types.map(plainType).join(' or ')}` });
    } else if (best.keyword === 'required') {
      const missing = [
        ...new Set(
          here
            .filter((e) => e.keyword === 'required')
            .map((e) => String((e.params as { missingProperty: string }).missingProperty)),
        ),
      ];
      issues.push({ path, atKey: false, message: `needs ${missing.map((m) => `"${m}"`).join(' or ')}` });
    } else {
      issues.push({ path, atKey: false, message: best.message ?? 'is not valid' });
    }
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues.slice(0, MAX_ISSUES);
}

function plainType(t: string): string {
  return (
    (
      {
        string: 'text',
        number: 'a number',
        integer: 'a whole number',
        boolean: 'true or false',
        array: 'a list',
        object: 'a block of fields',
        null: 'empty',
      } as Record<string, string>
    )[t] ?? t
  );
}

/** Keys whose text values are Vega expressions. */
const EXPRESSION_KEYS = new Set(['calculate', 'filter', 'expr', 'test', 'signal', 'update', 'init', 'labelExpr']);
const FORBIDDEN =
  /(?<![\w$'"])(constructor|__proto__|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__|prototype|this|globalThis|window|self|process|require|import|eval|Function)(?![\w$'"])/;
const FORBIDDEN_MEMBER =
  /\[\s*['"](constructor|__proto__|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__|prototype)['"]\s*\]/;
const STRING_LITERAL = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

export interface ExpressionIssue {
  path: PathSegment[];
  word: string;
}

/** Find expressions that name JavaScript internals. Data values are not expressions and are skipped. */
export function findUnsafeExpressions(spec: unknown): ExpressionIssue[] {
  const out: ExpressionIssue[] = [];
  const walk = (node: unknown, path: PathSegment[], key: string | undefined): void => {
    if (typeof node === 'string') {
      if (key !== undefined && EXPRESSION_KEYS.has(key)) {
        // Words inside string literals are data ('On or near this street'), except as a member name.
        const m = FORBIDDEN_MEMBER.exec(node) ?? FORBIDDEN.exec(node.replace(STRING_LITERAL, "''"));
        if (m) out.push({ path, word: m[1]! });
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, [...path, i], key));
      return;
    }
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if (k === 'values' || k === 'datasets') continue;
        walk(v, [...path, k], k);
      }
    }
  };
  walk(spec, [], undefined);
  return out;
}

/**
 * Links and images in a spec (an `href` channel or property, an `image` mark, a `url` outside `data`):
 * charts are pictures of the strategy's own data, and a link or image in one could point anywhere.
 */
export function findLinksAndImages(spec: unknown): { path: PathSegment[]; what: string }[] {
  const out: { path: PathSegment[]; what: string }[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, [...path, i]));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'values' || k === 'datasets') continue;
      const here = [...path, k];
      if (k === 'href') out.push({ path: here, what: 'a link (href)' });
      else if (k === 'url' && path.at(-1) !== 'data') out.push({ path: here, what: 'an address (url)' });
      else if ((k === 'mark' && v === 'image') || (k === 'type' && v === 'image' && path.at(-1) === 'mark'))
        out.push({ path: here, what: 'an image mark' });
      else walk(v, here);
    }
  };
  walk(spec, []);
  return out;
}
