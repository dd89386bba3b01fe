/**
 * `::grant-allocations{round=…}`: the projects funded from one stream in one year, with the total the
 * build adds up and, when the stream's amount is known, what is left unallocated.
 */
import { formatMoney } from '../../model/format.js';
import { html, table } from '../html.js';
import { same, type BlockDefinition } from './block.js';

export const grantAllocations: BlockDefinition = {
  name: 'grant-allocations',
  description: 'Grants made from one funding stream in one year, project by project, with the total.',
  attributes: [{ name: 'round', kind: 'allocation-round', required: true }],
  example: '::grant-allocations{round=CRG-2024-25}',
  render({ model }, attrs) {
    const a = model.allocations.find((x) => x.round.id === attrs['round'])!;
    const stream = model.funding.find((s) => s.stream.id === a.round.stream)?.stream;
    const title = (id: string | undefined) => (id ? (model.priorityById.get(id)?.title ?? id) : '');
    const anyPriority = a.round.projects.some((p) => p.priority);
    const anyProvider = a.round.projects.some((p) => p.provider);
    const left = a.available !== undefined ? a.available - a.total : undefined;
    const blanks = (n: number) => Array.from({ length: n }, () => '');
    const pad = (anyProvider ? 1 : 0) + (anyPriority ? 1 : 0);
    return same(
      table({
        caption: a.round.title ?? `${stream?.project ?? a.round.stream}: allocations ${a.round.year}`,
        head: ['Project', ...(anyProvider ? ['Delivered by'] : []), ...(anyPriority ? ['Priority'] : []), 'Amount'],
        rows: a.round.projects.map((p) => [
          p.project,
          ...(anyProvider ? [p.provider ?? ''] : []),
          ...(anyPriority ? [title(p.priority)] : []),
          formatMoney(p.amount),
        ]),
        foot: [
          ['Total allocated', ...blanks(pad), formatMoney(a.total)],
          ...(a.available !== undefined && left !== undefined && left > 0
            ? [
                [
                  html`Not yet allocated <span class="kpi-meta">of ${formatMoney(a.available)} from ${stream?.funder ?? ''}</span>`,
                  ...blanks(pad),
                  formatMoney(left),
                ],
              ]
            : []),
        ],
        numeric: [pad + 1],
        className: 'allocations-table',
      }),
    );
  },
};

export default grantAllocations;
