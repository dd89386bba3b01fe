/**
 * Layout by elkjs's layered algorithm (Sugiyama style), run in this process from its bundled build.
 * Nothing is placed by hand: each box is sized from its wrapped text, each group (the main graph, a
 * band of notes) is laid out by ELK with its own direction and columns (partitions), and the groups are
 * stacked by ELK too. ELK's layered algorithm is deterministic (fixed seed), so the same spec gives
 * the same coordinates, and so the same SVG bytes.
 */
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { setText, TEXT_SETTINGS, wrap } from './text.js';
import type {
  DiagramGroup,
  DiagramSpec,
  PlacedDiagram,
  PlacedEdge,
  PlacedHeading,
  PlacedLine,
  PlacedNode,
  Point,
} from './types.js';

// The bundled build runs ELK in this process (no worker thread); its typings describe the API module.
// It is 1.6 MB of JavaScript, loaded on the first layout only: a cached diagram never needs it.
let elk: ELK | undefined;
async function elkLayout(): Promise<ELK> {
  elk ??= new ((await import('elkjs/lib/elk.bundled.js')).default as unknown as new () => ELK)();
  return elk;
}

/** Space between boxes in a column, between columns, and between groups. */
export const SPACING = { node: 16, layer: 32, group: 28, margin: 2 };
const HEADING_GAP = 10;

/** Group ids live in ELK's id space with the boxes': a prefix no box id can have keeps them apart. */
const groupId = (group: DiagramGroup) => `\u0000group-${group.id}`;

interface Sized {
  lines: PlacedLine[];
  height: number;
}

function columnHeadings(group: DiagramGroup): { texts: Map<number, string[]>; height: number } {
  const texts = new Map<number, string[]>();
  let height = 0;
  for (const h of group.columnHeadings ?? []) {
    const width = Math.max(...group.nodes.filter((n) => (n.partition ?? 0) === h.partition).map((n) => n.width), 80);
    const lines = wrap(h.text, 'heading', width);
    texts.set(h.partition, lines);
    height = Math.max(height, lines.length * TEXT_SETTINGS.heading.lineHeight);
  }
  return { texts, height: height ? height + HEADING_GAP : 0 };
}

export async function layoutDiagram(spec: DiagramSpec): Promise<PlacedDiagram> {
  const sized = new Map<string, Sized>();
  const headings = new Map<string, ReturnType<typeof columnHeadings>>();
  const children: ElkNode[] = spec.groups.map((group) => {
    const heads = columnHeadings(group);
    headings.set(group.id, heads);
    const against = new Set(group.againstFlow ?? []);
    const partitioned = group.nodes.some((n) => n.partition !== undefined);
    return {
      id: groupId(group),
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': group.direction,
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.spacing.nodeNode': String(SPACING.node),
        'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.layer),
        'elk.spacing.edgeNode': '12',
        'elk.spacing.edgeEdge': '8',
        'elk.layered.spacing.edgeNodeBetweenLayers': '14',
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
        'elk.partitioning.activate': String(partitioned),
        // Boxes with no lines between them (a band of notes) stay in their columns, not packed apart.
        'elk.separateConnectedComponents': 'false',
        'elk.padding': `[top=${heads.height},left=0,bottom=0,right=0]`,
      },
      children: group.nodes.map((n) => {
        const set = setText(n.text, n.width);
        sized.set(n.id, set);
        const node: ElkNode = { id: n.id, width: n.width, height: set.height };
        node.layoutOptions = {};
        if (n.partition !== undefined) node.layoutOptions['elk.partitioning.partition'] = String(n.partition);
        // Boxes side by side with no lines between them (a band of notes) line up at the top.
        if (!group.edges.length) node.layoutOptions['elk.alignment'] = group.direction === 'RIGHT' ? 'TOP' : 'LEFT';
        return node;
      }),
      edges: group.edges.map(
        (e): ElkExtendedEdge =>
          against.has(e.id)
            ? { id: e.id, sources: [e.to], targets: [e.from] }
            : { id: e.id, sources: [e.from], targets: [e.to] },
      ),
    };
  });
  const root: ElkNode = await (await elkLayout()).layout({
    id: `${spec.id}-root`,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': String(SPACING.group),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.group),
      'elk.padding': `[top=${SPACING.margin},left=${SPACING.margin},bottom=${SPACING.margin},right=${SPACING.margin}]`,
      'elk.contentAlignment': 'H_LEFT',
    },
    children,
    // Groups stack top to bottom in the order given: an ordering edge joins each to the next (never drawn).
    edges: spec.groups
      .slice(1)
      .map((g, i) => ({ id: `\u0000order-${i + 1}`, sources: [groupId(spec.groups[i]!)], targets: [groupId(g)] })),
  });

  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const placedHeadings: PlacedHeading[] = [];
  const round = (v: number) => Math.round(v * 10) / 10;
  for (const group of spec.groups) {
    const laid = root.children!.find((c) => c.id === groupId(group))!;
    const gx = laid.x ?? 0;
    const gy = laid.y ?? 0;
    const byId = new Map((laid.children ?? []).map((c) => [c.id, c]));
    for (const n of group.nodes) {
      const box = byId.get(n.id)!;
      const x = round(gx + (box.x ?? 0));
      const y = round(gy + (box.y ?? 0));
      const set = sized.get(n.id)!;
      nodes.push({
        node: n,
        x,
        y,
        width: n.width,
        height: set.height,
        lines: set.lines.map((l) => ({ ...l, x: round(x + l.x), y: round(y + l.y) })),
      });
    }
    const against = new Set(group.againstFlow ?? []);
    const laidEdges = new Map((laid.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
    for (const e of group.edges) {
      const section = laidEdges.get(e.id)?.sections?.[0];
      if (!section) throw new Error(`ELK returned no route for the line ${e.id}`);
      let points: Point[] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({
        x: round(gx + p.x),
        y: round(gy + p.y),
      }));
      if (against.has(e.id)) points = points.reverse();
      edges.push({ edge: e, points });
    }
    const heads = headings.get(group.id)!;
    for (const h of group.columnHeadings ?? []) {
      const column = nodes.filter((p) => group.nodes.includes(p.node) && (p.node.partition ?? 0) === h.partition);
      if (!column.length) continue;
      const left = Math.min(...column.map((p) => p.x));
      const width = Math.max(...column.map((p) => p.x + p.width)) - left;
      heads.texts.get(h.partition)!.forEach((text, j) => {
        placedHeadings.push({
          text,
          x: left,
          y: round(gy + (j + 1) * TEXT_SETTINGS.heading.lineHeight - 4),
          width,
          fontSize: TEXT_SETTINGS.heading.fontSize,
        });
      });
    }
  }
  return {
    spec,
    width: Math.ceil(root.width ?? 0),
    height: Math.ceil(root.height ?? 0),
    nodes,
    edges,
    headings: placedHeadings,
  };
}
