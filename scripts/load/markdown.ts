/**
 * Parsing a chapter's Markdown: CommonMark + GFM (tables, footnotes, task lists, autolinks) and
 * generic directives (`::kpi-table{priority=vawg}`), which stay readable in a plain Markdown preview.
 *
 * This is the first step of the chapter pipeline (render/markdown/pipeline.ts runs the rest on the tree
 * it gives) and the only one that reads the officer's text. `parseMarkdownText` is that step alone:
 * a string in, a plain mdast tree out (no functions, no shared state), and it runs in the sandbox
 * worker (./parse-chapters.ts), its result posted back. Load uses the same parse to take inline ```chart blocks out.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The micromark and mdast extensions of a chapter's syntax, as one unified preset. */
export const chapterSyntax = { plugins: [remarkParse, remarkGfm, remarkDirective] };

/** Made when first used: joining the syntax extensions takes a while, and a check whose chapters are kept parses none. */
let parser: ReturnType<typeof makeParser> | undefined;
const makeParser = () => unified().use(chapterSyntax).freeze();

/** Parse a chapter's Markdown body (after its front matter) to mdast. Pure. */
export function parseMarkdownText(body: string): Root {
  parser ??= makeParser();
  return parser.runSync(parser.parse(body)) as Root;
}

/**
 * Parsed trees by text, for the dev server's rebuilds: parsing is the costliest step of preparing a
 * chapter, and callers mutate the tree, so each caller gets its own copy. Bounded, oldest out first.
 */
const memo = new Map<string, Root>();
const MEMO_SIZE = 256;

/** Keep a tree parsed elsewhere (the sandbox worker, ./parse-chapters.ts) for `parseMarkdown`. */
export function rememberTree(body: string, tree: Root): void {
  memo.set(body, tree);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
}

/** Whether `parseMarkdown(body)` is answered from what was already parsed. */
export const isParsed = (body: string): boolean => memo.has(body);

/**
 * A chapter's tree, a copy of its own. The build parses every chapter in the sandbox first
 * (`parseChapters`), so this finds it parsed; other callers (tests, tools) parse here.
 */
export function parseMarkdown(body: string): Root {
  return structuredClone(keptTree(body));
}

/**
 * The kept tree itself, not a copy, for a caller that only reads it and keeps nothing of it (load's
 * search for ```chart blocks). Changing it would change every later `parseMarkdown` of the same text.
 */
export function readOnlyTree(body: string): Readonly<Root> {
  return keptTree(body);
}

function keptTree(body: string): Root {
  let tree = memo.get(body);
  if (!tree) {
    tree = parseMarkdownText(body);
    rememberTree(body, tree);
  }
  return tree;
}
