/**
 * Blocks for delivery: a priority's KPIs, its logic model, the theory of change and the action plan.
 */
import { describePeriod } from '../../model/periods.js';
import { RAG_LABELS, ragLabel, type RagResult, type RagStatus } from '../../model/rag.js';
import type { Action, Kpi } from '../../schema/index.js';
import { formatKpiValue } from '../../model/format.js';
import { html, raw, table, tag, type RawHtml } from '../html.js';
import { same, type AttributeSpec, type BlockDefinition } from './block.js';
import { diagramBlock } from './diagrams.js';
import { horizons } from '../../figures/diagrams/kinds/common.js';

/** `view=table` keeps the boxed lists and tables these blocks showed before they were diagrams. */
export const VIEW: AttributeSpec = { name: 'view', kind: { oneOf: ['diagram', 'table'] }, required: false };

const RAG_TAG: Record<RagStatus, 'green' | 'orange' | 'red' | 'grey'> = {
  green: 'green',
  amber: 'orange',
  red: 'red',
  grey: 'grey',
};
export const ragTag = (s: RagStatus): RawHtml => tag(RAG_LABELS[s], RAG_TAG[s]);
/** The tag for a result: "Not yet available" (grey) when the figure due is missing. */
export const ragResultTag = (r: RagResult): RawHtml => tag(ragLabel(r), RAG_TAG[r.status]);

/** The figure rated, or, when it is not yet available, why and the last published figure. */
export function latestCell(r: RagResult | undefined, unit: Kpi['unit']): RawHtml | string {
  if (r?.value !== undefined)
    return html`${formatKpiValue(r.value, unit)}<span class="kpi-meta">${r.period ?? ''}</span>`;
  if (r?.unavailable) {
    return html`<span class="kpi-unavailable">${r.period} not yet available</span>${r.unavailable.reason ? html`<span class="kpi-meta">${r.unavailable.reason}</span>` : ''}${
      r.lastPublished
        ? html`<span class="kpi-meta">Last published: ${formatKpiValue(r.lastPublished.value, unit)} (${r.lastPublished.period})</span>`
        : ''
    }`;
  }
  return 'No data yet';
}

const STATUS: Record<Action['status'], [string, 'grey' | 'green' | 'orange' | 'red' | 'blue']> = {
  'not-started': ['Not started', 'grey'],
  'on-track': ['On track', 'green'],
  'at-risk': ['At risk', 'orange'],
  'off-track': ['Off track', 'red'],
  complete: ['Complete', 'blue'],
};
export const statusTag = (s: Action['status']): RawHtml => tag(STATUS[s][0], STATUS[s][1]);

export const kpiTable: BlockDefinition = {
  name: 'kpi-table',
  description: 'The KPIs of a priority: baseline, a target for each year, the latest figure and its RAG status.',
  attributes: [{ name: 'priority', kind: 'priority', required: true }],
  example: '::kpi-table{priority=serious-violence}',
  render({ model }, attrs) {
    const p = model.priorityById.get(attrs['priority']!)!;
    const kpis = model.kpisByPriority.get(p.id) ?? [];
    const rows = kpis.map((k) => {
      const r = model.rag.get(k.id);
      return [
        html`<span class="kpi-title" id="kpi-${k.id}">${k.title}</span><span class="kpi-meta">${k.direction === 'lower-is-better' ? 'Lower is better' : 'Higher is better'} · ${k.source}</span>`,
        html`${formatKpiValue(k.baseline.value, k.unit)}<span class="kpi-meta">${k.baseline.period}</span>`,
        ...model.years.map((y) => (k.targets[y] === undefined ? '–' : formatKpiValue(k.targets[y]!, k.unit))),
        latestCell(r, k.unit),
        r ? ragResultTag(r) : ragTag('grey'),
      ];
    });
    const t = table({
      caption: `Key performance indicators: ${p.title}`,
      head: ['Indicator', 'Baseline', ...model.years.map((y) => `Target ${y}`), 'Latest', 'Status'],
      rows,
      numeric: [1, ...model.years.map((_, i) => i + 2), model.years.length + 2],
      className: 'kpi-table',
    });
    const defs = html`<dl class="kpi-definitions">${kpis.map(
      (k) =>
        html`<div class="kpi-definition"><dt>${k.title}</dt><dd>${k.definition}${k.why_it_matters ? html` <em>Why it matters:</em> ${k.why_it_matters}` : ''}${k.notes ? html` <em>Note:</em> ${k.notes}` : ''} <span class="kpi-meta">Owner: ${k.owner}. Reported ${k.frequency}.</span></dd></div>`,
    )}</dl>`;
    return same(
      html`${t}<details class="govuk-details kpi-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">How each indicator is defined</span></summary><div class="govuk-details__text">${defs}</div></details>`,
    );
  },
};

function list(items: string[]): RawHtml {
  return html`<ul class="govuk-list govuk-list--bullet">${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

export const logicModel: BlockDefinition = {
  name: 'logic-model',
  description: 'A priority’s logic model (HM Treasury Magenta Book): inputs to impact.',
  attributes: [{ name: 'priority', kind: 'priority', required: true }, VIEW],
  example: '::logic-model{priority=serious-violence}',
  async render(ctx, attrs) {
    const { model } = ctx;
    const p = model.priorityById.get(attrs['priority']!)!;
    const lm = model.logicModelByPriority.get(p.id);
    if (!lm) return same(html`<p class="govuk-body">No logic model has been written for this priority yet.</p>`);
    if (attrs['view'] !== 'table') {
      const drawn = await diagramBlock(ctx, 'logic-model', { priority: p.id });
      if (drawn) {
        const context = html`<p class="govuk-body logic-model__context"><strong>Context.</strong> ${lm.context}</p>`;
        return { site: html`${context}${drawn.site}`, print: html`${context}${drawn.print}` };
      }
    }
    const outcomeList = (items: { text: string; kpis: string[] }[]) =>
      html`<ul class="govuk-list govuk-list--bullet">${items.map(
        (o) =>
          html`<li>${o.text}${o.kpis.length ? html` <span class="kpi-meta">Measured by: ${o.kpis.map((k) => model.kpiById.get(k)?.title ?? k).join('; ')}</span>` : ''}</li>`,
      )}</ul>`;
    const h = horizons(model.years);
    const col = (title: string, body: RawHtml, cls: string) =>
      html`<div class="logic-model__col logic-model__col--${raw(cls)}"><p class="logic-model__heading">${title}</p>${body}</div>`;
    // A named group, not a <figure>: in the tagged PDF a figure becomes a Figure whose Alt replaces its
    // content, so its lists and table would be skipped by screen readers.
    return same(html`<div class="logic-model" role="group" aria-label="Logic model: ${p.title}">
<div class="logic-model__caption">Logic model: ${p.title}</div>
<p class="logic-model__context"><strong>Context.</strong> ${lm.context}</p>
<div class="logic-model__flow">
${col('Inputs', list(lm.inputs), 'inputs')}
${col('Activities', list(lm.activities), 'activities')}
${col('Outputs', list(lm.outputs), 'outputs')}
<div class="logic-model__col logic-model__col--outcomes"><p class="logic-model__heading">Outcomes</p>
<p class="logic-model__subheading">Short term (${h.short})</p>${outcomeList(lm.outcomes.short)}
<p class="logic-model__subheading">Medium term (${h.medium})</p>${outcomeList(lm.outcomes.medium)}
<p class="logic-model__subheading">Long term (${h.long})</p>${outcomeList(lm.outcomes.long)}</div>
${col('Impact', html`<p class="govuk-body">${lm.impact}</p>`, 'impact')}
</div>
<div class="logic-model__footer">
${lm.assumptions.length ? col('Assumptions', list(lm.assumptions), 'assumptions') : ''}
${lm.external_factors.length ? col('External factors', list(lm.external_factors), 'external') : ''}
</div>
</div>`);
  },
};

export const theoryOfChange: BlockDefinition = {
  name: 'theory-of-change',
  description: 'The theory of change: the problem, pathways of interventions and preconditions by year, and the goal.',
  attributes: [VIEW],
  example: '::theory-of-change',
  async render(ctx, attrs) {
    const { model } = ctx;
    const t = model.data.theoryOfChange;
    if (!t) return same(html``);
    if (attrs['view'] !== 'table') {
      const drawn = await diagramBlock(ctx, 'theory-of-change', {});
      if (drawn) return drawn;
    }
    const years = model.years;
    // A named group, not a <figure>: in the tagged PDF a figure becomes a Figure whose Alt replaces its
    // content, so its lists and table would be skipped by screen readers.
    return same(html`<div class="theory-of-change" role="group" aria-label="Theory of change">
<div class="logic-model__caption">Theory of change ${model.periodLabel}</div>
<div class="toc-ends"><p class="toc-problem"><strong>The problem.</strong> ${t.problem}</p><p class="toc-goal"><strong>The long-term goal.</strong> ${t.goal}</p></div>
${table({
  caption: 'Pathways: what must be true by the end of each year',
  head: ['Pathway and interventions', ...years],
  rows: t.pathways.map((pw) => [
    html`<strong>${pw.title}</strong>${pw.priority && model.priorityById.get(pw.priority) ? html`<span class="kpi-meta">Priority: ${model.priorityById.get(pw.priority)!.title}</span>` : ''}${list(pw.interventions)}`,
    ...years.map((y) => {
      const items = pw.preconditions.filter((c) => c.year === y).map((c) => c.outcome);
      return items.length ? html`${items.map((i) => html`<p class="toc-step">${i}</p>`)}` : '–';
    }),
  ]),
  className: 'toc-table',
})}
${t.assumptions.length ? html`<p class="logic-model__heading">Assumptions</p>${list(t.assumptions)}` : ''}
${t.evidence.length ? html`<p class="logic-model__heading">Evidence</p><ul class="govuk-list govuk-list--bullet">${t.evidence.map((e) => html`<li>${e.finding} <span class="kpi-meta">${e.source}</span></li>`)}</ul>` : ''}
</div>`);
  },
};

export const actionPlan: BlockDefinition = {
  name: 'action-plan',
  description: 'A priority’s delivery actions: lead, partners, due quarter, status and the KPIs they move.',
  attributes: [{ name: 'priority', kind: 'priority', required: true }],
  example: '::action-plan{priority=serious-violence}',
  render({ model }, attrs) {
    const p = model.priorityById.get(attrs['priority']!)!;
    const actions = model.actionsByPriority.get(p.id) ?? [];
    return same(
      table({
        caption: `Delivery plan: ${p.title}`,
        head: ['No.', 'Action', 'Lead', 'Partners', 'Due', 'Status'],
        rows: actions.map((a) => [
          html`<span id="action-${a.id}">${a.id}</span>`,
          html`${a.action}${a.milestones.length ? html`<ul class="milestones">${a.milestones.map((m) => html`<li><span class="kpi-meta">${m.quarter}</span> ${m.milestone}</li>`)}</ul>` : ''}${a.kpis.length ? html`<span class="kpi-meta">Moves: ${a.kpis.map((k) => model.kpiById.get(k)?.title ?? k).join('; ')}</span>` : ''}`,
          html`${a.lead.role}<span class="kpi-meta">${a.lead.organisation}</span>`,
          a.partners.join(', '),
          html`<span title="${describePeriod(a.due)}">${a.due}</span>`,
          statusTag(a.status),
        ]),
        className: 'action-table',
      }),
    );
  },
};

/** This file's blocks, for the registry (index.ts). */
export default [kpiTable, logicModel, theoryOfChange, actionPlan] satisfies BlockDefinition[];
