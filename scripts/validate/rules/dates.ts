/**
 * Dates and periods that pass the schema's shape but do not exist: `2027-02-30`, or a financial year
 * whose two years do not follow on (`2027-29`, `2027-29 Q1`).
 */
import type { PathSegment } from '../../load/yaml.js';
import { fyLabel, isValidDate, parsePeriod } from '../../model/periods.js';
import type { DataKey } from '../../schema/index.js';
import type { Rule, RuleContext } from '../context.js';

type Kind = 'financial year' | 'quarter' | 'period';

function checkPeriod(
  ctx: RuleContext,
  value: string,
  kind: Kind,
  key: DataKey,
  path: PathSegment[],
  atKey = false,
): void {
  if (parsePeriod(value)) return;
  const quarter = / Q[1-4]$/.exec(value)?.[0] ?? '';
  const example = `${fyLabel(Number(value.slice(0, 4)) || 2027)}${quarter}`;
  ctx.report(
    'period/invalid',
    key,
    path,
    [
      value,
      quarter ? 'quarter' : kind,
      kind === 'period' && !quarter ? `${example} (or a month such as 2027-04)` : example,
    ],
    { key: atKey },
  );
}

function checkDate(ctx: RuleContext, value: string, key: DataKey, path: PathSegment[]): void {
  if (isValidDate(value)) return;
  // Suggest the last day of the month meant, when the month itself exists.
  const [y, m] = value.split('-');
  let example = '';
  for (let day = 31; day >= 28 && Number(m) >= 1 && Number(m) <= 12; day--) {
    const candidate = `${y}-${m}-${day}`;
    if (isValidDate(candidate)) {
      example = candidate;
      break;
    }
  }
  ctx.report('date/invalid', key, path, [value, example]);
}

export const checkDates: Rule = (ctx) => {
  const d = ctx.data;
  if (d.partnership) {
    checkDate(ctx, d.partnership.build.date, 'partnership', ['build', 'date']);
    const asAt = d.partnership.reporting?.as_at;
    if (asAt !== undefined) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(asAt)) checkDate(ctx, asAt, 'partnership', ['reporting', 'as_at']);
      else checkPeriod(ctx, asAt, 'quarter', 'partnership', ['reporting', 'as_at']);
    }
    d.partnership.approvals.forEach((a, i) => checkDate(ctx, a.date, 'partnership', ['approvals', i, 'date']));
  }
  if (d.eqia) checkDate(ctx, d.eqia.date, 'eqia', ['date']);
  d.risks?.risks.forEach((r, i) => r.review && checkDate(ctx, r.review, 'risks', ['risks', i, 'review']));

  const rawKpis = (ctx.project.sources.kpis?.value as { kpis?: { actuals?: unknown[] }[] } | undefined)?.kpis;
  d.kpis?.kpis.forEach((k, i) => {
    checkPeriod(ctx, k.baseline.period, 'period', 'kpis', ['kpis', i, 'baseline', 'period']);
    for (const year of Object.keys(k.targets))
      checkPeriod(ctx, year, 'financial year', 'kpis', ['kpis', i, 'targets', year], true);
    const yamlCount = rawKpis?.[i]?.actuals?.length ?? 0;
    k.actuals.forEach((a, j) => {
      if (j < yamlCount) return checkPeriod(ctx, a.period, 'period', 'kpis', ['kpis', i, 'actuals', j, 'period']);
      const at = ctx.project.actualSources.get(a);
      if (at && !parsePeriod(a.period)) {
        ctx.reportAt('period/invalid', at.file, at, [
          a.period,
          'period',
          `${fyLabel(Number(a.period.slice(0, 4)) || 2027)} (or a month such as 2027-04)`,
        ]);
      }
    });
  });
  d.actions?.actions.forEach((a, i) => {
    checkPeriod(ctx, a.due, 'quarter', 'actions', ['actions', i, 'due']);
    a.milestones.forEach((m, j) =>
      checkPeriod(ctx, m.quarter, 'quarter', 'actions', ['actions', i, 'milestones', j, 'quarter']),
    );
  });
  d.funding?.streams.forEach((s, i) => {
    for (const year of Object.keys(s.amounts))
      checkPeriod(ctx, year, 'financial year', 'funding', ['streams', i, 'amounts', year], true);
  });
  d.theoryOfChange?.pathways.forEach((p, i) =>
    p.preconditions.forEach((c, j) =>
      checkPeriod(ctx, c.year, 'financial year', 'theoryOfChange', ['pathways', i, 'preconditions', j, 'year']),
    ),
  );
};
