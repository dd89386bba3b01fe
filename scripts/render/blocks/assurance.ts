/**
 * Blocks for governance and assurance: the accountability structure, the reporting cycle, funding,
 * the Equality Impact Assessment and the risk register.
 */
import { formatDate } from '../../model/periods.js';
import type { Rating } from '../../model/risk-scale.js';
import { FUNDING_STATUS_LABELS, NO_PRIORITY, SEVERAL_PRIORITIES } from '../../model/funding.js';
import { PROTECTED_CHARACTERISTICS, type Body, type FundingStatus } from '../../schema/index.js';
import { formatMoney } from '../../model/format.js';
import { html, table, tag, type RawHtml } from '../html.js';
import { same, type BlockDefinition } from './block.js';
import { VIEW } from './delivery.js';
import { diagramBlock } from './diagrams.js';
import { governanceLines } from '../../figures/diagrams/kinds/governance.js';

const MEETS: Record<NonNullable<Body['meets']>, string> = {
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
          b.chair ?? '',
          name(b.reports_to) || '–',
          b.meets ? MEETS[b.meets] : '',
          html`${b.remit}${b.priorities.length ? html`<span class="kpi-meta">Oversees: ${b.priorities.map((p) => model.priorityById.get(p)?.title ?? p).join('; ')}</span>` : ''}`,
        ]),
        className: 'governance-table',
      });
    const name = (id: string | undefined) => (id ? (g.bodies.find((b) => b.id === id)?.name ?? id) : '');
    if (attrs['view'] !== 'table') {
      const drawn = await diagramBlock(ctx, 'governance', {});
      if (drawn) return { site: html`${drawn.site}${bodiesTable()}`, print: html`${drawn.print}${bodiesTable()}` };
    }
    // The tree nests each body under the first body it reports to (its `reports_to`, or a `reporting`
    // line of kind reports-to), and names any other it reports to; bodies that report to none stand at
    // the top. So the nesting says exactly what the data says, as the caption does.
    const reportsTo = new Map<string, string[]>();
    for (const l of governanceLines(model))
      if (l.kind === 'reports-to') reportsTo.set(l.from, [...(reportsTo.get(l.from) ?? []), l.to]);
    const byParent = new Map<string | undefined, Body[]>();
    for (const b of g.bodies) {
      const parent = reportsTo.get(b.id)?.[0];
      byParent.set(parent, [...(byParent.get(parent) ?? []), b]);
    }
    const placed = new Set<string>();
    const tree = (parent: string | undefined, depth: number, bodies = byParent.get(parent) ?? []): RawHtml => {
      const children = bodies.filter((b) => !placed.has(b.id));
      if (!children.length || depth > 8) return html``;
      for (const b of children) placed.add(b.id);
      return html`<ul class="org-tree${depth === 0 ? ' org-tree--root' : ''}">${children.map((b) => {
        const also = (reportsTo.get(b.id) ?? []).slice(1).map(name);
        return html`<li><div class="org-node org-node--${b.type}"><span class="org-node__name">${b.name}</span>${b.chair ? html`<span class="org-node__chair">Chair: ${b.chair}</span>` : ''}${b.meets ? html`<span class="org-node__meets">${MEETS[b.meets]}</span>` : ''}${also.length ? html`<span class="org-node__meets">Also reports to: ${also.join('; ')}</span>` : ''}</div>${tree(b.id, depth + 1)}</li>`;
      })}</ul>`;
    };
    const top = tree(undefined, 0);
    // Bodies in a reporting cycle (reported by the governance check) are listed at the top, not lost.
    const rest = tree(undefined, 0, g.bodies);
    // A named group, not a <figure>: in the tagged PDF a figure becomes a Figure whose Alt replaces its
    // content, so its lists and table would be skipped by screen readers.
    return same(html`<div class="accountability" role="group" aria-label="Accountability structure">
<div class="logic-model__caption">Accountability structure: each body is listed under the body it reports to</div>
${top}${rest}
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
        rows: g.reporting
          .filter((r) => r.kind === 'reports-to' || r.kind === 'informs')
          .map((r) => [r.report, name(r.from), name(r.to), r.frequency]),
      }),
    );
  },
};

const STATUS_COLOUR: Record<FundingStatus, 'green' | 'yellow' | 'grey' | 'red' | 'blue'> = {
  confirmed: 'green',
  indicative: 'yellow',
  'not-confirmed': 'red',
  'bid-submitted': 'grey',
  ended: 'grey',
};
export const fundingStatusTag = (s: FundingStatus): RawHtml => tag(FUNDING_STATUS_LABELS[s], STATUS_COLOUR[s]);

export const fundingTable: BlockDefinition = {
  name: 'funding-table',
  description:
    'Funding streams by year, each year with its status (confirmed, indicative, not confirmed, ended), with totals and the confirmed share computed by the build.',
  attributes: [{ name: 'priority', kind: 'priority', required: false }],
  example: '::funding-table',
  render({ model }, attrs) {
    const only = attrs['priority'];
    const streams = model.funding.filter((s) => !only || s.priorities.includes(only));
    const years = model.years;
    const title = (id: string) => model.priorityById.get(id)?.title ?? id;
    // Grouped by priority; a stream serving several priorities is listed once, under "Several priorities".
    const groups = [
      ...model.priorities.map((p) => ({
        label: p.title,
        streams: streams.filter((s) => s.priorities.length === 1 && s.priorities[0] === p.id),
      })),
      { label: SEVERAL_PRIORITIES, streams: streams.filter((s) => s.priorities.length > 1) },
      { label: NO_PRIORITY, streams: streams.filter((s) => s.priorities.length === 0) },
    ].filter((g) => g.streams.length);
    const cell = (m: (typeof streams)[number], y: string) => {
      const amount = m.stream.amounts[y];
      const status = m.statusByYear[y];
      const money = amount === undefined ? '–' : formatMoney(amount);
      return m.singleStatus || !status
        ? money
        : html`${money}<span class="kpi-meta">${FUNDING_STATUS_LABELS[status]}</span>`;
    };
    const rows = groups.flatMap(({ label, streams: ss }) => [
      [html`<span class="table-group">${label}</span>`, '', '', ...years.map(() => ''), ''],
      ...ss.map((m) => [
        html`${m.stream.project}${m.stream.provider ? html`<span class="kpi-meta">${m.stream.provider}</span>` : ''}${m.priorities.length > 1 ? html`<span class="kpi-meta">Serves: ${m.priorities.map(title).join('; ')}</span>` : ''}${m.stream.notes ? html`<span class="kpi-meta funding-note">${m.stream.notes}</span>` : ''}`,
        m.stream.funder,
        m.singleStatus ? fundingStatusTag(m.singleStatus) : 'By year',
        ...years.map((y) => cell(m, y)),
        formatMoney(m.total),
      ]),
    ]);
    const sums = years.map((y) => streams.reduce((a, s) => a + (s.stream.amounts[y] ?? 0), 0));
    const total = sums.reduce((a, b) => a + b, 0);
    // The confirmed share of each year, when any money is not confirmed: what the partnership can rely on.
    const confirmed = years.map((y) =>
      streams.reduce((a, s) => a + (s.statusByYear[y] === 'confirmed' ? (s.stream.amounts[y] ?? 0) : 0), 0),
    );
    const showConfirmed = confirmed.some((c, i) => c !== sums[i]);
    return same(
      table({
        caption: only
          ? `Funding: ${model.priorityById.get(only)?.title ?? ''}`
          : 'Funding streams and commissioned services (£)',
        head: ['Project and provider', 'Funder', 'Status', ...years, 'Total'],
        rows,
        foot: [
          ['Total', '', '', ...sums.map(formatMoney), formatMoney(total)],
          ...(showConfirmed
            ? [
                [
                  'Of which confirmed',
                  '',
                  '',
                  ...confirmed.map(formatMoney),
                  formatMoney(confirmed.reduce((a, b) => a + b, 0)),
                ],
              ]
            : []),
        ],
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
const IMPACT: Record<string, RawHtml> = {
  positive: tag('Positive', 'green'),
  neutral: tag('Neutral', 'grey'),
  negative: tag('Negative', 'red'),
};

export const eqia: BlockDefinition = {
  name: 'eqia',
  description: 'The Equality Impact Assessment for all nine protected characteristics.',
  attributes: [],
  example: '::eqia',
  render({ model }) {
    const e = model.data.eqia;
    if (!e) return same(html``);
    const order = (c: string) => PROTECTED_CHARACTERISTICS.indexOf(c as (typeof PROTECTED_CHARACTERISTICS)[number]);
    const rows = [...e.characteristics]
      .sort((a, b) => order(a.characteristic) - order(b.characteristic))
      .map((c) => [
        CHARACTERISTIC_LABEL[c.characteristic] ?? c.characteristic,
        IMPACT[c.impact]!,
        c.evidence,
        c.mitigation,
      ]);
    for (const g of e.other_groups) rows.push([g.group, IMPACT[g.impact]!, g.evidence, g.mitigation]);
    if (e.socio_economic)
      rows.push([
        'Socio-economic disadvantage',
        IMPACT[e.socio_economic.impact]!,
        e.socio_economic.evidence,
        e.socio_economic.mitigation,
      ]);
    if (e.welsh_language)
      rows.push([
        'Welsh language',
        IMPACT[e.welsh_language.impact]!,
        e.welsh_language.evidence,
        e.welsh_language.mitigation,
      ]);
    return same(
      html`<p class="govuk-body">${e.summary} <span class="kpi-meta">Assessed by ${e.assessed_by}, ${formatDate(e.date)}.</span></p>${table(
        {
          caption: 'Equality Impact Assessment (Equality Act 2010, section 149)',
          head: ['Protected characteristic', 'Impact', 'Evidence', 'Mitigation and action'],
          rows,
          className: 'eqia-table',
        },
      )}`,
    );
  },
};

const BAND: Record<Rating['band'], 'red' | 'orange' | 'green'> = { high: 'red', medium: 'orange', low: 'green' };
const ratingTag = (r: Rating | undefined): RawHtml | string =>
  r ? html`${tag(r.label, BAND[r.band])}<span class="govuk-visually-hidden"> (${r.band})</span>` : '–';

export const riskRegister: BlockDefinition = {
  name: 'risk-register',
  description: 'The risk register, with ratings computed on the configured scale.',
  attributes: [],
  example: '::risk-register',
  render({ model }) {
    const scale = model.scale;
    const legend = html`<p class="govuk-body-s risk-legend">Likelihood: ${scale.likelihood.map((l) => `${l.code} ${l.label}`).join(', ')}. Impact: ${scale.impact.map((i) => `${scale.kind === 'numeric' ? i.code : `${i.code} (${i.rank})`} ${i.label}`).join(', ')}. ${scale.kind === 'numeric' ? 'The rating is likelihood multiplied by impact.' : 'A rating such as C3 is the likelihood letter followed by the impact number.'}</p>`;
    // Columns the register does not record (owner, residual rating, review date) are left out, not filled.
    const has = {
      owner: model.risks.some((r) => r.owner),
      residual: model.risks.some((r) => r.residual),
      review: model.risks.some((r) => r.review),
    };
    const split = model.risks.some((r) => r.cause || r.consequence);
    const cols: [string, boolean][] = [
      ['ID', true],
      [split ? 'Risk, cause and consequence' : 'Risk', true],
      ['Owner', has.owner],
      ['Rating', true],
      ['Mitigation', true],
      ['Residual', has.residual],
      ['Review', has.review],
    ];
    return same(
      html`${legend}${table({
        caption: 'Strategic risk register',
        head: cols.filter(([, on]) => on).map(([label]) => label),
        rows: model.risks.map((r) => {
          const rt = model.ratings.get(r.id);
          const cells = [
            html`<span id="risk-${r.id}">${r.id}</span>`,
            html`<strong>${r.risk}</strong>${r.category ? html`<span class="kpi-meta">${r.category.replace(/^./, (c) => c.toUpperCase())}</span>` : ''}${r.description ? html`<p class="risk-detail">${r.description}</p>` : ''}${r.cause ? html`<p class="risk-detail"><em>Cause:</em> ${r.cause}</p>` : ''}${r.consequence ? html`<p class="risk-detail"><em>Consequence:</em> ${r.consequence}</p>` : ''}`,
            r.owner ?? '',
            ratingTag(rt?.inherent),
            r.mitigation,
            ratingTag(rt?.residual),
            r.review ? formatDate(r.review) : '',
          ];
          return cells.filter((_, i) => cols[i]![1]);
        }),
        className: 'risk-table',
      })}`,
    );
  },
};

/** This file's blocks, for the registry (index.ts). */
export default [governance, reportingCycle, fundingTable, eqia, riskRegister] satisfies BlockDefinition[];
