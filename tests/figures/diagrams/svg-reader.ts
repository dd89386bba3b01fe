/**
 * Reads a diagram's SVG back into boxes, lines and texts, so the tests check what was drawn (the
 * bytes a browser and the PDF get), not the layout's own numbers.
 */
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  fontSize: number;
  bold: boolean;
  href?: string;
}

export interface DrawnBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Dashed border: a body outside the partnership, or a note. */
  dashed: boolean;
  texts: DrawnText[];
  /** The box's lines of text joined with spaces. */
  content: string;
}

export interface DrawnLine {
  points: { x: number; y: number }[];
  stroke: string;
  dash: string | undefined;
}

export interface DrawnDiagram {
  root: Element;
  width: number;
  height: number;
  boxes: DrawnBox[];
  lines: DrawnLine[];
  headings: DrawnText[];
  /** Every element inside the root <svg>. */
  elements: Element[];
}

const num = (v: unknown) => Number(v);
const children = (e: Element | Root): Element[] =>
  (e.children as { type: string }[]).filter((c): c is Element => c.type === 'element');
const textOf = (e: Element): string =>
  e.children.map((c) => (c.type === 'text' ? (c as Text).value : c.type === 'element' ? textOf(c) : '')).join('');

function readText(e: Element, href?: string): DrawnText {
  const t: DrawnText = {
    text: textOf(e),
    x: num(e.properties['x']),
    y: num(e.properties['y']),
    fontSize: num(e.properties['fontSize']),
    bold: e.properties['fontWeight'] === 'bold',
  };
  if (href) t.href = href;
  return t;
}

export function readDiagram(svg: string): DrawnDiagram {
  const tree = fromHtml(svg, { fragment: true, space: 'svg' });
  const root = children(tree)[0]!;
  const elements: Element[] = [];
  const walk = (e: Element) => {
    for (const c of children(e)) {
      elements.push(c);
      walk(c);
    }
  };
  walk(root);
  const groups = children(root).filter((c) => c.tagName === 'g');
  const [edgeGroup, boxGroup, headingGroup] = groups as [Element, Element, Element];
  const lines = children(edgeGroup).map((p) => ({
    points: String(p.properties['d'])
      .split(/\s+/)
      .map((s) => s.replace(/^[ML]/, '').split(',').map(Number))
      .map(([x, y]) => ({ x: x!, y: y! })),
    stroke: String(p.properties['stroke']),
    // hast reads a dash array as a list of numbers.
    dash:
      p.properties['strokeDashArray'] === undefined
        ? undefined
        : ([p.properties['strokeDashArray']].flat() as unknown[]).join(' '),
  }));
  const boxes = children(boxGroup).map((g) => {
    const [rect, ...rest] = children(g);
    const texts: DrawnText[] = [];
    for (const c of rest) {
      if (c.tagName === 'text') texts.push(readText(c));
      // A link may span several lines of text (one <a>, several <text>).
      if (c.tagName === 'a')
        for (const t of children(c)) if (t.tagName === 'text') texts.push(readText(t, String(c.properties['href'])));
    }
    const r = rect!.properties;
    return {
      x: num(r['x']),
      y: num(r['y']),
      width: num(r['width']),
      height: num(r['height']),
      dashed: r['strokeDashArray'] !== undefined,
      texts,
      content: texts.map((t) => t.text).join(' '),
    };
  });
  const headings = children(headingGroup).map((t) => readText(t));
  const [, , w, h] = String(root.properties['viewBox']).split(' ').map(Number);
  return { root, width: w!, height: h!, boxes, lines, headings, elements };
}

/** Words joined by single spaces, for comparing wrapped text with the data. */
export const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The one box whose text includes `text` (wrapped lines joined); fails loudly when not exactly one. */
export function boxWith(d: DrawnDiagram, text: string): DrawnBox {
  const found = d.boxes.filter((b) => b.content.includes(words(text)));
  if (found.length !== 1) throw new Error(`${found.length} boxes contain "${text}"`);
  return found[0]!;
}

/** The box a line's end touches (on or within 1.5 px of its border). */
export function boxAt(d: DrawnDiagram, p: { x: number; y: number }): DrawnBox | undefined {
  const near = (b: DrawnBox) => {
    const inside = p.x >= b.x - 1.5 && p.x <= b.x + b.width + 1.5 && p.y >= b.y - 1.5 && p.y <= b.y + b.height + 1.5;
    const onBorder =
      Math.min(
        Math.abs(p.x - b.x),
        Math.abs(p.x - b.x - b.width),
        Math.abs(p.y - b.y),
        Math.abs(p.y - b.y - b.height),
      ) <= 1.5;
    return inside && onBorder;
  };
  const hits = d.boxes.filter(near);
  return hits.length === 1 ? hits[0] : undefined;
}
