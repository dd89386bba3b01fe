/**
 * The theory of change: the problem → each pathway's interventions → what must be true by the end of
 * each year of the strategy (as many years as it has) → the long-term goal, with the assumptions and
 * the evidence. Every link the data makes is an arrow: the problem to each pathway, a pathway's
 * interventions to its first precondition, each precondition to the next, the last to the goal.
 * Preconditions show the KPIs and actions they name, as links to their rows.
 *
 * On screen it reads top to bottom, a column per pathway, as wide as the page's text column. On paper
 * it reads left to right, a column per year, on a landscape page (a top-to-bottom drawing is too tall
 * for A4); the assumptions and evidence are left to the printed text that follows it, which lists
 * them in full, so the pathways print as large as the page allows.
 */
import type { StrategyModel } from '../../../model/strategy.js';
import { registerDiagram, type DiagramLink, type EquivalentItem } from '../registry.js';
import { DIAGRAM_COLOURS as C } from '../theme.js';
import type { DiagramEdge, DiagramNode, DiagramSpec, TextRun } from '../types.js';
import { SPACING } from '../layout.js';
import { endOfYear, LEADS_TO, NOTE } from './common.js';

/** A pathway's narrowest column on screen; five make a drawing about as wide as a page column. */
const COLUMN = 134;
const SCREEN_WIDTH = 704;
/** Across a landscape page: the problem and goal, the interventions, and each year's column. */
const ACROSS = { end: 160, interventions: 262, precondition: 164 };

export const theoryOfChangeDiagram = registerDiagram({
  name: 'theory-of-change',
  description:
    'The theory of change: problem, interventions, preconditions by year, long-term goal, assumptions and evidence.',
  build(model: StrategyModel, _params, medium) {
    const t = model.data.theoryOfChange;
    if (!t) return undefined;
    const across = medium === 'print';
    const years = model.years;
    const columns = t.pathways.length;
    // Fewer pathways get wider columns, so the drawing is always about as wide as a page column.
    const column = Math.max(COLUMN, Math.floor((SCREEN_WIDTH - (columns - 1) * SPACING.node) / columns));
    const full = columns * column + (columns - 1) * SPACING.node;
    const yearColumn = (year: string) => {
      const i = years.indexOf(year);
      // A year outside the strategy (already warned about) stands in the nearest column.
      return 2 + (i >= 0 ? i : year < (years[0] ?? '') ? 0 : Math.max(0, years.length - 1));
    };
    const goalColumn = 2 + Math.max(1, years.length);
    const kpiLink = (id: string) => ({
      text: `KPI ${id}: ${model.kpiById.get(id)?.title ?? id}`,
      href: `kpi:${id}` as DiagramLink,
    });
    const actionLink = (id: string) => {
      const action = model.actions.find((a) => a.id === id);
      return { text: action ? `Action ${id}: ${action.action}` : `Action ${id}`, href: `action:${id}` as DiagramLink };
    };

    // Across the page each column has a heading, so the boxes need not repeat it.
    const headed = (heading: string, text: TextRun[]): TextRun[] =>
      across ? text : [{ text: heading, style: heading.startsWith('By the end') ? 'meta' : 'heading' }, ...text];
    const nodes: DiagramNode[] = [
      {
        id: 'problem',
        role: 'problem',
        width: across ? ACROSS.end : full,
        partition: 0,
        text: headed('The problem', [{ text: t.problem, style: 'body' }]),
      },
    ];
    const edges: DiagramEdge[] = [];
    const equivalentPathways: EquivalentItem[] = [];
    for (const pw of t.pathways) {
      const priority = pw.priority ? model.priorityById.get(pw.priority) : undefined;
      const start = `interventions-${pw.id}`;
      nodes.push({
        id: start,
        role: 'intervention',
        width: across ? ACROSS.interventions : column,
        partition: 1,
        text: [
          { text: pw.title, style: 'heading' },
          ...pw.interventions.map((text): TextRun => ({ text, style: 'bullet' })),
        ],
      });
      edges.push({ id: `problem-${start}`, from: 'problem', to: start, kind: 'leads-to' });
      // Preconditions in year order (the file's order within a year).
      const steps = pw.preconditions
        .map((c, i) => ({ c, i }))
        .sort((a, b) => yearColumn(a.c.year) - yearColumn(b.c.year) || a.i - b.i);
      let previous = start;
      for (const { c, i } of steps) {
        const id = `precondition-${pw.id}-${i + 1}`;
        nodes.push({
          id,
          role: 'precondition',
          width: across ? ACROSS.precondition : column,
          partition: yearColumn(c.year),
          // Short chips (the full titles are in the text equivalent), side by side under the outcome.
          text: headed(`By the end of ${c.year}`, [
            { text: c.outcome, style: 'body' },
            ...c.kpis.map((k): TextRun => ({ text: `KPI ${k}`, style: 'chip', href: `kpi:${k}` })),
            ...c.actions.map((a): TextRun => ({ text: `Action ${a}`, style: 'chip', href: `action:${a}` })),
          ]),
        });
        edges.push({ id: `${previous}-${id}`, from: previous, to: id, kind: 'leads-to' });
        previous = id;
      }
      edges.push({ id: `${previous}-goal`, from: previous, to: 'goal', kind: 'leads-to' });
      equivalentPathways.push({
        label: pw.title,
        text: '',
        ...(priority ? { note: `priority: ${priority.title}` } : {}),
        children: [
          { label: 'Interventions', text: '', children: pw.interventions.map((text) => ({ text })) },
          ...steps.map(({ c }): EquivalentItem => {
            const links = [...c.kpis.map(kpiLink), ...c.actions.map(actionLink)];
            return {
              label: `By the end of ${c.year}`,
              text: c.outcome,
              ...(links.length ? { linksLabel: 'Shown by', links } : {}),
            };
          }),
        ],
      });
    }
    const last = years.at(-1);
    const goalHeading = last ? `The long-term goal (${endOfYear(last)})` : 'The long-term goal';
    nodes.push({
      id: 'goal',
      role: 'goal',
      width: across ? ACROSS.end : full,
      partition: goalColumn,
      text: headed(goalHeading, [{ text: t.goal, style: 'body' }]),
    });
    const half = Math.floor((full - SPACING.layer) / 2);
    const notes: DiagramNode[] = [];
    if (t.assumptions.length)
      notes.push({
        id: 'assumptions',
        role: 'note',
        width: half,
        partition: 0,
        text: [
          { text: 'Assumptions', style: 'heading' },
          ...t.assumptions.map((text): TextRun => ({ text, style: 'bullet' })),
        ],
      });
    if (t.evidence.length) {
      notes.push({
        id: 'evidence',
        role: 'evidence',
        width: half,
        partition: 1,
        text: [
          { text: 'Evidence', style: 'heading' },
          ...t.evidence.flatMap((e): TextRun[] => [
            { text: e.finding, style: 'bullet' },
            { text: e.source, style: 'meta' },
          ]),
        ],
      });
    }

    const spec: DiagramSpec = {
      id: 'diagram-theory-of-change',
      title: `Theory of change ${model.periodLabel}`,
      description: across
        ? `Read left to right, one row per pathway: the problem leads to ${t.pathways.length} pathways of interventions; on each, what must be true by the end of each year from ${years[0] ?? ''} to ${last ?? ''} leads to the long-term goal. The assumptions and the evidence follow in the text.`
        : `Read top to bottom, one column per pathway: the problem leads to ${t.pathways.length} pathways of interventions; on each, what must be true by the end of each year from ${years[0] ?? ''} to ${last ?? ''} leads to the long-term goal. The assumptions and the evidence are beneath.`,
      groups: across
        ? [
            {
              id: 'pathways',
              direction: 'RIGHT',
              nodes,
              edges,
              columnHeadings: [
                { partition: 0, text: 'The problem' },
                { partition: 1, text: 'Pathways and interventions' },
                ...years.map((y, i) => ({ partition: 2 + i, text: `By the end of ${y}` })),
                { partition: goalColumn, text: goalHeading.replace(/^The l/, 'L') },
              ],
            },
          ]
        : [
            { id: 'pathways', direction: 'DOWN', nodes, edges },
            ...(notes.length ? [{ id: 'notes', direction: 'RIGHT' as const, nodes: notes, edges: [] }] : []),
          ],
      roles: {
        problem: { fill: C.paleRed, stroke: C.orange, strokeWidth: 2.5, label: 'The problem' },
        intervention: { fill: C.paleBlue, stroke: C.blue, label: 'Interventions' },
        precondition: { fill: C.white, stroke: C.navy, label: 'Preconditions' },
        goal: { fill: C.greenTint, stroke: C.green, strokeWidth: 3, label: 'Long-term goal' },
        note: NOTE,
        evidence: { fill: C.paleGrey, stroke: C.grey, dashed: true, label: 'Evidence' },
      },
      edgeKinds: { 'leads-to': LEADS_TO },
    };
    const equivalent: EquivalentItem[] = [
      { label: 'The problem', text: t.problem },
      { label: 'Pathways', text: '', children: equivalentPathways },
      { label: goalHeading, text: t.goal },
      ...(t.assumptions.length
        ? [{ label: 'Assumptions', text: '', children: t.assumptions.map((text) => ({ text })) }]
        : []),
      ...(t.evidence.length
        ? [{ label: 'Evidence', text: '', children: t.evidence.map((e) => ({ text: e.finding, note: e.source })) }]
        : []),
    ];
    return { spec, equivalent };
  },
});
