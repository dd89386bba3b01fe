/**
 * Pass 1 of rendering a chapter (chapter.ts describes both): parse, number headings and register every
 * id in the document-wide index. Kept apart from pass 2 so that it loads no data block, chart or HTML code.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseMarkdown } from '../../load/markdown.js';
import type { ChapterInfo } from '../../validate/chapters.js';
import { type Anchor, type AnchorIndex, numberHeadings } from './headings.js';

export interface PreparedChapter extends ChapterInfo {
  tree: MdastRoot;
  anchors: Anchor[];
}

export interface RenderedChapter extends ChapterInfo {
  /** The sanitised tree with blocks in place (as `raw` nodes of their site variant). */
  site: HastRoot;
  /** The same with print variants of blocks (visible data tables). */
  print: HastRoot;
  anchors: Anchor[];
  /** The chapter's first paragraph as text, for the contents and search. */
  summary: string;
  /** Images referenced, relative to the root, to copy into the site. */
  images: string[];
}

/**
 * Pass 1: parse, number headings and register every id in the document-wide index (which must be
 * complete before any chapter's cross-references are checked, and keys the dev server's cache).
 */
export function prepareChapter(
  info: ChapterInfo,
  index: AnchorIndex,
): { prepared: PreparedChapter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const tree = parseMarkdown(info.chapter.body);
  const sectionAnchor: Anchor = {
    id: info.id,
    number: info.label,
    title: info.title,
    sectionId: info.id,
    kind: 'section',
    depth: 1,
    file: info.chapter.file,
    ...info.chapter.frontSource.locate(['title']),
  };
  index.add(sectionAnchor, diagnostics);
  const { anchors, diagnostics: ds } = numberHeadings(
    tree,
    { label: info.label, id: info.id, file: info.chapter.file, lineOffset: info.chapter.bodyLineOffset },
    index,
  );
  diagnostics.push(...ds);
  return { prepared: { ...info, tree, anchors: [sectionAnchor, ...anchors] }, diagnostics };
}
