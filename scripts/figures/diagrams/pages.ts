/**
 * The printed page a diagram must fit at full size (never scaled down, so its smallest text, 11 px,
 * prints at 8.25 pt): the text area of an A4 page with the print stylesheet's margins (24 mm top,
 * 20 mm sides and foot), less the caption above the drawing. In CSS px (96 to the inch).
 *
 * A drawing that fits neither page is laid out again for print (another direction, narrower boxes)
 * or split into parts, each on its own page, with continuation marks (see `splitRows`).
 */
import { SPACING } from './layout.js';
import { setText } from './text.js';
import type { DiagramEdge, DiagramNode } from './types.js';

const MM = 96 / 25.4;
/** Caption line and the gap under it, and a little slack for rounding. */
const CAPTION = 34;

export const PRINT_PAGE = {
  portrait: { width: Math.floor(170 * MM), height: Math.floor(253 * MM) - CAPTION },
  landscape: { width: Math.floor(257 * MM), height: Math.floor(166 * MM) - CAPTION },
} as const;

/** Which page a drawing of this size prints on at full size, or undefined when it fits neither. */
export function printPage(width: number, height: number): 'portrait' | 'landscape' | undefined {
  if (width <= PRINT_PAGE.portrait.width && height <= PRINT_PAGE.portrait.height) return 'portrait';
  if (width <= PRINT_PAGE.landscape.width && height <= PRINT_PAGE.landscape.height) return 'landscape';
  return undefined;
}

/** One printed part of a drawing split by rows: its boxes and lines, continuation marks included. */
export interface RowPart {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The first and last row (partition) of the drawing this part holds. */
  rows: [number, number];
}

export interface Continuation {
  /** The column a line belongs to (a pathway), so its marks stand in that column. */
  column: (edge: DiagramEdge) => string;
  /** The mark at the top of a part, in that column ("Continued: …"). */
  from: (column: string, width: number) => DiagramNode;
  /** The mark at the foot of a part, in that column ("Continues on the next page"). */
  to: (column: string, width: number, nextPart: boolean) => DiagramNode;
  width: (column: string) => number;
}

/** Height of a box as laid out: its wrapped text. */
const heightOf = (n: DiagramNode) => setText(n.text, n.width).height;

/**
 * Split a top-to-bottom drawing (rows are partitions) into parts no taller than `budget`, whole rows
 * at a time. A line whose ends fall in different parts becomes two: from its box to a "continues"
 * mark at the foot of its part, and from a "continued" mark at the top of the later part to its box,
 * both in the line's column. With one part, the drawing comes back unchanged.
 */
export function splitRows(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  budget: number,
  mark: Continuation,
): RowPart[] {
  const rows = [...new Set(nodes.map((n) => n.partition ?? 0))].sort((a, b) => a - b);
  const rowHeight = new Map(
    rows.map((r) => [r, Math.max(...nodes.filter((n) => (n.partition ?? 0) === r).map(heightOf))]),
  );
  const columns = [...new Set(edges.map(mark.column))];
  const markHeight = Math.max(
    ...columns.map((c) => Math.max(heightOf(mark.from(c, mark.width(c))), heightOf(mark.to(c, mark.width(c), true)))),
  );
  // Greedy: as many whole rows as fit, leaving room for the marks above and below.
  const ranges: [number, number][] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let used = rowHeight.get(rows[start]!)! + (start > 0 ? markHeight + SPACING.layer : 0);
    while (end + 1 < rows.length) {
      const more = used + SPACING.layer + rowHeight.get(rows[end + 1]!)!;
      const foot = end + 2 < rows.length ? markHeight + SPACING.layer : 0;
      if (more + foot + 2 * SPACING.margin > budget) break;
      used = more;
      end++;
    }
    ranges.push([rows[start]!, rows[end]!]);
    start = end + 1;
  }
  if (ranges.length === 1) return [{ nodes: [...nodes], edges: [...edges], rows: ranges[0]! }];
  const partOf = (n: DiagramNode | undefined) =>
    ranges.findIndex(([a, b]) => (n?.partition ?? 0) >= a && (n?.partition ?? 0) <= b);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return ranges.map(([first, last], i) => {
    const own = nodes.filter((n) => partOf(n) === i);
    const out: DiagramNode[] = [];
    const inn: DiagramNode[] = [];
    const partEdges: DiagramEdge[] = [];
    for (const e of edges) {
      const a = partOf(byId.get(e.from));
      const b = partOf(byId.get(e.to));
      if (a === i && b === i) partEdges.push(e);
      else if (a === i && b > i) {
        const col = mark.column(e);
        const id = `continues-${col}`;
        if (!out.some((n) => n.id === id))
          out.push({ ...mark.to(col, mark.width(col), b === i + 1), id, partition: last + 1 });
        partEdges.push({ ...e, id: `${e.id}-continues`, to: id });
      } else if (b === i && a < i) {
        const col = mark.column(e);
        const id = `continued-${col}`;
        if (!inn.some((n) => n.id === id)) inn.push({ ...mark.from(col, mark.width(col)), id, partition: first - 1 });
        partEdges.push({ ...e, id: `${e.id}-continued`, from: id });
      }
    }
    return { nodes: [...inn, ...own, ...out], edges: partEdges, rows: [first, last] };
  });
}

/**
 * The height ELK gives a top-to-bottom group whose rows are partitions, before it is laid out: each
 * row as tall as its tallest box, rows a layer apart. Used to choose a print layout; the tests check
 * the real layout against the page.
 */
export function rowsHeight(nodes: readonly DiagramNode[]): number {
  const rows = new Map<number, number>();
  for (const n of nodes) rows.set(n.partition ?? 0, Math.max(rows.get(n.partition ?? 0) ?? 0, heightOf(n)));
  return [...rows.values()].reduce((a, b) => a + b, 0) + Math.max(0, rows.size - 1) * SPACING.layer;
}

/** The height of a band of boxes side by side (a left-to-right group with no lines): its tallest box. */
export function bandHeight(nodes: readonly DiagramNode[]): number {
  return Math.max(0, ...nodes.map(heightOf));
}
