/**
 * Blocks for governance and assurance: the accountability structure, the reporting cycle, funding,
 * the Equality Impact Assessment and the risk register.
 */
import { formatDate } from '../../model/periods.js';
import type { Rating } from '../../model/risk-scale.js';
import { PROTECTED_CHARACTERISTICS, type Body } from '../../schema/index.js';
import { formatMoney } from '../../model/format.js';
import { html, table, tag, type RawHtml } from '../html.js';
import { same, type BlockDefinition } from './block.js';
import { VIEW } from './delivery.js';
import { diagramBlock } from './diagrams.js';

const MEETS: Record<Body['meets'], string> = {
  monthly: 'Monthly',
  'bi-monthly': 'Every two months',
  quarterly: 'Quarterly',
  'six-monthly': 'Every six months',
  annually: 'Once a year',
};

export const governance: BlockDefinition = {
  name: 'governance',
  description: 'The accountability structure: who reports to whom, chairs, members and remits.',
  attributes: [VIEW],
  example: '::governance',
  async render(ctx, attrs) {
    const { model } = ctx;
    const g = model.data.governance;
    if (!g) return same(html``);
    const bodiesTable = () =>
      table({
        caption: 'Boards and delivery groups',
        head: ['Body', 'Chair', 'Reports to', 'Meets', 'Remit'],
        rows: g.bodies.map((b) => [
          html`${b.name}${b.members.length ? html`<span class="kpi-meta">Members: ${b.members.join(', ')}</span>` : ''}`,
          b.chair,
          name(b.reports_to) || '–',
          MEETS[b.meets],
          html`${b.remit}${b.priorities.length ? html`<span class="kpi-meta">Oversees: ${b.priorities.map((p) => model.priorityById.get(p)?.title ?? p).join('; ')}</span>` : ''}`,
        ]),
        className: 'governance-table',
      });
    const name = (id: string | undefined) => (id ? (g.bodies.find((b) => b.id === id)?.name ?? id) : '');
    if (attrs['view'] !== 'table') {
      const drawn = await diagramBlock(ctx, 'governance', {});
      if (drawn) return { site: html`${drawn.site}${bodiesTable()}`, print: html`${drawn.print}${bodiesTable()}` };
    }
    const byParent = new Map<string | undefined, Body[]>();
    for (const b of g.bodies) {
      const parent = b.reports_to && g.bodies.some((x) => x.id === b.reports_to) ? b.reports_to : undefined;
      byParent.set(parent, [...(byParent.get(parent) ?? []), b]);
    }
    const tree = (parent: string | undefined, depth: number): RawHtml => {
      const children = byParent.get(parent) ?? [];
      if (!children.length || depth > 8) return html``;
      return html`<ul class="org-tree${depth === 0 ? ' org-tree--root' : ''}">${children.map(
        (b) => html`<li><div class="org-node org-node--${b.type}"><span class="org-node__name">${b.name}</span><span class="org-node__chair">Chair: ${b.chair}</span><span class="org-node__meets">${MEETS[b.meets]}</span></div>${tree(b.id, depth + 1)}</li>`,
      )}</ul>`;
    };
    // A named group, not a <figure>: in the tagged PDF a figure becomes a Figure whose Alt replaces its
    // content, so its lists and table would be skipped by screen readers.
    return same(html`<div class="accountability" role="group" aria-label="Accountability structure">
<div class="logic-model__caption">Accountability structure: each body reports to the one above it</div>
${tree(undefined, 0)}
</div>
${bodiesTable()}`);
  },
};

export const reportingCycle: BlockDefinition = {
  name: 'reporting-cycle',
  description: 'Who reports what to whom, and how often.',
  attributes: [],
  example: '::reporting-cycle',
  render({ model }) {
    const g = model.data.governance;
    if (!g) return same(html``);
    const name = (id: string) => g.bodies.find((b) => b.id === id)?.name ?? id;
    return same(
      table({
        caption: 'Performance reporting cycle',
        head: ['Report', 'From', 'To', 'How often'],
        // Scrutiny and commissioning lines are drawn in the accountability structure, not listed as reports.
        rows: g.reporting.filter((r) => r.kind === 'reports-to' || r.kind === 'informs').map((r) => [r.report, name(r.from), name(r.to), r.frequency]),
      }),
    );
  },
};

export const fundingTable: BlockDefinition = {
  name: 'funding-table',
  description: 'Funding streams and commissioned services by year, with totals computed by the build.',
  attributes: [{ name: 'priority', kind: 'priority', required: false }],
  example: '::funding-table',
  render({ model }, attrs) {
    const streams = model.funding.filter((s) => !attrs['priority'] || s.priority === attrs['priority']);
    const years = model.years;
    const STATUS: Record<string, RawHtml> = { confirmed: tag('Confirmed', 'green'), indicative: tag('Indicative', 'yellow'), 'bid-submitted': tag('Bid submitted', 'grey') };
    const byPriority = model.priorities.map((p) => ({ p, streams: streams.filter((s) => s.priority === p.id) })).filter((g) => g.streams.length);
    const rows = byPriority.flatMap(({ p, streams: ss }) => [
      [html`<span class="table-group">${p.title}</span>`, '', '', ...years.map(() => ''), ''],
      ...ss.map((s) => [
        html`${s.project}<span class="kpi-meta">${s.provider}</span>`,
        s.funder,
        STATUS[s.status] ?? s.status,
        ...years.map((y) => (s.amounts[y] === undefined ? '–' : formatMoney(s.amounts[y]!))),
        formatMoney(model.fundingTotals.byStream[s.id] ?? 0),
      ]),
    ]);
    // The model's totals: the whole strategy's, or one priority's.
    const totals = model.fundingTotals;
    const ofPriority = attrs['priority'] ? (totals.byPriority[attrs['priority']] ?? {}) : undefined;
    const sums = years.map((y) => (ofPriority ? (ofPriority[y] ?? 0) : (totals.byYear[y] ?? 0)));
    const total = ofPriority ? Object.values(ofPriority).reduce((a, b) => a + b, 0) : totals.total;
    return same(
      table({
        caption: attrs['priority'] ? `Funding: ${model.priorityById.get(attrs['priority'])?.title ?? ''}` : 'Funding streams and commissioned services (£)',
        head: ['Project and provider', 'Funder', 'Status', ...years, 'Total'],
        rows,
        foot: [['Total', '', '', ...sums.map(formatMoney), formatMoney(total)]],
        numeric: [...years.map((_, i) => i + 3), years.length + 3],
        className: 'funding-table',
      }),
    );
  },
};

const CHARACTERISTIC_LABEL: Record<string, string> = {
  age: 'Age',
  disability: 'Disability',
  'gender-reassignment': 'Gender reassignment',
  'marriage-and-civil-partnership': 'Marriage and civil partnership',
  'pregnancy-and-maternity': 'Pregnancy and maternity',
  race: 'Race',
  'religion-or-belief': 'Religion or belief',
  sex: 'Sex',
  'sexual-orientation': 'Sexual orientation',
};
const IMPACT: Record<string, RawHtml> = { positive: tag('Positive', 'green'), neutral: tag('Neutral', 'grey'), negative: tag('Negative', 'red') };

export const eqia: BlockDefinition = {
  name: 'eqia',
  description: 'The Equality Impact Assessment for all nine protected characteristics.',
  attributes: [],
  example: '::eqia',
  render({ model }) {
    const e = model.data.eqia;
    if (!e) return same(html``);
    const order = (c: string) => PROTECTED_CHARACTERISTICS.indexOf(c as (typeof PROTECTED_CHARACTERISTICS)[number]);
    const rows = [...e.characteristics].sort((a, b) => order(a.characteristic) - order(b.characteristic)).map((c) => [CHARACTERISTIC_LABEL[c.characteristic] ?? c.characteristic, IMPACT[c.impact]!, c.evidence, c.mitigation]);
    if (e.socio_economic) rows.push(['Socio-economic disadvantage', IMPACT[e.socio_economic.impact]!, e.socio_economic.evidence, e.socio_economic.mitigation]);
    if (e.welsh_language) rows.push(['Welsh language', IMPACT[e.welsh_language.impact]!, e.welsh_language.evidence, e.welsh_language.mitigation]);
    return same(html`<p class="govuk-body">${e.summary} <span class="kpi-meta">Assessed by ${e.assessed_by}, ${formatDate(e.date)}.</span></p>${table({
      caption: 'Equality Impact Assessment (Equality Act 2010, section 149)',
      head: ['Protected characteristic', 'Impact', 'Evidence', 'Mitigation and action'],
      rows,
      className: 'eqia-table',
    })}`);
  },
};

const BAND: Record<Rating['band'], 'red' | 'orange' | 'green'> = { high: 'red', medium: 'orange', low: 'green' };
const ratingTag = (r: Rating | undefined): RawHtml | string => (r ? html`${tag(r.label, BAND[r.band])}<span class="govuk-visually-hidden"> (${r.band})</span>` : '–');

export const riskRegister: BlockDefinition = {
  name: 'risk-register',
  description: 'The risk register, with ratings computed on the configured scale.',
  attributes: [],
  example: '::risk-register',
  render({ model }) {
    const scale = model.scale;
    const legend = html`<p class="govuk-body-s risk-legend">Likelihood: ${scale.likelihood.map((l) => `${l.code} ${l.label}`).join(', ')}. Impact: ${scale.impact.map((i) => `${scale.kind === 'numeric' ? i.code : `${i.code} (${i.rank})`} ${i.label}`).join(', ')}. ${scale.kind === 'numeric' ? 'The rating is likelihood multiplied by impact.' : 'A rating such as C3 is the likelihood letter followed by the impact number.'}</p>`;
    return same(html`${legend}${table({
      caption: 'Strategic risk register',
      head: ['ID', 'Risk, cause and consequence', 'Owner', 'Rating', 'Mitigation', 'Residual', 'Review'],
      rows: model.risks.map((r) => {
        const rt = model.ratings.get(r.id);
        return [
          html`<span id="risk-${r.id}">${r.id}</span>`,
          html`<strong>${r.risk}</strong><span class="kpi-meta">${r.category.replace(/^./, (c) => c.toUpperCase())}</span><p class="risk-detail"><em>Cause:</em> ${r.cause}</p><p class="risk-detail"><em>Consequence:</em> ${r.consequence}</p>`,
          r.owner,
          ratingTag(rt?.inherent),
          r.mitigation,
          ratingTag(rt?.residual),
          formatDate(r.review),
        ];
      }),
      className: 'risk-table',
    })}`);
  },
};
