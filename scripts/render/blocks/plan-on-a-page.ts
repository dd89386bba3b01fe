/**
 * The plan on a page: the whole strategy as one A4 landscape sheet (and a site page, and a block,
 * `::plan-on-a-page`). The vision (the theory of change's goal), each priority with its lead, its
 * headline KPIs (baseline, target, latest value and status in words as well as colour), the progress
 * of its actions, and the governance in miniature (the Board, its delivery groups, scrutiny).
 *
 * Headline KPIs are the first two listed under each priority in data/kpis.yaml (the order officers
 * already use to lead with the measure that matters most).
 */
import type { StrategyModel } from '../../model/strategy.js';
import type { Action } from '../../schema/index.js';
import { formatKpiValue as formatValue } from '../../model/format.js';
import { html, raw, type RawHtml } from '../html.js';
import { same, type BlockDefinition } from './block.js';
import { ragTag } from './delivery.js';

/** How many KPIs per priority the plan shows. */
export const HEADLINE_KPIS = 2;

const ACTION_ORDER: Action['status'][] = ['complete', 'on-track', 'at-risk', 'off-track', 'not-started'];
const ACTION_LABEL: Record<Action['status'], string> = {
  complete: 'complete',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  'not-started': 'not started',
};

export function headlineKpis(model: StrategyModel, priorityId: string) {
  return (model.kpisByPriority.get(priorityId) ?? []).slice(0, HEADLINE_KPIS);
}

function actionProgress(actions: Action[]): RawHtml {
  const total = actions.length;
  if (!total) return html`<p class="plan__actions">No actions yet</p>`;
  const counts = ACTION_ORDER.map((s) => [s, actions.filter((a) => a.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  const words = counts.map(([s, n]) => `${n} ${ACTION_LABEL[s]}`).join(', ');
  // A stacked bar, drawn with widths in percent; the words beside it say the same.
  const bar = counts.map(
    ([s, n]) =>
      html`<span class="plan__bar-part plan__bar-part--${s}" style="width: ${raw(((n / total) * 100).toFixed(2))}%"></span>`,
  );
  return html`<div class="plan__actions"><p class="plan__label">Actions: ${String(total)}</p><div class="plan__bar" aria-hidden="true">${bar}</div><p class="plan__actions-words">${words}</p></div>`;
}

export function planOnAPageHtml(model: StrategyModel, opts: { headingLevel?: 2 | 3 } = {}): RawHtml {
  const h = raw(`h${opts.headingLevel ?? 2}`);
  const vision = model.data.theoryOfChange?.goal ?? model.data.priorities?.priorities?.[0]?.summary ?? '';
  const bodies = model.data.governance?.bodies ?? [];
  const board = bodies.find((b) => b.type === 'board');
  const groups = bodies.filter((b) => b.type === 'delivery-group');
  const scrutiny = bodies.filter((b) => b.type === 'scrutiny');
  const priorities = model.priorities.map((p, i) => {
    const kpis = headlineKpis(model, p.id).map((k) => {
      const r = model.rag.get(k.id);
      const target = r?.target ?? k.targets[model.years.at(-1)!];
      return html`<li class="plan__kpi">
<p class="plan__kpi-title">${k.title}</p>
<dl class="plan__kpi-figures">
<div><dt>Baseline</dt><dd>${formatValue(k.baseline.value, k.unit)}</dd></div>
<div><dt>Target</dt><dd>${target === undefined ? '–' : formatValue(target, k.unit)}</dd></div>
<div><dt>Latest</dt><dd>${r?.value === undefined ? 'No data yet' : formatValue(r.value, k.unit)}${r?.period ? html` <span class="plan__period">${r.period}</span>` : ''}</dd></div>
</dl>
<p class="plan__status">${ragTag(r?.status ?? 'grey')}</p>
</li>`;
    });
    return html`<li class="plan__priority">
<${h} class="plan__priority-title"><span class="plan__priority-number">Priority ${String(i + 1)}</span> ${p.title}</${h}>
<p class="plan__lead"><span class="plan__label">Lead:</span> ${p.lead.role}, ${p.lead.organisation}</p>
<ul class="plan__kpis">${kpis}</ul>
${actionProgress(model.actionsByPriority.get(p.id) ?? [])}
</li>`;
  });
  const governance = board
    ? html`<div class="plan__governance"><${h} class="plan__section-title">Governance</${h}>
<ol class="plan__gov">
<li class="plan__gov-board"><span class="plan__gov-name">${board.name}</span> <span class="plan__gov-meets">meets ${board.meets ?? ''}</span>
${groups.length ? html`<ol class="plan__gov-groups">${groups.map((g) => html`<li>${g.name}</li>`)}</ol>` : ''}
</li>
${scrutiny.map((s) => html`<li class="plan__gov-scrutiny">Scrutiny: ${s.name}</li>`)}
</ol></div>`
    : '';
  return html`<div class="plan">
<div class="plan__vision"><p class="plan__label">Our vision</p><p class="plan__vision-text">${vision}</p></div>
<ol class="plan__priorities">${priorities}</ol>
${governance}
</div>`;
}

export const planOnAPage: BlockDefinition = {
  name: 'plan-on-a-page',
  description:
    'The strategy on one page: vision, priorities with leads, headline KPIs with status, action progress and governance.',
  attributes: [],
  example: '::plan-on-a-page',
  render({ model }) {
    return same(planOnAPageHtml(model, { headingLevel: 3 }));
  },
};

export default planOnAPage;
