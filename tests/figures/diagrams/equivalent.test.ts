/**
 * Each diagram's text equivalent says everything the picture says: every item of the data, in the
 * picture's reading order, with the same links. Compared with the data, not with the picture's code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { equivalentHtml, renderDiagram, type EquivalentItem } from '../../../scripts/figures/diagrams/index.js';
import { governanceLines } from '../../../scripts/figures/diagrams/kinds/governance.js';
import { horizons } from '../../../scripts/figures/diagrams/kinds/common.js';
import { loadProject } from '../../../scripts/load/project.js';
import { buildModel, type StrategyModel } from '../../../scripts/model/strategy.js';
import { esc } from '../../../scripts/render/html.js';
import { REPO_ROOT } from '../../support/example-build.js';

let model: StrategyModel;
beforeAll(() => {
  model = buildModel(loadProject(REPO_ROOT));
});

const html = (items: EquivalentItem[]) => equivalentHtml(items, (l) => `#${l.replace(':', '-')}`);

/** Every string appears, in this order, in the HTML. */
function inOrder(haystack: string, needles: string[]): void {
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(esc(n), at);
    expect(i, `"${n}" (in order)`).toBeGreaterThanOrEqual(0);
    at = i + 1;
  }
}

describe('text equivalents', () => {
  it('theory of change: problem, each pathway with its interventions and yearly preconditions (with their KPI and action links), goal, assumptions, evidence', async () => {
    const t = model.data.theoryOfChange!;
    for (const medium of ['screen', 'print'] as const) {
      const r = (await renderDiagram('theory-of-change', model, {}, undefined, medium))!;
      const h = html(r.equivalent);
      inOrder(h, [
        t.problem,
        ...t.pathways.flatMap((p) => [
          p.title,
          ...p.interventions,
          ...p.preconditions.flatMap((c) => [
            `By the end of ${c.year}`,
            c.outcome,
            ...c.kpis.map((k) => `KPI ${k}: ${model.kpiById.get(k)!.title}`),
          ]),
        ]),
        t.goal,
        ...t.assumptions,
        ...t.evidence.flatMap((e) => [e.finding, e.source]),
      ]);
      for (const c of t.pathways.flatMap((p) => p.preconditions)) {
        for (const k of c.kpis) expect(h).toContain(`href="#kpi-${k}"`);
        for (const a of c.actions) expect(h).toContain(`href="#action-${a}"`);
      }
    }
  });

  it('logic model: each stage in order, outcomes under their horizons with the KPIs that measure them, impact, assumptions, external factors', async () => {
    const h = horizons(model.years);
    for (const p of model.priorities) {
      const lm = model.logicModelByPriority.get(p.id)!;
      const r = (await renderDiagram('logic-model', model, { priority: p.id }))!;
      const text = html(r.equivalent);
      inOrder(text, [
        'Inputs',
        ...lm.inputs,
        'Activities',
        ...lm.activities,
        'Outputs',
        ...lm.outputs,
        `Short-term outcomes (${h.short})`,
        ...lm.outcomes.short.map((o) => o.text),
        `Medium-term outcomes (${h.medium})`,
        ...lm.outcomes.medium.map((o) => o.text),
        `Long-term outcomes (${h.long})`,
        ...lm.outcomes.long.map((o) => o.text),
        'Impact',
        lm.impact,
        ...(lm.assumptions.length ? ['Assumptions', ...lm.assumptions] : []),
        ...(lm.external_factors.length ? ['External factors', ...lm.external_factors] : []),
      ]);
      for (const o of [...lm.outcomes.short, ...lm.outcomes.medium, ...lm.outcomes.long]) {
        for (const k of o.kpis) expect(text).toContain(`<a href="#kpi-${k}">${esc(model.kpiById.get(k)!.title)}</a>`);
      }
    }
  });

  it('accountability structure: every body with its chair, meetings and priorities, and every line from it with what passes along it', async () => {
    const g = model.data.governance!;
    const r = (await renderDiagram('governance', model, {}))!;
    const text = html(r.equivalent);
    const VERB = {
      'reports-to': 'Reports to',
      'holds-to-account': 'Holds to account',
      commissions: 'Commissions',
      informs: 'Informs',
    } as const;
    const lines = governanceLines(model);
    for (const b of g.bodies) {
      const own = lines.filter((l) => l.from === b.id);
      inOrder(text, [
        b.name,
        ...(b.chair ? [b.chair] : []),
        ...b.priorities.map((id) => model.priorityById.get(id)!.title).filter(() => b.type === 'delivery-group'),
        ...own.flatMap((l) => [
          `${VERB[l.kind]} ${g.bodies.find((x) => x.id === l.to)!.name}`,
          ...l.reports.flatMap((rep) => [rep.report, rep.frequency]),
        ]),
      ]);
    }
    // Every reporting entry in the data appears under the body it comes from.
    for (const rep of g.reporting) expect(text).toContain(esc(rep.report));
    expect(text.match(/outside the partnership/g)?.length).toBe(
      g.bodies.filter((b) => !['board', 'delivery-group'].includes(b.type)).length,
    );
  });
});
