/** `::approvals`: the approvals and decision history of the strategy, oldest first, from data/partnership.yaml. */
import { formatDate } from '../../model/periods.js';
import { html, table } from '../html.js';
import { same, type BlockDefinition } from './block.js';

export const approvals: BlockDefinition = {
  name: 'approvals',
  description: 'The approvals and decision history: who decided what, and when.',
  attributes: [],
  example: '::approvals',
  render({ model }) {
    const list = [...(model.data.partnership?.approvals ?? [])].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
    if (!list.length) return same(html`<p class="govuk-body">No approvals have been recorded yet.</p>`);
    const withRef = list.some((a) => a.reference);
    return same(
      table({
        caption: 'Approvals and decision history',
        head: ['Date', 'Body', 'Decision', ...(withRef ? ['Reference'] : [])],
        rows: list.map((a) => [
          html`<time datetime="${a.date}">${formatDate(a.date)}</time>`,
          a.body,
          a.decision ?? '',
          ...(withRef ? [a.reference ?? ''] : []),
        ]),
        className: 'approvals-table',
      }),
    );
  },
};

export default approvals;
