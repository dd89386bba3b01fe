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

export function parseMarkdown(body: string): Root {
  return parser.runSync(parser.parse(body)) as Root;
}
