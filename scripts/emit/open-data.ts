/**
 * Open data downloads, published under the Open Government Licence v3.0: the KPIs with their RAG,
 * every actual, the risk register, funding (with computed totals) and the delivery plan, as CSV that
 * analysts can open in a spreadsheet, and the whole data set as JSON.
 */
import type { StrategyModel } from '../model/strategy.js';
import { comparePeriods } from '../model/periods.js';

export { OPEN_DATA_FILES } from '../model/open-data.js';

function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  // Spreadsheet formula injection: a cell starting with = + - @ is read as a formula by Excel.
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function openDataFiles(model: StrategyModel): Map<string, string> {
  const out = new Map<string, string>();
  const years = model.years;
  out.set(
    'data/kpis.csv',
    toCsv(
      [
        'id',
        'title',
        'priority',
        'unit',
        'direction',
        'frequency',
        'source',
        'owner',
        'baseline_period',
        'baseline',
        ...years.map((y) => `target_${y}`),
        'latest_period',
        'latest',
        'rag',
      ],
      model.kpis.map((k) => {
        const r = model.rag.get(k.id);
        return [
          k.id,
          k.title,
          k.priority,
          k.unit,
          k.direction,
          k.frequency,
          k.source,
          k.owner,
          k.baseline.period,
          k.baseline.value,
          ...years.map((y) => k.targets[y]),
          r?.period,
          r?.value,
          r?.status,
        ];
      }),
    ),
  );
  out.set(
    'data/kpi-actuals.csv',
    toCsv(
      ['kpi', 'period', 'value', 'note'],
      model.kpis.flatMap((k) =>
        [...k.actuals]
          .sort((a, b) => comparePeriods(a.period, b.period))
          .map((a) => [k.id, a.period, a.value, a.value === null ? (a.reason ?? a.note) : a.note]),
      ),
    ),
  );
  out.set(
    'data/actions.csv',
    toCsv(
      ['id', 'priority', 'action', 'lead_organisation', 'lead_role', 'partners', 'due', 'status', 'kpis'],
      model.actions.map((a) => [
        a.id,
        a.priority,
        a.action,
        a.lead.organisation,
        a.lead.role,
        a.partners.join('; '),
        a.due,
        a.status,
        a.kpis.join('; '),
      ]),
    ),
  );
  out.set(
    'data/risks.csv',
    toCsv(
      [
        'id',
        'risk',
        'category',
        'cause',
        'consequence',
        'likelihood',
        'impact',
        'rating',
        'owner',
        'mitigation',
        'residual_likelihood',
        'residual_impact',
        'residual_rating',
        'review',
      ],
      model.risks.map((r) => {
        const rt = model.ratings.get(r.id);
        return [
          r.id,
          r.risk,
          r.category,
          r.cause,
          r.consequence,
          r.likelihood,
          r.impact,
          rt?.inherent?.label,
          r.owner,
          r.mitigation,
          r.residual?.likelihood,
          r.residual?.impact,
          rt?.residual?.label,
          r.review,
        ];
      }),
    ),
  );
  out.set(
    'data/funding.csv',
    toCsv(
      ['id', 'funder', 'project', 'priority', 'provider', 'status', ...years, 'total'],
      [
        ...model.funding.map(({ stream: s, priorities, statusByYear, singleStatus }) => [
          s.id,
          s.funder,
          s.project,
          priorities.join('; '),
          s.provider,
          singleStatus ?? years.map((y) => `${y}: ${statusByYear[y] ?? ''}`).join('; '),
          ...years.map((y) => s.amounts[y]),
          model.fundingTotals.byStream[s.id],
        ]),
        ['total', '', '', '', '', '', ...years.map((y) => model.fundingTotals.byYear[y]), model.fundingTotals.total],
      ],
    ),
  );
  const { partnership, ...rest } = model.data;
  // Scores as printed (exact, rounded once) and as a number that formats to the same text.
  out.set(
    'data/strategy.json',
    `${JSON.stringify({ licence: 'Open Government Licence v3.0', partnership, ...rest, rag: Object.fromEntries(model.rag), fundingTotals: model.fundingTotals, priorityScores: model.priorityScores.map((p) => ({ candidate: p.id, title: p.title, rank: p.rank, total: Number(p.scoreText.replace(/,/g, '')), score: p.scoreText, selected: p.selected })) }, null, 2)}
`,
  );
  return out;
}
