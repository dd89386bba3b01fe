/**
 * `::kpi-summary` (optionally `{priority=…}`): how many KPIs are on target, near it, off it, and not
 * yet available at the reporting period, with each KPI's status; the counts are the model's, so the
 * home page, the text and this table agree.
 */
import { describePeriod } from '../../model/periods.js';
import { ragLabel, type RagStatus } from '../../model/rag.js';
import { html, table } from '../html.js';
import { same, type BlockDefinition } from './block.js';
import { latestCell, ragResultTag } from './delivery.js';

const ORDER: RagStatus[] = ['green', 'amber', 'red', 'grey'];

export const kpiSummary: BlockDefinition = {
  name: 'kpi-summary',
  description:
    'How many KPIs are on target, near target, off target and not yet available at the reporting period, and each KPI’s status.',
  attributes: [{ name: 'priority', kind: 'priority', required: false }],
  example: '::kpi-summary',
  render({ model }, attrs) {
    const kpis = attrs['priority'] ? (model.kpisByPriority.get(attrs['priority']) ?? []) : model.kpis;
    const results = kpis.map((k) => ({ k, r: model.rag.get(k.id) ?? { status: 'grey' as const } }));
    const counts = new Map<string, number>();
    for (const { r } of results) counts.set(ragLabel(r), (counts.get(ragLabel(r)) ?? 0) + 1);
    // "Not yet available" is grey with a reason; other grey is "no data or target": both are counted by name.
    const labels = [...new Set([...ORDER.map((s) => ragLabel({ status: s })), 'Not yet available'])].filter((l) =>
      counts.has(l),
    );
    const asAt = model.reporting ? `as at ${model.reporting.label}` : 'from the latest figures';
    const sentence = `${kpis.length} indicator${kpis.length === 1 ? '' : 's'} ${asAt}: ${labels.map((l) => `${counts.get(l)} ${l.toLowerCase()}`).join(', ')}.`;
    return same(
      html`<p class="govuk-body kpi-summary" data-counts="${labels.map((l) => `${l}=${counts.get(l)}`).join(';')}">${sentence}</p>${table(
        {
          caption: `KPI status ${asAt}`,
          head: ['Indicator', 'Priority', 'Figure', 'Status'],
          rows: results.map(({ k, r }) => [
            k.title,
            model.priorityById.get(k.priority)?.title ?? k.priority,
            latestCell(r, k.unit),
            ragResultTag(r),
          ]),
          className: 'kpi-summary-table',
        },
      )}${model.reporting ? html`<p class="govuk-body-s">Each indicator is rated on its figure for the period due at ${describePeriod(model.reporting.quarter)}: the quarter, its last month, or the last financial year, as the indicator is reported.</p>` : ''}`,
    );
  },
};

export default kpiSummary;
