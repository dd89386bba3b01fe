/**
 * Comparing two values by meaning: key order, YAML layout and the order of lists that are sets (ids,
 * members, duties) make no difference. Lists of records are matched by their id (or another field
 * that names each one uniquely), so a reordered list reports nothing and an edited entry reports only
 * the fields that changed.
 */

export type Segment = string;

export interface Leaf {
  /** Keys from the top, list entries named by their key value (e.g. `kpis`, `sv-01`, `targets`, `2027-28`). */
  path: Segment[];
  kind: 'added' | 'removed' | 'changed';
  old?: unknown;
  new?: unknown;
}

/** Fields that name a list entry, tried in order; the first one unique across both versions is used. */
const KEY_FIELDS = [
  'id',
  'characteristic',
  'priority',
  'period',
  'year',
  'body',
  'report',
  'answer',
  'theme',
  'instrument',
  'finding',
  'quarter',
  'text',
];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** JSON with sorted keys: equal values by meaning give equal strings. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The field naming each entry of both lists, or undefined when none does (then entries compare whole). */
export function keyFieldOf(a: unknown[], b: unknown[]): string | undefined {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every(isRecord)) return undefined;
  for (const field of KEY_FIELDS) {
    const unique = (list: unknown[]) => {
      const seen = new Set<string>();
      for (const item of list) {
        const value = (item as Record<string, unknown>)[field];
        if (typeof value !== 'string' && typeof value !== 'number') return false;
        if (seen.has(String(value))) return false;
        seen.add(String(value));
      }
      return true;
    };
    if (unique(a) && unique(b)) return field;
  }
  return undefined;
}

/** Every difference between two values, by meaning. */
export function diffValues(a: unknown, b: unknown, path: Segment[] = []): Leaf[] {
  if (sameValue(a, b)) return [];
  if (a === undefined) return [{ path, kind: 'added', new: b }];
  if (b === undefined) return [{ path, kind: 'removed', old: a }];
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== '$schema');
    return keys.flatMap((k) => diffValues(a[k], b[k], [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = keyFieldOf(a, b);
    if (key) {
      const name = (x: unknown) => String((x as Record<string, unknown>)[key]);
      const before = new Map(a.map((x) => [name(x), x]));
      const after = new Map(b.map((x) => [name(x), x]));
      const leaves: Leaf[] = [];
      for (const [k, x] of before) if (!after.has(k)) leaves.push({ path: [...path, k], kind: 'removed', old: x });
      for (const [k, x] of after) leaves.push(...diffValues(before.get(k), x, [...path, k]));
      return leaves;
    }
    // A list without names is compared as a set of whole entries: what left, what arrived.
    const count = (list: unknown[]) => {
      const m = new Map<string, { value: unknown; n: number }>();
      for (const x of list) {
        const c = canonical(x);
        const e = m.get(c);
        if (e) e.n++;
        else m.set(c, { value: x, n: 1 });
      }
      return m;
    };
    const ca = count(a);
    const cb = count(b);
    const leaves: Leaf[] = [];
    for (const [c, { value, n }] of ca)
      for (let i = cb.get(c)?.n ?? 0; i < n; i++) leaves.push({ path, kind: 'removed', old: value });
    for (const [c, { value, n }] of cb)
      for (let i = ca.get(c)?.n ?? 0; i < n; i++) leaves.push({ path, kind: 'added', new: value });
    return leaves;
  }
  return [{ path, kind: 'changed', old: a, new: b }];
}

/** Text compared word by word: layout (line breaks, indentation, YAML folding) makes no difference. */
export const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

export interface TextChange {
  /** A few words either side of the first change, as it was and as it is. */
  from: string;
  to: string;
  /** How many separate places changed. */
  places: number;
}

const CONTEXT = 5;
const MAX_SHOWN = 30;

/** The word-level change between two texts, or undefined when they say the same words. */
export function textChange(before: string, after: string): TextChange | undefined {
  const a = words(before);
  const b = words(after);
  if (a.join(' ') === b.join(' ')) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const places = countHunks(a.slice(start, endA), b.slice(start, endB));
  const excerpt = (list: string[], end: number) => {
    const from = Math.max(0, start - CONTEXT);
    const changed = list.slice(start, end);
    const shown = changed.length > MAX_SHOWN ? [...changed.slice(0, MAX_SHOWN), '…'] : changed;
    const tail = changed.length > MAX_SHOWN ? [] : list.slice(end, end + CONTEXT);
    const text = [...list.slice(from, start), ...shown, ...tail].join(' ');
    return `${from > 0 ? '…' : ''}${text}${end + CONTEXT < list.length && tail.length ? '…' : ''}`;
  };
  return { from: excerpt(a, endA), to: excerpt(b, endB), places };
}

/**
 * Separate changed places inside the differing middle: runs of changed words split by at least three
 * words both texts share in order (a longest common subsequence over the middle only).
 */
function countHunks(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 1;
  if (a.length * b.length > 4_000_000) return 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * cols + j] =
        a[i] === b[j] ? lcs[(i + 1) * cols + j + 1]! + 1 : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let hunks = 0;
  let inHunk = false;
  let run = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      run++;
      if (run >= 3) inHunk = false;
      i++;
      j++;
      continue;
    }
    run = 0;
    if (!inHunk) {
      hunks++;
      inHunk = true;
    }
    if (j < b.length && (i === a.length || lcs[i * cols + j + 1]! >= lcs[(i + 1) * cols + j]!)) j++;
    else i++;
  }
  return Math.max(1, hunks);
}
