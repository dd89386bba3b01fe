/**
 * Finishing a chapter's tree for one output. Cross-references become working links: across pages on
 * the site (`risk-register.html#r-04`), within the document on the single page and in the PDF
 * (`#r-04`). A link written with no text, `[](#id)`, gets the target's number and title.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Anchor, AnchorIndex } from '../render/markdown/headings.js';
import type { RenderedChapter } from '../render/markdown/chapter.js';
import { safeDecode } from '../util/url.js';

export type OutputMode = 'page' | 'single' | 'print';

export function pageHref(sectionId: string): string {
  return `${sectionId}.html`;
}

export function anchorHref(anchor: Anchor, mode: OutputMode, currentSection: string): string {
  if (mode !== 'page') return `#${anchor.id}`;
  if (anchor.kind === 'section') return pageHref(anchor.id);
  return anchor.sectionId === currentSection ? `#${anchor.id}` : `${pageHref(anchor.sectionId)}#${anchor.id}`;
}

export function anchorText(anchor: Anchor): string {
  const isAppendix = /^[A-Z]/.test(anchor.number);
  const noun = isAppendix && anchor.kind === 'section' ? 'appendix' : 'section';
  return anchor.number ? `${noun} ${anchor.number} (${anchor.title})` : anchor.title;
}

export function chapterHtml(chapter: RenderedChapter, index: AnchorIndex, mode: OutputMode): string {
  const tree = structuredClone(mode === 'print' ? chapter.print : chapter.site) as Root;
  visit(tree, 'element', (el: Element) => {
    if (el.tagName !== 'a') return;
    const href = el.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#')) return;
    const anchor = index.byId.get(safeDecode(href.slice(1)) ?? '');
    if (!anchor) return; // footnotes, or an unknown id already reported
    el.properties['href'] = anchorHref(anchor, mode, chapter.id);
    if (el.children.length === 0) el.children = [{ type: 'text', value: anchorText(anchor) }];
  });
  return toHtml(tree, { allowDangerousHtml: true });
}
