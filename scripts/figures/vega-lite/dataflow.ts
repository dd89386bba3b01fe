/**
 * Which fields exist where, read from the compiled Vega dataflow after it has run, not from a hand
 * list of what each Vega-Lite transform makes.
 *
 * Vega-Lite compiles a spec to named Vega datasets, each reading its parent (`source`) or its own
 * values and applying transforms. After the view has run, `view.data(name)` holds every dataset's
 * rows. A field that a dataset's transforms or a mark reads is there when it is
 *   - a column of the rows the dataset starts from (its parent's rows, or its own values parsed), or
 *   - made inside the dataset (a transform's `as`, or a column of the dataset's own rows), or
 *   - anything at all after a pivot (its columns are the data's values).
 * A dataset whose input has no rows is not judged: there is nothing to say what it would have held.
 *
 *   compiled Vega spec + ran view --> per dataset: input columns, made columns --> fields read that are neither
 */
import * as vega from 'vega';

type Json = Record<string, unknown>;
export type Rows = readonly Record<string, unknown>[];
export type DataReader = (name: string) => Rows;

export interface MissingField {
  /** The field as the dataflow reads it (Vega-Lite's name, unescaped root, e.g. `Crime type`). */
  field: string;
  /** The columns there were at that point, sorted. */
  available: string[];
}

const MAX_SCAN = 5000;

/** Every column of some row (the rows of a CSV all share theirs; JSON rows may differ). */
export function columnsOf(rows: Rows): Set<string> {
  const out = new Set<string>();
  const step = rows.length > MAX_SCAN ? Math.ceil(rows.length / MAX_SCAN) : 1;
  for (let i = 0; i < rows.length; i += step) {
    const r = rows[i];
    if (r && typeof r === 'object') for (const k of Object.keys(r)) out.add(k);
  }
  return out;
}

/** The top-level name a field reference reads: `a.b` reads `a`; `a\.b` is the column "a.b". */
export function rootOf(field: string): string {
  try {
    return vega.splitAccessPath(field)[0] ?? field;
  } catch {
    return field;
  }
}

/** Fields an expression reads from `datum` (datum.x, datum['x'], datum["x"]). */
export function datumFields(expr: string): string[] {
  const out = new Set<string>();
  let ast: unknown;
  try {
    ast = vega.parseExpression(expr);
  } catch {
    return [];
  }
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Json;
    if (n['type'] === 'MemberExpression') {
      const object = n['object'] as Json;
      const property = n['property'] as Json;
      if (object?.['type'] === 'Identifier' && object['name'] === 'datum') {
        if (n['computed'] !== true && property?.['type'] === 'Identifier') out.add(String(property['name']));
        else if (property?.['type'] === 'Literal' && typeof property['value'] === 'string') out.add(property['value']);
        return;
      }
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
  };
  walk(ast);
  return [...out];
}

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const sortFields = (v: unknown): string[] =>
  v && typeof v === 'object' && !Array.isArray(v) ? strings((v as Json)['field']) : [];

/** The input fields a Vega transform reads, by transform type (parameters that name other datasets' fields are left out). */
function fieldsRead(t: Json): string[] {
  switch (t['type']) {
    case 'formula':
    case 'filter':
      return typeof t['expr'] === 'string' ? datumFields(t['expr']) : [];
    case 'aggregate':
    case 'joinaggregate':
      return [...strings(t['groupby']), ...strings(t['fields'])];
    case 'window':
      return [...strings(t['groupby']), ...strings(t['fields']), ...sortFields(t['sort'])];
    case 'bin':
    case 'timeunit':
    case 'extent':
    case 'geoshape':
      return strings(t['field']);
    case 'collect':
      return sortFields(t['sort']);
    case 'fold':
    case 'flatten':
    case 'project':
    case 'lookup':
    case 'geojson':
    case 'geopoint':
      return strings(t['fields']);
    case 'stack':
      return [...strings(t['field']), ...strings(t['groupby']), ...sortFields(t['sort'])];
    case 'impute':
      return [...strings(t['field']), ...strings(t['key']), ...strings(t['groupby'])];
    case 'kde':
    case 'quantile':
      return [...strings(t['field']), ...strings(t['groupby'])];
    case 'loess':
    case 'regression':
      return [...strings(t['x']), ...strings(t['y']), ...strings(t['groupby'])];
    case 'pivot':
      return [...strings(t['groupby']), ...strings(t['field']), ...strings(t['value'])];
    default:
      return [];
  }
}

/** Vega transforms whose outputs are all named by `as` (or documented defaults); after any other, checking stops. */
const KNOWN_TRANSFORMS = new Set([
  'formula',
  'filter',
  'aggregate',
  'joinaggregate',
  'window',
  'bin',
  'timeunit',
  'extent',
  'collect',
  'fold',
  'flatten',
  'project',
  'lookup',
  'geojson',
  'geopoint',
  'geoshape',
  'stack',
  'impute',
  'kde',
  'quantile',
  'loess',
  'regression',
  'identifier',
  'sample',
]);

/** Fields a transform makes: its `as` (and a lookup's `values` when it has no `as`). */
function fieldsMade(t: Json): string[] {
  const made = strings(t['as']);
  if (t['type'] === 'lookup' && made.length === 0) made.push(...strings(t['values']));
  if (t['type'] === 'fold' && made.length === 0) made.push('key', 'value');
  if (t['type'] === 'flatten' && made.length === 0) made.push(...strings(t['fields']));
  if (t['type'] === 'quantile' && made.length === 0) made.push('prob', 'value');
  if ((t['type'] === 'loess' || t['type'] === 'regression') && made.length === 0)
    made.push(...strings(t['x']), ...strings(t['y']));
  return made;
}

/** The columns of a dataset's own values, parsed as Vega will parse them. */
function valuesColumns(d: Json): Set<string> | undefined {
  if (!('values' in d)) return undefined;
  try {
    const rows = vega.read(d['values'] as never, (d['format'] ?? {}) as never) as unknown as Rows;
    return columnsOf(rows.map((r) => (r && typeof r === 'object' ? r : { data: r })));
  } catch {
    return undefined;
  }
}

/** Fields marks read from `datum` in their encoding (a `field` or an expression). */
function encodeFields(encode: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'field' && typeof v === 'string') out.push(v);
      else if (k === 'signal' && typeof v === 'string') out.push(...datumFields(v));
      else if (k === 'test' && typeof v === 'string') out.push(...datumFields(v));
      // Tooltips are not drawn (and the table's analysis compile adds Vega-Lite's own, which may name a field as written).
      else if (k !== 'scale' && k !== 'band' && k !== 'tooltip') walk(v, k);
    }
  };
  walk(encode, '');
  return out;
}

/**
 * Fields the dataflow reads that the data does not have at that point, in dataflow order, each once.
 * `compiled` is the Vega spec the view ran; `data` reads its datasets' rows.
 */
export function missingFields(compiled: vega.Spec, data: DataReader): MissingField[] {
  const datasets = (compiled.data ?? []) as unknown as Json[];
  const names = new Set(datasets.map((d) => String(d['name'])));
  const rowsOf = (name: string): Rows => {
    try {
      return data(name);
    } catch {
      return [];
    }
  };
  const out: MissingField[] = [];
  const reported = new Set<string>();
  const report = (field: string, available: Set<string>, hint: Set<string>): void => {
    const root = rootOf(field);
    if (available.has(root) || available.has(field) || reported.has(root)) return;
    reported.add(root);
    // The hint lists the data's own columns and what the spec's transforms made, not Vega-Lite's helpers.
    const helper = (c: string) => c.startsWith('__') || c.includes(`_${root}`) || c.startsWith(`${root}_`);
    out.push({ field: root, available: [...new Set([...hint, ...available])].filter((c) => !helper(c)).sort() });
  };

  for (const d of datasets) {
    const source = typeof d['source'] === 'string' ? d['source'] : undefined;
    const input = source !== undefined ? (names.has(source) ? columnsOf(rowsOf(source)) : undefined) : valuesColumns(d);
    if (!input || input.size === 0) continue;
    // Walk the transforms in order: each may read what the input has and what earlier ones made.
    const available = new Set(input);
    for (const t of (d['transform'] ?? []) as Json[]) {
      if (!t || typeof t !== 'object') continue;
      const type = String(t['type']);
      if (!KNOWN_TRANSFORMS.has(type)) break;
      for (const f of fieldsRead(t)) report(f, available, input);
      if (type === 'lookup' && typeof t['from'] === 'string' && names.has(t['from'])) {
        const other = columnsOf(rowsOf(t['from']));
        if (other.size) for (const f of [...strings(t['key']), ...strings(t['values'])]) report(f, other, other);
      }
      // An aggregate (and a density, quantile or fit) keeps only its groups and what it makes.
      if (
        ['aggregate', 'kde', 'quantile', 'loess', 'regression'].includes(type) ||
        (type === 'project' && t['as'] === undefined)
      ) {
        const kept = type === 'project' ? strings(t['fields']).map(rootOf) : strings(t['groupby']);
        available.clear();
        for (const f of kept) available.add(f);
      }
      for (const f of fieldsMade(t)) available.add(f);
    }
  }

  // A field missing from a transform is reported there; the marks that follow would only repeat it.
  if (out.length) return out;

  // Marks: the fields their encoding reads, from the dataset they draw (a facet reads its parent's).
  const facets = new Map<string, string>();
  const walkMarks = (marks: unknown): void => {
    for (const m of (Array.isArray(marks) ? marks : []) as Json[]) {
      const from = m['from'] as Json | undefined;
      const facet = from?.['facet'] as Json | undefined;
      if (facet && typeof facet['name'] === 'string' && typeof facet['data'] === 'string') {
        const parent = facets.get(facet['data']) ?? facet['data'];
        facets.set(facet['name'], parent);
        const rows = names.has(parent) ? rowsOf(parent) : [];
        if (rows.length) {
          const available = columnsOf(rows);
          for (const f of strings(facet['groupby'])) report(f, available, available);
        }
      }
      const dataName = typeof from?.['data'] === 'string' ? (facets.get(from['data']) ?? from['data']) : undefined;
      if (dataName && names.has(dataName) && m['type'] !== 'group') {
        const rows = rowsOf(dataName);
        if (rows.length) {
          const available = columnsOf(rows);
          for (const f of encodeFields(m['encode'])) report(f, available, available);
        }
      }
      if (m['marks']) walkMarks(m['marks']);
    }
  };
  walkMarks(compiled.marks);
  return out;
}
