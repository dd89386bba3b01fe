/**
 * The diagram kinds. Each kind is one file under kinds/ that calls `registerDiagram` when imported
 * (kinds/index.ts imports them all): it turns the model into boxes and lines (a DiagramSpec) and a
 * text equivalent that says everything the picture says, in reading order.
 */
import type { StrategyModel } from '../../model/strategy.js';
import type { DiagramSpec } from './types.js';

/**
 * A link inside a diagram or its text equivalent, by what it points at; each output turns it into a
 * URL (a KPI's row in its delivery plan, an action's row).
 */
export type DiagramLink = `kpi:${string}` | `action:${string}`;

/** One entry of a text equivalent: a line of text, with its own list beneath it. */
export interface EquivalentItem {
  /** Bold lead-in, e.g. "Inputs" or "Chair". */
  label?: string;
  text: string;
  href?: DiagramLink;
  /** Secondary text after the main text (a source, a frequency). */
  note?: string;
  /** Links after the text, e.g. the KPIs that measure an outcome. */
  links?: { text: string; href: DiagramLink }[];
  /** Words before the links, e.g. "Measured by". */
  linksLabel?: string;
  children?: EquivalentItem[];
}

export interface DiagramContent {
  /** The drawing, or its first part when it is printed in parts. */
  spec: DiagramSpec;
  /**
   * The parts that follow on later pages, in print, when the drawing at full size is taller than a
   * page (each part carries continuation marks). Absent when it fits on one.
   */
  continued?: DiagramSpec[];
  /** The text equivalent: a list of lists in the order the picture reads. */
  equivalent: EquivalentItem[];
}

export type DiagramMedium = 'screen' | 'print';

export interface DiagramKind {
  name: string;
  description: string;
  /**
   * The diagram for these parameters, or undefined when the strategy has no such data. `medium` lets
   * a kind draw differently for a screen's text column and for a printed page; most draw the same.
   */
  build(
    model: StrategyModel,
    params: Readonly<Record<string, string>>,
    medium: DiagramMedium,
  ): DiagramContent | undefined;
}

const KINDS = new Map<string, DiagramKind>();

export function registerDiagram(kind: DiagramKind): DiagramKind {
  if (KINDS.has(kind.name)) throw new Error(`The diagram kind ${kind.name} is registered twice`);
  KINDS.set(kind.name, kind);
  return kind;
}

export function diagramKind(name: string): DiagramKind | undefined {
  return KINDS.get(name);
}

export function diagramKinds(): DiagramKind[] {
  return [...KINDS.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
