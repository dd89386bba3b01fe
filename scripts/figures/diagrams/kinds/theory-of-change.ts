/**
 * The theory of change: the problem → each pathway's interventions → what must be true by the end of
 * each year of the strategy (as many years as it has) → the long-term goal, with the assumptions and
 * the evidence. Every link the data makes is an arrow: the problem to each pathway, a pathway's
 * interventions to its first precondition, each precondition to the next, the last to the goal.
 * Preconditions show the KPIs and actions they name, as links to their rows.
 *
 * It reads top to bottom, a column per pathway, a row per year. On screen it is as wide as the page's
 * text column, with the assumptions and evidence beneath. On paper it is as wide as a landscape page
 * and printed at full size (its smallest text at 8.25 pt): when that is taller than the page it is
 * split between rows into parts, one a page, each line that crosses a page break ending at a
 * "continues on the next page" mark and picked up under a "continued" mark naming its pathway. The
 * assumptions and evidence are left to the printed text that follows, which lists them in full.
 */
import type { StrategyModel } from '../../../model/strategy.js';
import { registerDiagram, type DiagramLink, type EquivalentItem } from '../registry.js';
import { DIAGRAM_COLOURS as C } from '../theme.js';
import type { DiagramEdge, DiagramNode, DiagramSpec, TextRun } from '../types.js';
import { SPACING } from '../layout.js';
import { PRINT_PAGE, splitRows } from '../pages.js';
import { endOfYear, LEADS_TO, NOTE } from './common.js';

/** A pathway's narrowest column on screen; five make a drawing about as wide as a page column. */
const COLUMN = 134;
const SCREEN_WIDTH = 704;
/** On paper: as wide as a landscape page's text area, columns never narrower than this. */
const PRINT_COLUMN = 150;
const PRINT_WIDTH = PRINT_PAGE.landscape.width - 2 * SPACING.margin - 2;

export const theoryOfChangeDiagram = registerDiagram({
  name: 'theory-of-change',
  description:
    'The theory of change: problem, interventions, preconditions by year, long-term goal, assumptions and evidence.',
  build(model: StrategyModel, _params, medium) {
    const t = model.data.theoryOfChange;
    if (!t) return undefined;
    const print = medium === 'print';
    const years = model.years;
    const columns = t.pathways.length;
    // Fewer pathways get wider columns, so the drawing is always about as wide as a page column (on
    // paper, a landscape page).
    const [least, room] = print ? [PRINT_COLUMN, PRINT_WIDTH] : [COLUMN, SCREEN_WIDTH];
    const column = Math.max(least, Math.floor((room - (columns - 1) * SPACING.node) / columns));
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

    const headed = (heading: string, text: TextRun[]): TextRun[] => [
      { text: heading, style: heading.startsWith('By the end') ? 'meta' : 'heading' },
      ...text,
    ];
    const nodes: DiagramNode[] = [
      {
        id: 'problem',
        role: 'problem',
        width: full,
        partition: 0,
        text: headed('The problem', [{ text: t.problem, style: 'body' }]),
      },
    ];
    const edges: DiagramEdge[] = [];
    const columnOf = new Map<string, string>();
    const equivalentPathways: EquivalentItem[] = [];
    for (const pw of t.pathways) {
      const priority = pw.priority ? model.priorityById.get(pw.priority) : undefined;
      const start = `interventions-${pw.id}`;
      columnOf.set(start, pw.id);
      nodes.push({
        id: start,
        role: 'intervention',
        width: column,
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
        columnOf.set(id, pw.id);
        nodes.push({
          id,
          role: 'precondition',
          width: column,
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
      width: full,
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

    const roles: DiagramSpec['roles'] = {
      problem: { fill: C.paleRed, stroke: C.orange, strokeWidth: 2.5, label: 'The problem' },
      intervention: { fill: C.paleBlue, stroke: C.blue, label: 'Interventions' },
      precondition: { fill: C.white, stroke: C.navy, label: 'Preconditions' },
      goal: { fill: C.greenTint, stroke: C.green, strokeWidth: 3, label: 'Long-term goal' },
      note: NOTE,
      evidence: { fill: C.paleGrey, stroke: C.grey, dashed: true, label: 'Evidence' },
      continuation: { fill: C.white, stroke: C.grey, dashed: true, label: 'Continued on another page' },
    };
    const title = `Theory of change ${model.periodLabel}`;
    const reading = `Read top to bottom, one column per pathway: the problem leads to ${t.pathways.length} pathways of interventions; on each, what must be true by the end of each year from ${years[0] ?? ''} to ${last ?? ''} leads to the long-term goal.`;
    const spec: DiagramSpec = {
      id: 'diagram-theory-of-change',
      title,
      description: `${reading} ${print ? 'The assumptions and the evidence follow in the text.' : 'The assumptions and the evidence are beneath.'}`,
      groups: [
        { id: 'pathways', direction: 'DOWN', nodes, edges },
        ...(!print && notes.length ? [{ id: 'notes', direction: 'RIGHT' as const, nodes: notes, edges: [] }] : []),
      ],
      roles,
      edgeKinds: { 'leads-to': LEADS_TO },
    };
    // A line belongs to the pathway of the box it starts from (the problem's lines never cross a page).
    const pathwayOf = (e: DiagramEdge) => columnOf.get(e.from) ?? e.from;
    const parts = print
      ? splitRows(nodes, edges, PRINT_PAGE.landscape.height, {
          column: pathwayOf,
          width: () => column,
          from: (id, width) => ({
            id,
            role: 'continuation',
            width,
            text: [
              { text: 'Continued from the page before', style: 'meta' },
              { text: t.pathways.find((pw) => pw.id === id)?.title ?? '', style: 'heading' },
            ],
          }),
          to: (id, width, next) => ({
            id,
            role: 'continuation',
            width,
            text: [{ text: next ? 'Continues on the next page' : 'Continues on a later page', style: 'meta' }],
          }),
        })
      : [];
    const partSpec = (part: (typeof parts)[number], i: number): DiagramSpec => ({
      ...spec,
      id: i ? `${spec.id}-part-${i + 1}` : spec.id,
      part: { n: i + 1, of: parts.length },
      description: `Part ${i + 1} of ${parts.length}, ${i ? 'continued from the page before' : 'continued on the next page'}. ${spec.description}`,
      groups: [{ id: 'pathways', direction: 'DOWN', nodes: part.nodes, edges: part.edges }],
    });
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
    if (parts.length <= 1) return { spec, equivalent };
    const [first, ...rest] = parts.map(partSpec);
    return { spec: first!, continued: rest, equivalent };
  },
});
