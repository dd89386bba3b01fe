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
 */
import type { AnchorIndex } from '../render/markdown/headings.js';
import type { RenderedChapter } from '../render/markdown/chapter.js';
import type { Root } from 'hast';
import { chapterHtml, useSiteHrefs } from './links.js';
import { cloneTree, parseHtmlFragment } from './html-tree.js';
import { finishedSiteHtml, type SiteHtmlOptions } from './site-html.js';

/** Counts for tests and the bench: chapter HTML finished, and reused. */
export const chapterHtmlStats = { finished: 0, reused: 0 };

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
      tree: parseHtmlFragment(chapterHtml(chapter, index, 'page', { singleHrefs: true })),
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
  const key = `${mode}\0${JSON.stringify(options, (_k, v: unknown) => (v instanceof Set ? [...v] : v))}\0${indexKey(index)}`;
  let forChapter = done.get(chapter);
  const hit = forChapter?.get(key);
  if (hit !== undefined) {
    chapterHtmlStats.reused++;
    return hit;
  }
  chapterHtmlStats.finished++;
  const html = finishedSiteHtml(parsedChapter(chapter, index, mode), options);
  if (!forChapter) {
    forChapter = new Map();
    done.set(chapter, forChapter);
  }
  // One entry per mode: a new index or new options replace the old.
  for (const k of forChapter.keys()) if (k.startsWith(`${mode}\0`)) forChapter.delete(k);
  forChapter.set(key, html);
  return html;
}
