/**
 * A priority's logic model (HM Treasury Magenta Book) as a chain read top to bottom: inputs →
 * activities → outputs → short-, medium- and long-term outcomes (named by the strategy's own years)
 * → impact, with the assumptions and external factors beneath. Each outcome names the KPIs that
 * measure it, linked to the KPI's row in the delivery plan.
 */
import type { StrategyModel } from '../../../model/strategy.js';
import { registerDiagram, type DiagramLink, type EquivalentItem } from '../registry.js';
import { DIAGRAM_COLOURS as C } from '../theme.js';
import type { DiagramNode, DiagramSpec, TextRun } from '../types.js';
import { SPACING } from '../layout.js';
import { bandHeight, PRINT_PAGE, rowsHeight } from '../pages.js';
import { horizons, LEADS_TO, NOTE } from './common.js';

/** The width of a page column on screen; on paper, a portrait page's text area (printed at full size). */
const WIDTH = 700;
const PRINT_WIDTH = PRINT_PAGE.portrait.width - 2 * SPACING.margin - 2;

const bullets = (items: readonly string[]): TextRun[] => items.map((text) => ({ text, style: 'bullet' }));

export const logicModelDiagram = registerDiagram({
  name: 'logic-model',
  description:
    'A priority’s logic model: inputs, activities, outputs, outcomes by horizon and impact, with assumptions and external factors.',
  build(model: StrategyModel, params, medium) {
    const priority = model.priorityById.get(params['priority'] ?? '');
    const lm = priority ? model.logicModelByPriority.get(priority.id) : undefined;
    if (!priority || !lm) return undefined;
    const h = horizons(model.years);
    const kpiLinks = (ids: readonly string[]) =>
      ids.map((id) => ({ text: model.kpiById.get(id)?.title ?? id, href: `kpi:${id}` as DiagramLink }));
    const outcomeRuns = (items: typeof lm.outcomes.short): TextRun[] =>
      items.flatMap((o) => [
        { text: o.text, style: 'bullet' as const },
        ...kpiLinks(o.kpis).map((l) => ({ text: `KPI: ${l.text}`, style: 'link' as const, href: l.href })),
      ]);

    // Top to bottom, the width of a page column: each stage one box, the three outcome horizons side
    // by side (left to right in time), all leading to the impact.
    const W = medium === 'print' ? PRINT_WIDTH : WIDTH;
    const third = Math.floor((W - 2 * SPACING.node) / 3);
    const stage = (
      id: string,
      role: string,
      partition: number,
      width: number,
      heading: string,
      text: TextRun[],
    ): DiagramNode => ({ id, role, partition, width, text: [{ text: heading, style: 'heading' }, ...text] });
    const nodes: DiagramNode[] = [
      stage('inputs', 'resource', 0, W, 'Inputs', bullets(lm.inputs)),
      stage('activities', 'resource', 1, W, 'Activities', bullets(lm.activities)),
      stage('outputs', 'output', 2, W, 'Outputs', bullets(lm.outputs)),
      stage('short', 'outcome', 3, third, `Short-term outcomes (${h.short})`, outcomeRuns(lm.outcomes.short)),
      stage('medium', 'outcome', 3, third, `Medium-term outcomes (${h.medium})`, outcomeRuns(lm.outcomes.medium)),
      stage('long', 'outcome', 3, third, `Long-term outcomes (${h.long})`, outcomeRuns(lm.outcomes.long)),
      stage('impact', 'impact', 4, W, 'Impact', [{ text: lm.impact, style: 'body' }]),
    ];
    const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from, to, kind: 'leads-to' });
    const edges = [
      edge('inputs', 'activities'),
      edge('activities', 'outputs'),
      ...['short', 'medium', 'long'].flatMap((o) => [edge('outputs', o), edge(o, 'impact')]),
    ];
    const notes: DiagramNode[] = [];
    const half = Math.floor((W - SPACING.layer) / 2);
    if (lm.assumptions.length)
      notes.push({
        id: 'assumptions',
        role: 'note',
        width: half,
        partition: 0,
        text: [{ text: 'Assumptions', style: 'heading' }, ...bullets(lm.assumptions)],
      });
    if (lm.external_factors.length)
      notes.push({
        id: 'external-factors',
        role: 'note',
        width: half,
        partition: 1,
        text: [{ text: 'External factors', style: 'heading' }, ...bullets(lm.external_factors)],
      });

    // On paper the drawing prints at full size; when the notes would take it past the page, they are
    // left to the printed text that follows, which lists them in full.
    const notesInPicture =
      notes.length > 0 &&
      (medium !== 'print' ||
        rowsHeight(nodes) + SPACING.group + bandHeight(notes) + 2 * SPACING.margin <= PRINT_PAGE.portrait.height);
    const spec: DiagramSpec = {
      id: `diagram-logic-model-${priority.id}`,
      title: `Logic model: ${priority.title}`,
      description:
        `Read top to bottom: ${lm.inputs.length} inputs fund ${lm.activities.length} activities, which produce ${lm.outputs.length} outputs, leading to outcomes in the short term (${h.short}), medium term (${h.medium}) and long term (${h.long}), and to the impact. ${notes.length ? (notesInPicture ? 'Assumptions and external factors are beneath.' : 'Assumptions and external factors follow in the text.') : ''}`.trimEnd(),
      groups: [
        { id: 'chain', direction: 'DOWN', nodes, edges },
        ...(notesInPicture ? [{ id: 'notes', direction: 'RIGHT' as const, nodes: notes, edges: [] }] : []),
      ],
      roles: {
        resource: { fill: C.paleBlue, stroke: C.blue, label: 'Inputs and activities' },
        output: { fill: C.blueTint, stroke: C.navy, label: 'Outputs' },
        outcome: { fill: C.paleGreen, stroke: C.green, label: 'Outcomes' },
        impact: { fill: C.greenTint, stroke: C.green, strokeWidth: 3, label: 'Impact' },
        note: NOTE,
      },
      edgeKinds: { 'leads-to': LEADS_TO },
    };

    const items = (xs: readonly string[]): EquivalentItem[] => xs.map((text) => ({ text }));
    const outcomes = (xs: typeof lm.outcomes.short): EquivalentItem[] =>
      xs.map((o) =>
        o.kpis.length ? { text: o.text, linksLabel: 'Measured by', links: kpiLinks(o.kpis) } : { text: o.text },
      );
    const equivalent: EquivalentItem[] = [
      { label: 'Inputs', text: '', children: items(lm.inputs) },
      { label: 'Activities', text: '', children: items(lm.activities) },
      { label: 'Outputs', text: '', children: items(lm.outputs) },
      { label: `Short-term outcomes (${h.short})`, text: '', children: outcomes(lm.outcomes.short) },
      { label: `Medium-term outcomes (${h.medium})`, text: '', children: outcomes(lm.outcomes.medium) },
      { label: `Long-term outcomes (${h.long})`, text: '', children: outcomes(lm.outcomes.long) },
      { label: 'Impact', text: lm.impact },
      ...(lm.assumptions.length ? [{ label: 'Assumptions', text: '', children: items(lm.assumptions) }] : []),
      ...(lm.external_factors.length
        ? [{ label: 'External factors', text: '', children: items(lm.external_factors) }]
        : []),
    ];
    return { spec, equivalent };
  },
});
