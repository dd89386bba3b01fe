/**
 * Analysing an officer chart once, when it is checked: the spec is compiled a second time with
 * Vega-Lite's encoding tooltips on every mark (never drawn) and its dataflow run over the inlined
 * data, synchronously. From that one run come
 *   - the fields the dataflow reads where the data does not have them (dataflow.ts), and
 *   - the chart's data tables, read from the marks as drawn (table.ts).
 *
 *   checked spec (UTC) --compile with tooltips--> Vega --run (interpreter, refusing loader)--> missing fields, tables
 */
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { PathSegment } from '../../load/yaml.js';
import { THEME } from '../theme.js';
import { missingFields, rootOf, type MissingField } from './dataflow.js';
import { refusingLoader } from './draw.js';
import { compileAnalysis, readTables, type ViewTable } from './table.js';
import { formatTimeUnit } from './time-unit.js';
import { formatNumber } from '../format.js';

type Json = Record<string, unknown>;

export interface Analysis {
  missing: MissingField[];
  tables: ViewTable[];
  /** Vega's own words when the dataflow could not run. */
  error?: string;
}

export function analyseSpec(spec: Json): Analysis {
  let view: vega.View | undefined;
  try {
    const compiled = compileAnalysis(spec, THEME);
    view = new vega.View(vega.parse(compiled, undefined, { ast: true }), {
      expr: expressionInterpreter,
      renderer: 'none',
      loader: refusingLoader,
      logLevel: vega.None,
    });
    view.run();
    const v = view;
    const data = (name: string) => v.data(name) as Record<string, unknown>[];
    const missing = missingFields(compiled, data);
    if (missing.length) return { missing, tables: [] };
    const scene = (view.scenegraph() as unknown as { root: unknown }).root;
    const tables = readTables(spec, compiled, scene, {
      number: (n) => formatNumber(n),
      time: (t, unit) => formatTimeUnit(t, unit),
    });
    return { missing: [], tables };
  } catch (err) {
    return {
      missing: [],
      tables: [],
      error: (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/\.$/, ''),
    };
  } finally {
    view?.finalize();
  }
}

/** Keys whose values name fields the spec reads (`as` names what a step writes, so it is not one). */
const FIELD_KEYS = new Set([
  'field',
  'groupby',
  'fields',
  'fold',
  'flatten',
  'pivot',
  'value',
  'on',
  'regression',
  'loess',
  'density',
  'quantile',
  'lookup',
  'key',
  'impute',
  'sort',
]);
const EXPRESSION_KEYS = new Set(['calculate', 'filter', 'test', 'expr']);

/**
 * Where the spec first reads a field, in the order written: a `field:` (or groupby, fold, lookup…)
 * whose value is that field, or an expression that reads `datum.<field>`; the spec itself when nothing does.
 */
export function fieldPath(spec: unknown, field: string): PathSegment[] {
  let found: PathSegment[] | undefined;
  const plain = (s: string) => rootOf(s) === field || s.replace(/\\(.)/g, '$1') === field;
  const mentions = (expr: string) =>
    new RegExp(
      `datum(?:\\.${field.replace(/[^\w$]/g, '\\$&')}(?![\\w$])|\\[\\s*['"]${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]\\s*\\])`,
    ).test(expr);
  const walk = (node: unknown, p: PathSegment[], key: string | undefined): void => {
    if (found) return;
    if (typeof node === 'string') {
      if (key !== undefined && ((FIELD_KEYS.has(key) && plain(node)) || (EXPRESSION_KEYS.has(key) && mentions(node))))
        found = p;
      return;
    }
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...p, i], key));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'values' || k === 'datasets') continue;
      walk(v, [...p, k], k);
    }
  };
  walk(spec, [], undefined);
  return found ?? [];
}
