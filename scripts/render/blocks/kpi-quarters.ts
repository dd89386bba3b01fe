/**
 * `::kpi-quarters{priority=… year=…}`: a quarter-by-quarter dashboard for one financial year (by
 * default the year of the reporting period): each KPI's figure and RAG in Q1 to Q4, against that year's
 * target. Quarters after the reporting period are left blank; a quarter due but not published is
 * "not yet available".
 */
import { parsePeriod } from '../../model/periods.js';
import { ragAt } from '../../model/rag.js';
import { duePeriod } from '../../model/reporting.js';
import type { Kpi } from '../../schema/index.js';
import { formatKpiValue } from '../../model/format.js';
import { html, table, type RawHtml } from '../html.js';
import { same, type BlockDefinition } from './block.js';
import { ragResultTag } from './delivery.js';

export const kpiQuarters: BlockDefinition = {
  name: 'kpi-quarters',
  description: 'A quarter-by-quarter table of a year’s KPI figures with the RAG status of each quarter.',
  attributes: [
    { name: 'priority', kind: 'priority', required: false },
    { name: 'year', kind: 'year', required: false },
  ],
  example: '::kpi-quarters{year=2025-26}',
  render({ model }, attrs) {
    const year = attrs['year'] ?? (model.reporting ? parsePeriod(model.reporting.quarter)!.fy : model.years[0]!);
    const kpis = (attrs['priority'] ? (model.kpisByPriority.get(attrs['priority']) ?? []) : model.kpis).filter(
      (k) => k.frequency !== 'annual',
    );
    const rule = model.data.partnership?.rag ?? { amber_within_percent: 5 };
    const reported = model.reporting ? parsePeriod(model.reporting.quarter)!.endIndex : Infinity;
    const quarters = [1, 2, 3, 4].map((q) => `${year} Q${q}`);
    const cell = (k: Kpi, q: string): RawHtml | string => {
      const p = parsePeriod(q)!;
      // A monthly KPI is read at the quarter's last month.
      const period = duePeriod(k.frequency, q) ?? q;
      const has = k.actuals.some((a) => a.period === period);
      if (p.endIndex > reported && !has) return '';
      const r = ragAt(k, period, rule);
      return r.value !== undefined
        ? html`${formatKpiValue(r.value, k.unit)} ${ragResultTag(r)}`
        : html`${ragResultTag(r)}${r.unavailable?.reason ? html`<span class="kpi-meta">${r.unavailable.reason}</span>` : ''}`;
    };
    return same(
      table({
        caption: `KPIs quarter by quarter, ${year}${attrs['priority'] ? `: ${model.priorityById.get(attrs['priority'])?.title ?? ''}` : ''}`,
        head: ['Indicator', `Target ${year}`, 'Q1 (Apr–Jun)', 'Q2 (Jul–Sep)', 'Q3 (Oct–Dec)', 'Q4 (Jan–Mar)'],
        rows: kpis.map((k) => [
          k.title,
          k.targets[year] === undefined ? '–' : formatKpiValue(k.targets[year]!, k.unit),
          ...quarters.map((q) => cell(k, q)),
        ]),
        numeric: [1],
        className: 'kpi-quarters-table',
      }),
    );
  },
};

export default kpiQuarters;
