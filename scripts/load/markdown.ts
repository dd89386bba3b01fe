/**
 * Parsing a chapter's Markdown: CommonMark + GFM (tables, footnotes, task lists, autolinks) and
 * generic directives (`::kpi-table{priority=vawg}`), which stay readable in a plain Markdown preview.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/**
 * Parsed trees by text, for the dev server's rebuilds: parsing is the costliest step of preparing a
 * chapter, and callers mutate the tree, so each caller gets its own copy. Bounded, oldest out first.
 */
const memo = new Map<string, Root>();
const MEMO_SIZE = 256;

export function parseMarkdown(body: string): Root {
  let tree = memo.get(body);
  if (!tree) {
    tree = parser.runSync(parser.parse(body)) as Root;
    memo.set(body, tree);
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  return structuredClone(tree);
}
