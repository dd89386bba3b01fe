/**
 * Resource limits on an officer's chart, checked before it is compiled or drawn. A pull request can
 * make Vega do unbounded work from a few characters: `sequence` to 1e8 rows, `pad('x', 4e8)`, or a
 * regular expression that backtracks for ever (`test(regexp('^(a+)+$'), …)`). These are refused with
 * their position; anything a static check cannot see is stopped by the drawing worker's time and
 * memory limits (`../job-sandbox.ts`).
 *
 * Expressions are parsed with Vega's own expression parser, so the check sees what Vega would run.
 */
import { parseExpression } from 'vega';
import type { PathSegment } from '../../load/yaml.js';

/** Rows a `sequence` (data or expression) may make. */
export const MAX_SEQUENCE = 100_000;
/** Length `pad` may pad a text to. */
export const MAX_PAD = 1_000;
/** Length of a regular expression's pattern. */
export const MAX_PATTERN = 200;

const EXPRESSION_KEYS = new Set(['calculate', 'filter', 'expr', 'test', 'signal', 'update', 'init', 'labelExpr']);

export interface LimitIssue {
  path: PathSegment[];
  /** What is wrong, for the message: "a sequence of 100000000 values". */
  what: string;
}

export function findExpensiveParts(spec: unknown): LimitIssue[] {
  const out: LimitIssue[] = [];
  const walk = (node: unknown, path: PathSegment[], key: string | undefined): void => {
    if (typeof node === 'string') {
      if (key !== undefined && EXPRESSION_KEYS.has(key))
        for (const what of expressionProblems(node)) out.push({ path, what });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, [...path, i], key));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (key === 'data' && obj['sequence'] && typeof obj['sequence'] === 'object') {
      const seq = obj['sequence'] as Record<string, unknown>;
      const what = sequenceProblem(seq['start'], seq['stop'], seq['step'] ?? 1);
      if (what) out.push({ path: [...path, 'sequence'], what });
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'values' || k === 'datasets') continue;
      walk(v, [...path, k], k);
    }
  };
  walk(spec, [], undefined);
  return out;
}

function sequenceProblem(start: unknown, stop: unknown, step: unknown): string | undefined {
  if (typeof start !== 'number' || typeof stop !== 'number' || typeof step !== 'number')
    return 'a sequence whose start, stop and step are not all plain numbers';
  if (step === 0 || !Number.isFinite(start) || !Number.isFinite(stop) || !Number.isFinite(step))
    return 'a sequence that never ends';
  const count = Math.ceil((stop - start) / step);
  if (count > MAX_SEQUENCE) return `a sequence of ${count} values (at most ${MAX_SEQUENCE})`;
  return undefined;
}

interface Node {
  type: string;
  [key: string]: unknown;
}

/** Problems in one expression: unbounded amplifiers and regular expressions that can backtrack for ever. */
export function expressionProblems(text: string): string[] {
  let ast: Node;
  try {
    ast = parseExpression(text) as unknown as Node;
  } catch {
    return []; // Vega reports a syntax error itself when the chart is compiled.
  }
  const out: string[] = [];
  const literal = (n: unknown): number | string | undefined => {
    const node = n as Node | undefined;
    if (node?.type === 'Literal' && (typeof node['value'] === 'number' || typeof node['value'] === 'string'))
      return node['value'] as number | string;
    if (node?.type === 'UnaryExpression' && node['operator'] === '-') {
      const v = literal(node['argument']);
      return typeof v === 'number' ? -v : undefined;
    }
    return undefined;
  };
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    const node = n as Node;
    if (node.type === 'Literal' && node['regex']) {
      const why = unsafePattern(String((node['regex'] as { pattern: string }).pattern));
      if (why) out.push(why);
    }
    if (node.type === 'CallExpression' && (node['callee'] as Node | undefined)?.type === 'Identifier') {
      const name = String((node['callee'] as Node)['name']);
      const args = (node['arguments'] as unknown[]) ?? [];
      if (name === 'regexp') {
        const pattern = literal(args[0]);
        if (typeof pattern !== 'string')
          out.push('a regular expression made from data (write the pattern itself, in quotes)');
        else {
          const why = unsafePattern(pattern);
          if (why) out.push(why);
        }
      }
      if (name === 'pad') {
        const length = literal(args[1]);
        if (typeof length !== 'number') out.push('pad with a length that is not a plain number');
        else if (length > MAX_PAD) out.push(`pad to ${length} characters (at most ${MAX_PAD})`);
      }
      if (name === 'sequence') {
        const nums = args.map(literal);
        const [a, b, c] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
        const why = sequenceProblem(a, b, c);
        if (why) out.push(why);
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'type' && k !== 'regex') visit(v);
  };
  visit(ast);
  return out;
}

/**
 * Why a regular expression can take exponential time, or undefined: a repeated group that itself holds a
 * repetition or an alternative (`(a+)+`, `(a|aa)*`), a back-reference, or a very long pattern.
 */
export function unsafePattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN) return `a regular expression longer than ${MAX_PATTERN} characters`;
  const risky =
    'a regular expression that repeats a group which itself repeats or has alternatives (it can take for ever on some text)';
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? '')) return 'a regular expression with a back-reference';
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    const quantifier = c === '*' || c === '+' || c === '{' || (c === '?' && pattern[i - 1] !== '(');
    if (c === '(') stack.push(false);
    else if (c === ')') {
      const inner = stack.pop() ?? false;
      const next = pattern[i + 1];
      const repeated = next === '*' || next === '+' || next === '{';
      if (inner && repeated) return risky;
      if (stack.length && (inner || repeated)) stack[stack.length - 1] = true;
    } else if ((quantifier || c === '|') && stack.length) stack[stack.length - 1] = true;
  }
  return undefined;
}
