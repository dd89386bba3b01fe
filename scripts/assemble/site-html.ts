/**
 * The last touches a chapter's HTML gets for the website (never the PDF), applied to the whole page body
 * after the data blocks are in place, because blocks arrive as finished HTML:
 *
 * - codes and periods in tables ("sv-a1", "2027-28 Q4", "2030-31") are kept on one line;
 * - a risk rating's band is shown in words beside its colour ("B2 High"), not only to screen readers;
 * - a chart is never drawn smaller than its natural size allows for 11 px text: on a phone its drawing
 *   scrolls sideways inside a named, focusable region instead of shrinking;
 * - ids that each chapter repeats (the footnotes' heading) are made unique on the single page.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { parseHtmlFragment } from './html-tree.js';

/** The smallest text a chart may show on screen, in CSS pixels. */
export const MIN_CHART_TEXT_PX = 11;

/** Periods (2027-28, 2027-28 Q4, 2027-04, 2028-05-15) and short codes with a digit (sv-a1, R-04, E22000123). */
const UNBREAKABLE =
  /\b(?:\d{4}-\d{2}(?:-\d{2})?(?: Q[1-4])?|Q[1-4] \d{4}-\d{2}|[A-Za-z]{1,6}-(?=[A-Za-z]{0,5}\d)[A-Za-z0-9]{1,6}(?:-[A-Za-z0-9]{1,4})?)\b/g;

const classes = (el: Element): string[] => {
  const c: unknown = el.properties['className'];
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const hasClass = (el: Element, name: string) => classes(el).includes(name);

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/** Wrap every code or period in a text node of a table cell in `<span class="nowrap">`. */
function keepCodesWhole(cell: Element): void {
  visit(cell, 'text', (node, index, parent) => {
    if (!parent || index === undefined || (parent.type === 'element' && hasClass(parent, 'nowrap'))) return;
    const value = node.value;
    const parts: ElementContent[] = [];
    let last = 0;
    for (const m of value.matchAll(UNBREAKABLE)) {
      if (m.index > last) parts.push({ type: 'text', value: value.slice(last, m.index) });
      parts.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['nowrap'] },
        children: [{ type: 'text', value: m[0] }],
      });
      last = m.index + m[0].length;
    }
    if (parts.length === 0) return;
    if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
    (parent as Element).children.splice(index, 1, ...parts);
    return index + parts.length;
  });
}

/** The smallest font size inside an SVG, in its own units; undefined when it has no text. */
function smallestFont(svg: Element): number | undefined {
  let min: number | undefined;
  visit(svg, 'element', (el: Element) => {
    const raw = el.properties['fontSize'] ?? /font-size:\s*([\d.]+)px/.exec(String(el.properties['style'] ?? ''))?.[1];
    const size = raw === undefined ? NaN : Number.parseFloat(String(raw));
    if (Number.isFinite(size) && size > 0) min = min === undefined ? size : Math.min(min, size);
  });
  return min;
}

/** A chart's drawing keeps at least the width at which its smallest text is 11 px; wider columns scale it up to fit. */
function keepChartLegible(image: Element, label: string): void {
  const svg = image.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!svg) return;
  const width = Number(svg.properties['width']);
  const font = smallestFont(svg);
  if (!Number.isFinite(width) || width <= 0 || font === undefined) return;
  const minWidth = Math.ceil((width * MIN_CHART_TEXT_PX) / font);
  svg.properties['style'] = `min-width:${minWidth}px`;
  // When the column is narrower than that, the drawing scrolls inside a region a keyboard can reach (WCAG 2.1.1).
  image.properties = { ...image.properties, role: 'region', ariaLabel: `Chart: ${label}`, tabIndex: 0 };
}

/** Show the band of a risk rating in words next to its coloured tag. */
function showRatingWords(parent: Element): void {
  parent.children.forEach((child, i) => {
    if (child.type !== 'element' || !hasClass(child, 'govuk-visually-hidden')) return;
    const prev = parent.children[i - 1];
    if (prev?.type !== 'element' || !hasClass(prev, 'govuk-tag')) return;
    const band = /^\s*\((high|medium|low)\)\s*$/i.exec(textOf(child))?.[1];
    if (!band) return;
    parent.children[i] = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['tag-word'] },
      children: [{ type: 'text', value: ` ${band[0]!.toUpperCase()}${band.slice(1).toLowerCase()}` }],
    };
  });
}

/** Text-heavy tables that become one card per row on a phone; number tables scroll instead. */
const STACKED_TABLES = [
  'risk-table',
  'action-table',
  'eqia-table',
  'governance-table',
  'horizon-table',
  'coverage-table',
];

const childElements = (el: Element, tag?: string): Element[] =>
  el.children.filter((c): c is Element => c.type === 'element' && (tag === undefined || c.tagName === tag));

/**
 * Give each body cell its column's header as `data-label`, so the phone layout can show it as a label.
 * (Explicit table roles would keep the semantics under `display: block`, but the HTML standard forbids
 * them on native table elements; the cells' own headers stay in the markup.)
 */
function stackOnPhones(table: Element): void {
  const head = childElements(table, 'thead')[0];
  const headerRow = head ? childElements(head, 'tr').at(-1) : undefined;
  if (!headerRow) return;
  const labels: string[] = [];
  for (const th of childElements(headerRow)) {
    const span = Number(th.properties['colSpan'] ?? 1) || 1;
    for (let i = 0; i < span; i++) labels.push(textOf(th).replace(/\s+/g, ' ').trim());
  }
  table.properties['className'] = [...classes(table), 'table-stack'];
  for (const group of childElements(table)) {
    if (group.tagName === 'caption') continue;
    for (const row of childElements(group, 'tr')) {
      let col = 0;
      for (const cell of childElements(row)) {
        const span = Number(cell.properties['colSpan'] ?? 1) || 1;
        if (group.tagName !== 'thead' && span === 1 && labels[col]) cell.properties['dataLabel'] = labels[col];
        col += span;
      }
    }
  }
}

export interface SiteHtmlOptions {
  /** Suffix for ids that every chapter repeats, on a page that holds several chapters. */
  idSuffix?: string;
  /** The page of each priority, in order: a priority card's title links to it. */
  priorityLinks?: string[];
  /**
   * The sections this page holds (the single page): a link to one of their pages, `delivery-plans.html#kpi-sv-01`
   * as a block's HTML writes it, stays on this page (`#kpi-sv-01`). Links to other pages are left alone.
   */
  sectionsHere?: ReadonlySet<string>;
}

/** `#anchor` (or `#section`) for a link to a section this page holds; undefined for any other link. */
function linkWithinPage(href: string, sections: ReadonlySet<string>): string | undefined {
  const m = /^([a-z0-9-]+)\.html(?:#(.*))?$/.exec(href);
  if (!m || !sections.has(m[1]!)) return undefined;
  return `#${m[2] || m[1]}`;
}

/**
 * Where a tree's finishing stands: the priority cards linked so far (they are numbered in document order
 * across the chapter), and what to do at a comment (a block finished apart, chapter-html.ts).
 */
export interface FinishState {
  card: number;
  onComment?: (value: string, state: FinishState) => void;
}

export function finishSiteTree(tree: Root, opts: SiteHtmlOptions = {}, state: FinishState = { card: 0 }): void {
  visit(tree, (node) => {
    if (node.type === 'comment') state.onComment?.(node.value, state);
    if (node.type !== 'element') return;
    const el = node;
    if (hasClass(el, 'priority-card__title') && opts.priorityLinks?.[state.card]) {
      const href = opts.priorityLinks[state.card++]!;
      const number = el.children.filter((c) => c.type === 'element' && hasClass(c, 'priority-card__number'));
      const rest = el.children.filter((c) => !number.includes(c));
      el.children = [
        ...number,
        { type: 'element', tagName: 'a', properties: { className: ['govuk-link'], href }, children: rest },
      ];
    }
    if (el.tagName === 'a' && opts.sectionsHere && typeof el.properties['href'] === 'string') {
      const within = linkWithinPage(el.properties['href'], opts.sectionsHere);
      if (within) el.properties['href'] = within;
    }
    if (el.tagName === 'td' || el.tagName === 'th') {
      keepCodesWhole(el);
      showRatingWords(el);
    }
    if (el.tagName === 'table' && STACKED_TABLES.some((c) => hasClass(el, c))) stackOnPhones(el);
    if (el.tagName === 'figure' && hasClass(el, 'chart')) {
      let title = '';
      visit(el, 'element', (c: Element) => {
        if (!title && hasClass(c, 'chart__title')) title = textOf(c).trim();
      });
      for (const image of el.children)
        if (image.type === 'element' && hasClass(image, 'chart__image')) keepChartLegible(image, title || 'the chart');
    }
    if (opts.idSuffix) {
      if (el.properties['id'] === 'footnote-label') el.properties['id'] = `footnote-label-${opts.idSuffix}`;
      for (const attr of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        const v: unknown = el.properties[attr];
        const list: string[] | undefined = Array.isArray(v)
          ? v.map(String)
          : typeof v === 'string'
            ? v.split(/\s+/)
            : undefined;
        if (list?.includes('footnote-label'))
          el.properties[attr] = list.map((x: string) =>
            x === 'footnote-label' ? `footnote-label-${opts.idSuffix}` : x,
          );
      }
    }
  });
}

/** A chapter's site HTML with the touches above. */
export function finishSiteHtml(html: string, opts: SiteHtmlOptions = {}): string {
  return finishedSiteHtml(parseHtmlFragment(html), opts);
}

/** The same from a tree already parsed from a chapter's HTML (it is changed). */
export function finishedSiteHtml(tree: Root, opts: SiteHtmlOptions = {}, state?: FinishState): string {
  finishSiteTree(tree, opts, state);
  return toHtml(tree, { allowDangerousHtml: true });
}
