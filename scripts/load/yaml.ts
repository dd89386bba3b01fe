/**
 * YAML with positions. Documents are parsed with the `yaml` package's YAML 1.2 core schema (so dates
 * and "no" stay text), duplicate keys are errors, anchors and aliases are refused outright (no
 * "billion laughs"), and nesting is bounded. Every value can be traced back to its line and column
 * through `locate(path)`, which is how schema and rule diagnostics point at the right line.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { cachedParse, parseKey, storeParse } from './parse-cache.js';

export const MAX_YAML_DEPTH = 32;

export type PathSegment = string | number;

export interface YamlSource {
  file: string;
  value: unknown;
  /** The position of the value at `path` (or of its nearest existing parent). */
  locate(path: readonly PathSegment[]): Position;
  /** The position of the key of the pair at `path`, for "unknown key" diagnostics. */
  locateKey(path: readonly PathSegment[]): Position;
}

export interface YamlResult {
  source: YamlSource;
  diagnostics: Diagnostic[];
}

function positionAt(lc: LineCounter, offset: number): Position {
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/**
 * What a clean parse keeps (./parse-cache.ts): the value, and the position of every node in the form
 * `locate` walks it — a map's pairs by key (each with its key's position), a sequence's items by index.
 * Positions are in the text itself; the line offset is added when a source is made from them.
 */
interface KeptYaml {
  value: unknown;
  tree: PositionTree;
}
interface PositionTree {
  at: [number, number];
  map?: [string, [number, number], PositionTree][];
  seq?: PositionTree[];
}

/**
 * Parse YAML text. On errors, `source.value` is undefined and every error is listed. A text parsed
 * cleanly before (by this process or, through the tool's disk cache, an earlier one) is not parsed again.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): YamlResult {
  const key = parseKey('yaml', text);
  const kept = cachedParse<KeptYaml>('yaml', key);
  if (kept) return { source: keptSource(kept, file, lineOffset), diagnostics: [] };
  const parsed = parseYamlText(text, file, lineOffset);
  if (parsed.kept) storeParse('yaml', key, parsed.kept);
  return { source: parsed.source, diagnostics: parsed.diagnostics };
}

/** A source answering `locate` and `locateKey` from kept positions exactly as one over the document does. */
function keptSource(kept: KeptYaml, file: string, lineOffset: number): YamlSource {
  const nodeAt = (path: readonly PathSegment[]): { node: PositionTree; key: [number, number] | undefined } => {
    let node: PositionTree = kept.tree;
    let key: [number, number] | undefined;
    for (const seg of path) {
      const pair: [string, [number, number], PositionTree] | undefined = node.map?.find(([k]) => k === String(seg));
      const item = node.seq && typeof seg === 'number' ? node.seq[seg] : undefined;
      if (node.map && pair) {
        key = pair[1];
        node = pair[2];
      } else if (item) {
        node = item;
        key = undefined;
      } else break;
    }
    return { node, key };
  };
  const at = ([line, column]: [number, number]): Position => ({ line: line + lineOffset, column });
  return {
    file,
    value: kept.value,
    locate: (path) => at(nodeAt(path).node.at),
    locateKey: (path) => {
      const { node, key } = nodeAt(path);
      return at(key ?? node.at);
    },
  };
}

/** The positions of `node` and everything under it, as `nodeAt` below finds them. */
function positionTree(node: unknown, lc: LineCounter): PositionTree {
  const pos = (n: unknown): [number, number] => {
    const { line, col } = lc.linePos((n as Node | null)?.range?.[0] ?? 0);
    return [line, col];
  };
  const tree: PositionTree = { at: pos(node) };
  if (isMap(node))
    tree.map = node.items.flatMap((p) =>
      isPair(p) && isScalar(p.key)
        ? [
            [String(p.key.value), pos(p.key), positionTree(p.value ?? p.key, lc)] as [
              string,
              [number, number],
              PositionTree,
            ],
          ]
        : [],
    );
  else if (isSeq(node)) tree.seq = node.items.map((item) => positionTree(item, lc));
  return tree;
}

function parseYamlText(text: string, file: string, lineOffset: number): YamlResult & { kept?: KeptYaml } {
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    strict: true,
  });
  const shift = (p: Position): Position => ({ line: p.line + lineOffset, column: p.column });
  const diagnostics: Diagnostic[] = [];

  // A tab used for indentation derails the parser, which then complains about every later line: report
  // the tabs alone, since they are the one mistake to fix.
  const lines = text.split('\n');
  const tabbed = lines.flatMap((l, i) => (/^ *\t/.test(l) && l.trim() !== '' && !isInBlockScalar(lines, i) ? [i] : []));
  for (const i of tabbed)
    diagnostics.push(diag('yaml/tab-indent', file, shift({ line: i + 1, column: lines[i]!.indexOf('\t') + 1 })));

  for (const err of tabbed.length ? [] : doc.errors) {
    const at = shift(positionAt(lc, err.pos[0]));
    if (/call stack/i.test(err.message)) {
      // Nesting thousands deep (`[[[[…`) overflows the parser's stack; it is the same refusal as too-deep.
      if (!diagnostics.some((d) => d.ruleId === 'yaml/too-deep'))
        diagnostics.push(diag('yaml/too-deep', file, at, [String(MAX_YAML_DEPTH)]));
    } else if (err.code === 'MULTIPLE_DOCS') {
      diagnostics.push(
        diag('yaml/syntax', file, at, [
          'a line of three dashes (---) starts a second document, and a data file holds only one',
        ]),
      );
    } else if (err.code === 'DUPLICATE_KEY') {
      const key = /"?([^"]+)"?/.exec(err.message.replace(/^Map keys must be unique.*?:?\s*/, ''))?.[1] ?? '';
      diagnostics.push(diag('yaml/duplicate-key', file, at, [duplicateKeyAt(text, err.pos[0]) ?? key]));
    } else if (
      err.code === 'TAB_AS_INDENT' ||
      (/\btab/i.test(err.message) && /\t/.test(lineOf(text, at.line - lineOffset)))
    ) {
      diagnostics.push(diag('yaml/tab-indent', file, at));
    } else {
      diagnostics.push(diag('yaml/syntax', file, at, [plainYamlError(err.message)]));
    }
  }
  if (diagnostics.length === 0) {
    let aliasFound = false;
    visit(doc, {
      Alias(_key, node) {
        if (!aliasFound) {
          aliasFound = true;
          diagnostics.push(diag('yaml/alias', file, shift(positionAt(lc, node.range?.[0] ?? 0))));
        }
        return visit.BREAK;
      },
    });
    const deep = findTooDeep(doc.contents as Node | null, 0);
    if (deep)
      diagnostics.push(
        diag('yaml/too-deep', file, shift(positionAt(lc, deep.range?.[0] ?? 0)), [String(MAX_YAML_DEPTH)]),
      );
  }

  const value = diagnostics.length === 0 ? doc.toJS({ maxAliasCount: 0 }) : undefined;
  const nodeAt = (path: readonly PathSegment[]): { node: Node | null; key: Node | null } => {
    let node: unknown = doc.contents;
    let key: Node | null = null;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        key = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
        node = node.items[seg];
        key = null;
      } else break;
    }
    return { node: (node as Node | null) ?? null, key };
  };
  const source: YamlSource = {
    file,
    value,
    locate(path) {
      const { node } = nodeAt(path);
      return shift(positionAt(lc, node?.range?.[0] ?? 0));
    },
    locateKey(path) {
      const { node, key } = nodeAt(path);
      return shift(positionAt(lc, (key ?? node)?.range?.[0] ?? 0));
    },
  };
  return diagnostics.length === 0
    ? { source, diagnostics, kept: { value, tree: positionTree(doc.contents, lc) } }
    : { source, diagnostics };
}

function lineOf(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}

function isInBlockScalar(lines: string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (/^\S/.test(l) || /^ *- /.test(l) || /:\s*$/.test(l)) return false;
    if (/[:-]\s*[|>][+-]?\d*\s*$/.test(l)) return true;
  }
  return false;
}

function duplicateKeyAt(text: string, offset: number): string | undefined {
  const rest = text.slice(offset);
  return /^["']?([^"':\n]+)["']?\s*:/.exec(rest)?.[1]?.trim();
}

function findTooDeep(node: Node | null, depth: number): Node | null {
  if (!node || !isCollection(node)) return null;
  if (depth >= MAX_YAML_DEPTH) return node;
  for (const item of node.items) {
    const child = isPair(item) ? (item.value as Node | null) : (item as Node);
    const found = findTooDeep(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The yaml package's messages are precise but technical; keep the first sentence, without the code frame. */
function plainYamlError(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '')
    .replace(/^./, (c) => c.toLowerCase());
}

export { isAlias };
export type { Document };
