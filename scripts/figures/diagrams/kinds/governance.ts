/**
 * The accountability structure as a hierarchy drawn from the governance data, top at the top: a
 * body stands above the bodies that report to it, and bodies outside the partnership (scrutiny, the
 * council, outside boards) have dashed borders. Every line in the data is drawn once, its meaning in
 * its style (key beneath): reports to (solid), holds to account (dashed), commissions (long dashes,
 * diamond head), informs (dotted, open head). A body's `reports_to` and a `reporting` line of kind
 * reports-to between the same two bodies are one line.
 */
import type { StrategyModel } from '../../../model/strategy.js';
import { isPartnershipBody, LINE_KINDS, type Body, type LineKind } from '../../../schema/index.js';
import { registerDiagram, type EquivalentItem } from '../registry.js';
import { DIAGRAM_COLOURS as C } from '../theme.js';
import type { BoxRole, DiagramEdge, DiagramNode, DiagramSpec, EdgeKind, TextRun } from '../types.js';

export const MEETS: Record<NonNullable<Body['meets']>, string> = {
  monthly: 'Meets monthly',
  'bi-monthly': 'Meets every two months',
  quarterly: 'Meets quarterly',
  'six-monthly': 'Meets every six months',
  annually: 'Meets once a year',
};

export const LINE_STYLES: Record<LineKind, EdgeKind> = {
  'reports-to': { stroke: C.navy, width: 1.8, head: 'filled', label: 'Reports to' },
  'holds-to-account': { stroke: C.purple, width: 1.6, dash: '7 4', head: 'open', label: 'Holds to account (scrutiny)' },
  commissions: { stroke: C.green, width: 1.6, dash: '12 3 3 3', head: 'diamond', label: 'Commissions' },
  informs: { stroke: C.grey, width: 1.4, dash: '2 3', head: 'open', label: 'Informs' },
};

const ROLES: Record<Body['type'], BoxRole> = {
  board: { fill: C.blueTint, stroke: C.navy, strokeWidth: 2.5, label: 'Partnership board' },
  'delivery-group': { fill: C.paleBlue, stroke: C.blue, label: 'Delivery group' },
  scrutiny: {
    fill: C.white,
    stroke: C.purple,
    dashed: true,
    strokeWidth: 1.6,
    label: 'Scrutiny (outside the partnership)',
  },
  'statutory-partner': {
    fill: C.paleGrey,
    stroke: C.grey,
    dashed: true,
    strokeWidth: 1.6,
    label: 'The council (outside the partnership)',
  },
  external: { fill: C.white, stroke: C.grey, dashed: true, strokeWidth: 1.6, label: 'Outside body' },
};

export interface GovernanceLine {
  from: string;
  to: string;
  kind: LineKind;
  /** What passes along the line and how often, from the `reporting` entries. */
  reports: { report: string; frequency: string }[];
}

/** Every line between bodies once: `reports_to` first (in body order), then `reporting` entries. */
export function governanceLines(model: StrategyModel): GovernanceLine[] {
  const g = model.data.governance;
  if (!g) return [];
  const known = new Set(g.bodies.map((b) => b.id));
  const lines = new Map<string, GovernanceLine>();
  const add = (from: string, to: string, kind: LineKind) => {
    const key = `${from}\u0000${to}\u0000${kind}`;
    if (!known.has(from) || !known.has(to) || from === to) return undefined;
    if (!lines.has(key)) lines.set(key, { from, to, kind, reports: [] });
    return lines.get(key);
  };
  for (const b of g.bodies) if (b.reports_to) add(b.id, b.reports_to, 'reports-to');
  for (const r of g.reporting) add(r.from, r.to, r.kind)?.reports.push({ report: r.report, frequency: r.frequency });
  return [...lines.values()];
}

/**
 * On paper the hierarchy reads left to right (the bodies that hold others to account on the left),
 * so five delivery groups stand in a column and the drawing fits a portrait page at full size.
 */
const PRINT_BOX: Record<Body['type'], number> = {
  board: 150,
  'delivery-group': 236,
  scrutiny: 140,
  'statutory-partner': 140,
  external: 140,
};

export const governanceDiagram = registerDiagram({
  name: 'governance',
  description:
    'The accountability structure: bodies, chairs, meetings, the priority each leads, and the lines between them.',
  build(model: StrategyModel, _params, medium) {
    const print = medium === 'print';
    const g = model.data.governance;
    if (!g) return undefined;
    const byId = new Map(g.bodies.map((b) => [b.id, b]));
    const lines = governanceLines(model);
    const priorityTitle = (id: string) => model.priorityById.get(id)?.title ?? id;
    const leads = (b: Body): string | undefined => {
      if (!b.priorities.length) return undefined;
      if (b.type === 'board')
        return b.priorities.length === model.priorities.length && model.priorities.length > 1
          ? `Oversees ${model.priorities.length === 2 ? 'both' : `all ${model.priorities.length}`} priorities`
          : `Oversees: ${b.priorities.map(priorityTitle).join('; ')}`;
      return `Leads: ${b.priorities.map(priorityTitle).join('; ')}`;
    };
    const nodes: DiagramNode[] = g.bodies.map((b) => {
      const lead = leads(b);
      const text: TextRun[] = [
        { text: b.name, style: 'heading' },
        // Chair and frequency are optional (e.g. a body outside the partnership): nothing printed when absent.
        ...(b.chair ? [{ text: `Chair: ${b.chair}`, style: 'meta' as const }] : []),
        ...(b.meets ? [{ text: MEETS[b.meets], style: 'meta' as const }] : []),
        ...(lead ? [{ text: lead, style: 'body' as const }] : []),
        ...(isPartnershipBody(b) ? [] : [{ text: 'Outside the partnership', style: 'meta' as const }]),
      ];
      return { id: b.id, role: b.type, width: print ? PRINT_BOX[b.type] : b.type === 'board' ? 240 : 146, text };
    });
    const edges: DiagramEdge[] = lines.map((l) => ({
      id: `${l.kind}-${l.from}-${l.to}`,
      from: l.from,
      to: l.to,
      kind: l.kind,
    }));
    // The page is laid out top down, from the bodies that hold others to account: reports-to and
    // informs lines run up it, so they are laid out against the flow and drawn as written.
    const againstFlow = edges.filter((e) => e.kind === 'reports-to' || e.kind === 'informs').map((e) => e.id);

    const usedKinds = LINE_KINDS.filter((k) => lines.some((l) => l.kind === k));
    const usedTypes = (Object.keys(ROLES) as Body['type'][]).filter((t) => g.bodies.some((b) => b.type === t));
    const key: DiagramNode = {
      id: 'key',
      role: 'key',
      width: 300,
      partition: 0,
      text: [
        { text: 'Key: lines', style: 'heading' },
        ...usedKinds.map((k): TextRun => ({ text: LINE_STYLES[k].label, style: 'body', swatch: { edge: k } })),
      ],
    };
    const keyBoxes: DiagramNode = {
      id: 'key-boxes',
      role: 'key',
      width: 300,
      partition: 1,
      text: [
        { text: 'Key: bodies', style: 'heading' },
        ...usedTypes.map((t): TextRun => ({ text: ROLES[t].label, style: 'body', swatch: { role: t } })),
      ],
    };
    const partners = g.bodies.filter(isPartnershipBody).length;
    const spec: DiagramSpec = {
      id: 'diagram-governance',
      title: 'Accountability structure',
      description: `${g.bodies.length} bodies, ${partners} of them inside the partnership, and ${lines.length} lines between them. ${print ? 'Read left to right: each body stands to the left of the bodies that report to it' : 'Each body stands above the bodies that report to it'}; bodies outside the partnership have dashed borders; line styles show who reports to, holds to account, commissions or informs whom.`,
      groups: [
        { id: 'bodies', direction: print ? 'RIGHT' : 'DOWN', nodes, edges, againstFlow },
        { id: 'key', direction: 'RIGHT', nodes: [key, keyBoxes], edges: [] },
      ],
      roles: { ...ROLES, key: { fill: C.white, stroke: C.grey, label: 'Key' } },
      edgeKinds: { ...LINE_STYLES },
    };

    const name = (id: string) => byId.get(id)?.name ?? id;
    const VERB: Record<LineKind, string> = {
      'reports-to': 'Reports to',
      'holds-to-account': 'Holds to account',
      commissions: 'Commissions',
      informs: 'Informs',
    };
    const equivalent: EquivalentItem[] = g.bodies.map((b) => {
      const lead = leads(b);
      const out = lines.filter((l) => l.from === b.id);
      return {
        label: b.name,
        text: '',
        note: isPartnershipBody(b)
          ? b.type === 'board'
            ? 'partnership board'
            : 'delivery group'
          : 'outside the partnership',
        children: [
          ...(b.chair ? [{ label: 'Chair', text: b.chair }] : []),
          ...(b.meets ? [{ label: 'Meets', text: MEETS[b.meets].replace(/^Meets /, '') }] : []),
          ...(lead ? [{ text: lead }] : []),
          ...out.map(
            (l): EquivalentItem => ({
              label: `${VERB[l.kind]} ${name(l.to)}`,
              text: '',
              ...(l.reports.length ? { children: l.reports.map((r) => ({ text: r.report, note: r.frequency })) } : {}),
            }),
          ),
        ],
      };
    });
    return { spec, equivalent };
  },
});
