/**
 * A chapter's finished site HTML (links resolved, then the site's touches), kept by the rendered
 * chapter it was made from. The dev server reuses rendered chapters (render/document.ts), so after an
 * edit only the chapters rendered again are finished again; the others' HTML is reused as it was,
 * provided the document's ids and numbers (which every cross-reference reads) and the options are the
 * same. In a one-off build every chapter is new, and this is simply the two steps.
 *
 * The section's page and the single page differ before the touches only in the addresses of
 * cross-references, so a chapter's HTML is parsed once for both (the parse is most of the work: the
 * charts' SVG is half of the bytes) and each takes a copy of the tree with its own addresses.
 *
 * The data blocks (tables, charts, diagrams: the bulk of those bytes) arrive as finished HTML, and are
 * finished apart from the chapter's own text, each by its content: the chapter is parsed with a marker
 * (a comment) where each block goes, and each block's finished HTML replaces its marker in the
 * serialised page. A block with the same HTML and options is not parsed again, so an edit to a
 * chapter's words parses only its words, and a KPI edit only the blocks that show the KPI. The bytes
 * are those of one parse of the whole: a block is a complete fragment in flow content, and every
 * touch stays within an element of it, but the priority cards, numbered across the chapter, whose
 * count is carried from block to block in document order.
 */
import type { AnchorIndex } from '../render/markdown/headings.js';
import type { RenderedChapter } from '../render/markdown/chapter.js';
import { randomUUID } from 'node:crypto';
import type { Nodes, Root } from 'hast';
import { chapterHtml, useSiteHrefs } from './links.js';
import { cloneTree, parseHtmlFragment } from './html-tree.js';
import { finishedSiteHtml, type FinishState, type SiteHtmlOptions } from './site-html.js';

/** Counts for tests and the bench: chapter HTML finished, and reused; blocks finished, and reused. */
export const chapterHtmlStats = { finished: 0, reused: 0, blocksFinished: 0, blocksReused: 0 };

/**
 * The marker of a block's place: a comment no chapter can hold (the sanitiser drops comments, and the
 * name is new in each process), numbered by the block's place in the chapter.
 */
const BLOCK_MARK = `csp-block-${randomUUID()}:`;

/** A chapter's site tree with each block (a raw node) replaced by its marker, and the blocks' HTML in order. */
const skeletons = new WeakMap<RenderedChapter, { chapter: RenderedChapter; blocks: string[] }>();

function skeletonOf(chapter: RenderedChapter): { chapter: RenderedChapter; blocks: string[] } {
  let kept = skeletons.get(chapter);
  if (!kept) {
    const blocks: string[] = [];
    const mark = (node: Nodes): Nodes => {
      if ((node.type as string) === 'raw') {
        blocks.push((node as unknown as { value: string }).value);
        return { type: 'comment', value: `${BLOCK_MARK}${blocks.length - 1}` };
      }
      if (!('children' in node)) return node;
      return { ...node, children: node.children.map(mark) } as Nodes;
    };
    kept = { chapter: { ...chapter, site: mark(chapter.site) as Root }, blocks };
    skeletons.set(chapter, kept);
  }
  return kept;
}

const done = new WeakMap<RenderedChapter, Map<string, string>>();
const indexKeys = new WeakMap<AnchorIndex, string>();

/** What of the index a chapter's links read: each anchor's id, number, title, section and kind. */
function indexKey(index: AnchorIndex): string {
  let key = indexKeys.get(index);
  if (key === undefined) {
    key = JSON.stringify([...index.byId.values()].map((a) => [a.id, a.number, a.title, a.sectionId, a.kind]));
    indexKeys.set(index, key);
  }
  return key;
}

interface FinishedBlock {
  /** The options and first card it was finished with, and its HTML as rendered: where it is kept. */
  key: string;
  from: string;
  html: string;
  cards: number;
}

/**
 * Finished blocks by the options and priority card they start at, then by their HTML (a block's own
 * string as the key, whose hash the engine keeps), kept while a chapter's last finishing used them (by
 * chapter and mode), so a dev server's save finishes only what changed and earlier saves' blocks go.
 */
const finishedBlocks = new Map<string, Map<string, FinishedBlock>>();
const blocksOf = new Map<string, Set<FinishedBlock>>();

function finishedBlock(key: string, html: string, options: SiteHtmlOptions, card: number): FinishedBlock {
  let byHtml = finishedBlocks.get(key);
  if (!byHtml) {
    byHtml = new Map();
    finishedBlocks.set(key, byHtml);
  }
  let kept = byHtml.get(html);
  if (kept) chapterHtmlStats.blocksReused++;
  else {
    chapterHtmlStats.blocksFinished++;
    const state: FinishState = { card };
    const finished = finishedSiteHtml(parseHtmlFragment(html), options, state);
    kept = { key, from: html, html: finished, cards: state.card - card };
    byHtml.set(html, kept);
  }
  return kept;
}

/** The finished chapter: its words finished in the tree, each block's finished HTML at its marker. */
function finishWithBlocks(
  owner: string,
  tree: Root,
  blocks: readonly string[],
  options: SiteHtmlOptions,
  optionsKey: string,
): string {
  const finished = new Map<string, string>();
  const used = new Set<FinishedBlock>();
  const state: FinishState = {
    card: 0,
    onComment: (value, st) => {
      if (!value.startsWith(BLOCK_MARK)) return;
      const done = finishedBlock(
        `${optionsKey}\0${st.card}`,
        blocks[Number(value.slice(BLOCK_MARK.length))] ?? '',
        options,
        st.card,
      );
      used.add(done);
      st.card += done.cards;
      finished.set(value, done.html);
    },
  };
  const html = finishedSiteHtml(tree, options, state);
  const before = blocksOf.get(owner);
  blocksOf.set(owner, used);
  for (const block of before ?? []) {
    if (used.has(block) || [...blocksOf.values()].some((kept) => kept.has(block))) continue;
    const byHtml = finishedBlocks.get(block.key);
    byHtml?.delete(block.from);
    if (byHtml?.size === 0) finishedBlocks.delete(block.key);
  }
  return html.replace(MARKER, (_m, value: string) => finished.get(value) ?? '');
}

const MARKER = new RegExp(`<!--(${BLOCK_MARK}\\d+)-->`, 'g');

/**
 * The parsed page-mode HTML of a chapter with both modes' addresses, until both modes have taken a
 * copy (then it is dropped, so the dev server does not keep a tree per chapter between builds).
 */
const parsed = new WeakMap<RenderedChapter, { key: string; tree: Root; taken: Set<string> }>();

function parsedChapter(chapter: RenderedChapter, index: AnchorIndex, mode: 'page' | 'single'): Root {
  const key = indexKey(index);
  let kept = parsed.get(chapter);
  if (kept?.key !== key) {
    kept = {
      key,
      tree: parseHtmlFragment(chapterHtml(skeletonOf(chapter).chapter, index, 'page', { singleHrefs: true })),
      taken: new Set(),
    };
    parsed.set(chapter, kept);
  }
  kept.taken.add(mode);
  if (kept.taken.size === 2) parsed.delete(chapter);
  const tree = cloneTree(kept.tree);
  useSiteHrefs(tree, mode);
  return tree;
}

/** finishSiteHtml(chapterHtml(chapter, index, mode), options), made once per chapter, index and options. */
export function siteChapterHtml(
  chapter: RenderedChapter,
  index: AnchorIndex,
  mode: 'page' | 'single',
  options: SiteHtmlOptions,
): string {
  const optionsKey = JSON.stringify(options, (_k, v: unknown) => (v instanceof Set ? [...v] : v));
  const key = `${mode}\0${optionsKey}\0${indexKey(index)}`;
  let forChapter = done.get(chapter);
  const hit = forChapter?.get(key);
  if (hit !== undefined) {
    chapterHtmlStats.reused++;
    return hit;
  }
  chapterHtmlStats.finished++;
  const html = finishWithBlocks(
    `${mode}\0${chapter.id}`,
    parsedChapter(chapter, index, mode),
    skeletonOf(chapter).blocks,
    options,
    optionsKey,
  );
  if (!forChapter) {
    forChapter = new Map();
    done.set(chapter, forChapter);
  }
  // One entry per mode: a new index or new options replace the old.
  for (const k of forChapter.keys()) if (k.startsWith(`${mode}\0`)) forChapter.delete(k);
  forChapter.set(key, html);
  return html;
}
