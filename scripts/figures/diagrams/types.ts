/**
 * The shapes of a diagram as it goes through the diagrams stage:
 *
 *   DiagramSpec (a kind's function of the model: boxes with text, lines with a kind, no coordinates)
 *     --measure and wrap text (Arial metrics)--> sized boxes
 *     --elkjs, layered--> PlacedDiagram (every box and line with coordinates)
 *     --svg.ts--> one <svg role="img">, with a text equivalent written by the kind beside it
 */

/** How a run of text is set: its size, weight and colour come from the diagram theme. */
/** `chip`: a short link ("KPI sv-01") set side by side with the chips next to it, wrapping as words do. */
export type TextStyle = 'heading' | 'body' | 'bullet' | 'meta' | 'link' | 'chip';

export interface TextRun {
  text: string;
  style: TextStyle;
  /** A link target on the site (e.g. `#kpi-sv-01`); drawn as text in print. */
  href?: string;
  /** A key entry: the sample drawn before the text (an edge kind or a box role). */
  swatch?: { edge: string } | { role: string };
}

export interface DiagramNode {
  /** Unique within the diagram; the SVG's ids are derived from it. */
  id: string;
  /** The box's look (fill, border), a key of `DiagramSpec.roles`. */
  role: string;
  /** The box's outer width in px; the height follows from the wrapped text. */
  width: number;
  text: TextRun[];
  /** The column (layered partition) the box must stand in, counted in the direction of flow. */
  partition?: number;
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  /** The line's look and meaning, a key of `DiagramSpec.edgeKinds`. */
  kind: string;
}

/** One laid-out area of a diagram: the main graph, or a band of notes (assumptions, evidence, key). */
export interface DiagramGroup {
  id: string;
  /** The direction of flow: `RIGHT` for a chain read left to right, `UP` for a hierarchy with its top above. */
  direction: 'RIGHT' | 'DOWN' | 'UP';
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Headings drawn above each partition's column (RIGHT groups). */
  columnHeadings?: { partition: number; text: string }[];
  /**
   * Lines laid out against the flow (drawn as written): a `holds-to-account` line runs down a hierarchy
   * whose `reports-to` lines run up, and is laid out as if it ran up so the hierarchy stays in rows.
   */
  againstFlow?: readonly string[];
}

export interface BoxRole {
  fill: string;
  stroke: string;
  /** Dashed border, for bodies outside the partnership and for notes. */
  dashed?: boolean;
  /** Thick border for the ends of a chain (problem, goal, impact). */
  strokeWidth?: number;
  /** Text colour on this fill (defaults to the theme's text colour). */
  text?: string;
  /** What the box means, for the key. */
  label: string;
}

export interface EdgeKind {
  stroke: string;
  /** SVG stroke-dasharray, or none for a solid line. */
  dash?: string;
  width: number;
  /** Arrowhead: filled triangle, open chevron, or a diamond. */
  head: 'filled' | 'open' | 'diamond';
  label: string;
}

export interface DiagramSpec {
  /** The figure id, e.g. `diagram-logic-model-vawg`; every id inside the SVG starts with it. */
  id: string;
  /** The accessible name of the image and the figure caption. */
  title: string;
  /** Which part of a drawing printed in parts this is (its caption and name say so). */
  part?: { n: number; of: number };
  /** One or two sentences saying what the picture shows; the text equivalent says all of it. */
  description: string;
  groups: DiagramGroup[];
  roles: Record<string, BoxRole>;
  edgeKinds: Record<string, EdgeKind>;
}

export interface Point {
  x: number;
  y: number;
}

export interface PlacedLine {
  text: string;
  style: TextStyle;
  /** Left edge and baseline, absolute. */
  x: number;
  y: number;
  /** Measured width of the text. */
  width: number;
  fontSize: number;
  bold: boolean;
  href?: string;
  /** Draw a bullet before this line (the first line of a bullet item). */
  bullet?: boolean;
  swatch?: TextRun['swatch'];
}

export interface PlacedNode {
  node: DiagramNode;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: PlacedLine[];
}

export interface PlacedEdge {
  edge: DiagramEdge;
  /** From the source box's border to the target box's border, in the direction the data says. */
  points: Point[];
}

export interface PlacedHeading {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PlacedDiagram {
  spec: DiagramSpec;
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  headings: PlacedHeading[];
}

/** The caption and accessible name of a drawing: its title, and which part it is when printed in parts. */
export function captionOf(spec: DiagramSpec): string {
  return spec.part ? `${spec.title} (part ${spec.part.n} of ${spec.part.of})` : spec.title;
}
