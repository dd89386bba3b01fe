/**
 * Finishing a chapter's tree for one output. Cross-references become working links: across pages on
 * the site (`risk-register.html#r-04`), within the document on the single page and in the PDF
 * (`#r-04`). A link written with no text, `[](#id)`, gets the target's number and title, and in the
 * PDF its page: "section 10: Risk Register" on the site, "section 10, Risk Register (page 62)" in
 * print. Written inside brackets, "([](#risk-register))", the page joins with a comma so brackets
 * never nest; after the same words, "Appendix A ([](#appendix-horizon-scan))", the number is not
 * repeated.
 *
 * In print, every disclosure (`<details>`) is printed open, as a box with its summary as a heading:
 * Chromium does not print the contents of a closed `<details>`.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { PRINT_PAGE } from '../figures/diagrams/pages.js';
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

/** "section 5.2" or "appendix A"; empty for an unnumbered heading. */
export function anchorLabel(anchor: Anchor): string {
  if (!anchor.number) return '';
  const noun = /^[A-Z]/.test(anchor.number) && anchor.kind === 'section' ? 'appendix' : 'section';
  return `${noun} ${anchor.number}`;
}

export interface XrefContext {
  /** The page the target starts on (print), or a placeholder of the same width while pages are unknown. */
  page?: string;
  /** The link is the whole content of a pair of brackets: "([](#id))". */
  inBrackets?: boolean;
  /** The words just before the link, e.g. "Appendix A (", to avoid repeating its label. */
  before?: string;
}

/** The text of an empty cross-reference link. */
export function anchorText(anchor: Anchor, ctx: XrefContext = {}): string {
  const label = anchorLabel(anchor);
  const before = (ctx.before ?? '').replace(/[\s(]+$/, '').toLowerCase();
  const repeated = label !== '' && (before.endsWith(` ${label.toLowerCase()}`) || before === label.toLowerCase());
  const print = ctx.page !== undefined;
  const base = label && !repeated ? `${label}${print ? ',' : ':'} ${anchor.title}` : anchor.title;
  if (!print) return base;
  return ctx.inBrackets ? `${base}, page ${ctx.page}` : `${base} (page ${ctx.page})`;
}

export interface ChapterHtmlOptions {
  /** Print: the page each anchor starts on; a missing page prints as a placeholder of two digits. */
  pageNumbers?: Map<string, number>;
  /**
   * Page mode only: each cross-reference also carries its single-page address, in `SINGLE_HREF`, so one
   * parse of the HTML serves both the section's page and the single page (`useSiteHrefs`).
   */
  singleHrefs?: boolean;
}

/**
 * The property (`data-csp-single-href`) that carries a cross-reference's single-page address beside its
 * page address. Only the tool writes it: sanitised content has no data attributes of its own.
 */
export const SINGLE_HREF = 'dataCspSingleHref';

/**
 * Keep the addresses of one mode in a tree parsed from `chapterHtml(…, 'page', { singleHrefs: true })`,
 * and drop the other: the tree is then the one the HTML of that mode parses to. The page address is
 * already in `href` (the other properties keep their order); the parser copies both to any link it
 * reopens.
 */
export function useSiteHrefs(node: Root | RootContent, mode: 'page' | 'single'): void {
  if (node.type === 'element' && SINGLE_HREF in node.properties) {
    if (mode === 'single') node.properties['href'] = node.properties[SINGLE_HREF] as string;
    delete node.properties[SINGLE_HREF];
  }
  if (node.type === 'element' && node.content) useSiteHrefs(node.content, mode);
  if ('children' in node) for (const child of node.children) useSiteHrefs(child, mode);
}

const textOf = (node: ElementContent | undefined): string => (node?.type === 'text' ? node.value : '');

/** A table this wide does not fit a portrait A4 column at 8.5pt: it gets a landscape page. */
export const LANDSCAPE_COLUMNS = 10;
/** Room for a heading above a landscape diagram, in CSS px (a 14pt heading with its margins). */
const HEADING_ROOM = 64;

const addClass = (el: Element, name: string) => {
  const cls = el.properties['className'];
  el.properties['className'] = [
    ...(Array.isArray(cls) ? cls.map(String) : typeof cls === 'string' ? String(cls).split(/\s+/) : []),
    name,
  ];
};

function columnCount(table: Element): number {
  let count = 0;
  visit(table, 'element', (row: Element) => {
    if (row.tagName !== 'tr' || count) return;
    count = row.children.filter((c) => c.type === 'element' && (c.tagName === 'th' || c.tagName === 'td')).length;
  });
  return count;
}

const hasClass = (el: Element, name: string) => {
  const cls = el.properties['className'];
  return Array.isArray(cls) && cls.map(String).includes(name);
};

/**
 * Print only: `<details>` becomes an open box, its `<summary>` a heading-like paragraph; a table of
 * LANDSCAPE_COLUMNS or more columns is marked `print-landscape` (print.css gives it a landscape page):
 * its wrapper, or the whole chart when it is a chart's data, together with the headings just before
 * it, so that no heading is left at the foot of the page before.
 */
function forPrint(tree: Root): void {
  const wide: Element[][] = [];
  const walk = (node: Root | Element, ancestors: (Root | Element)[]) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table' && columnCount(child) >= LANDSCAPE_COLUMNS)
        wide.push([...ancestors, node, child].filter((a): a is Element => a.type === 'element'));
      walk(child, [...ancestors, node]);
    }
  };
  walk(tree, []);
  const parentOf = new Map<Element, Root | Element>();
  visit(tree, 'element', (el: Element, _i, parent) => {
    if (parent) parentOf.set(el, parent as Root | Element);
  });
  for (const chain of wide) {
    const table = chain.at(-1)!;
    const chart = [...chain].reverse().find((a) => hasClass(a, 'chart'));
    const parent = chain.at(-2);
    const target = chart ?? (parent && parent.tagName === 'div' ? parent : table);
    if (hasClass(target, 'print-landscape')) continue;
    addClass(target, 'print-landscape');
    // The headings (and a lead-in paragraph after them) just before it go onto the same page.
    carryHeadings(target, true);
  }
  // A diagram drawn for a landscape page takes the headings just before it along when the page has room
  // for them above the drawing (a drawing is never scaled down to make room); a page change cannot be
  // avoided by break-after, so without this a heading would end the portrait page before it.
  visit(tree, 'element', (el: Element) => {
    if (!hasClass(el, 'diagram') || !hasClass(el, 'print-landscape')) return;
    const svg = el.children
      .flatMap((c) => (c.type === 'element' ? c.children : []))
      .find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
    const height = Number(svg?.properties['height']);
    if (Number.isFinite(height) && height + HEADING_ROOM <= PRINT_PAGE.landscape.height) carryHeadings(el, false);
  });

  function carryHeadings(target: Element, leadIn: boolean): void {
    const container = parentOf.get(target);
    if (!container) return;
    const siblings = (container.children as ElementContent[]).filter((c): c is Element => c.type === 'element');
    let i = siblings.indexOf(target) - 1;
    if (leadIn && siblings[i]?.tagName === 'p' && /^h[2-6]$/.test(siblings[i - 1]?.tagName ?? ''))
      addClass(siblings[i--]!, 'print-landscape');
    while (i >= 0 && /^h[2-6]$/.test(siblings[i]!.tagName)) addClass(siblings[i--]!, 'print-landscape');
  }
  visit(tree, 'element', (el: Element) => {
    if (el.tagName === 'details') {
      el.tagName = 'div';
      const cls = el.properties['className'];
      el.properties = {
        className: [
          'print-details',
          ...(Array.isArray(cls) ? cls.map(String).filter((c) => c !== 'govuk-details') : []),
        ],
      };
    } else if (el.tagName === 'summary') {
      el.tagName = 'p';
      el.properties = { className: ['print-details__summary'] };
    } else if (
      el.tagName === 'div' &&
      Array.isArray(el.properties['className']) &&
      el.properties['className'].includes('table-wrap')
    ) {
      // The site's scrolling region (focusable, named) means nothing on paper: a plain wrapper.
      delete el.properties['role'];
      delete el.properties['tabIndex'];
      delete el.properties['ariaLabel'];
    }
  });
}

export function chapterHtml(
  chapter: RenderedChapter,
  index: AnchorIndex,
  mode: OutputMode,
  opts: ChapterHtmlOptions = {},
): string {
  // In print, the blocks' HTML (raw nodes) is parsed into the tree too, so their disclosures open and
  // their wide tables turn. The site keeps it as it came.
  const tree =
    mode === 'print' ? (raw(structuredClone(chapter.print)) as Root) : (structuredClone(chapter.site) as Root);
  if (mode === 'print') forPrint(tree);
  visit(tree, 'element', (el: Element, i, parent) => {
    if (el.tagName !== 'a') return;
    const href = el.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#')) return;
    const anchor = index.byId.get(safeDecode(href.slice(1)) ?? '');
    if (!anchor) return; // footnotes, or an unknown id already reported
    el.properties['href'] = anchorHref(anchor, mode, chapter.id);
    if (opts.singleHrefs && mode === 'page') el.properties[SINGLE_HREF] = anchorHref(anchor, 'single', chapter.id);
    if (el.children.length !== 0) return;
    const siblings = parent && typeof i === 'number' ? (parent.children as ElementContent[]) : [];
    const before = textOf(siblings[(i ?? 0) - 1]);
    const after = textOf(siblings[(i ?? 0) + 1]);
    const ctx: XrefContext = { before, inBrackets: /\(\s*$/.test(before) && /^\s*\)/.test(after) };
    if (mode === 'print') {
      const page = opts.pageNumbers?.get(anchor.id);
      ctx.page = page === undefined ? '00' : String(page);
    }
    el.children = [{ type: 'text', value: anchorText(anchor, ctx) } satisfies Text];
  });
  return toHtml(tree, { allowDangerousHtml: true });
}
