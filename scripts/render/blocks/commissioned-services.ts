/**
 * `::commissioned-services` (optionally `{priority=…}`): services the partnership commissions, each with
 * the streams that pay for it and how much from each per year. The amounts are part of those streams
 * (checked in validate/rules/funding.ts), so they are never added to the funding totals again.
 */
import { formatDate } from '../../model/periods.js';
import { formatMoney } from '../../model/format.js';
import { html, table } from '../html.js';
import { same, type BlockDefinition } from './block.js';

export const commissionedServices: BlockDefinition = {
  name: 'commissioned-services',
  description: 'Commissioned services, each funded from one or more streams, with amounts per year and totals.',
  attributes: [{ name: 'priority', kind: 'priority', required: false }],
  example: '::commissioned-services',
  render({ model }, attrs) {
    const only = attrs['priority'];
    const services = model.services.filter((s) => !only || s.priorities.includes(only));
    if (!services.length)
      return same(
        html`<p class="govuk-body">No commissioned services are recorded${only ? ' for this priority' : ''}.</p>`,
      );
    const years = model.years;
    const streamName = (id: string) => {
      const s = model.funding.find((x) => x.stream.id === id)?.stream;
      return s ? `${s.project} (${s.funder})` : id;
    };
    const rows = services.flatMap((m) => {
      const s = m.service;
      const head = [
        html`<strong>${s.service}</strong>${s.provider ? html`<span class="kpi-meta">${s.provider}</span>` : ''}${
          m.priorities.length
            ? html`<span class="kpi-meta">Priorities: ${m.priorities.map((p) => model.priorityById.get(p)?.title ?? p).join('; ')}</span>`
            : ''
        }${s.contract ? html`<span class="kpi-meta">Contract ${formatDate(s.contract.start)} to ${formatDate(s.contract.end)}</span>` : ''}${s.notes ? html`<span class="kpi-meta">${s.notes}</span>` : ''}`,
        ...years.map((y) => (m.byYear[y] === undefined ? '–' : formatMoney(m.byYear[y]!))),
        formatMoney(m.total),
      ];
      // One line per stream when several pay for it.
      const parts =
        s.funded_by.length > 1
          ? s.funded_by.map((f) => [
              html`<span class="table-indent">from ${streamName(f.stream)}</span>`,
              ...years.map((y) => (f.amounts[y] === undefined ? '–' : formatMoney(f.amounts[y]!))),
              formatMoney(Object.values(f.amounts).reduce((a, b) => a + b, 0)),
            ])
          : [];
      return [head, ...parts];
    });
    const sums = years.map((y) => services.reduce((a, m) => a + (m.byYear[y] ?? 0), 0));
    return same(
      html`${table({
        caption: 'Commissioned services and the streams that fund them (£)',
        head: ['Service', ...years, 'Total'],
        rows,
        foot: [['Total', ...sums.map(formatMoney), formatMoney(sums.reduce((a, b) => a + b, 0))]],
        numeric: [...years.map((_, i) => i + 1), years.length + 1],
        className: 'services-table',
      })}<p class="govuk-body-s">${services.length === 1 ? 'The service is' : 'These services are'} paid from the funding streams above; the amounts are part of those streams, not in addition to them.</p>`,
    );
  },
};

export default commissionedServices;
