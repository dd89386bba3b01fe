/**
 * KPIs: a target for every strategy year, targets that move the way the KPI's direction says is
 * better (never worse than the baseline, never worse than the year before), and actuals inside the
 * strategy period, one per period, with a warning while there are none yet.
 */
import { parsePeriod } from '../../model/periods.js';
import { duePeriod } from '../../model/reporting.js';
import type { Rule, RuleContext } from '../context.js';

export const checkKpis: Rule = (ctx) => {
  const kpis = ctx.data.kpis?.kpis;
  if (!kpis) return;
  const rawKpis = (ctx.project.sources.kpis?.value as { kpis?: { actuals?: unknown[] }[] } | undefined)?.kpis;
  kpis.forEach((kpi, k) => {
    const base = ['kpis', k];
    // Targets: one per strategy year, none outside it.
    if (ctx.years) {
      const [first, last] = [ctx.years[0]!, ctx.years.at(-1)!];
      for (const year of ctx.years) {
        if (kpi.targets[year] === undefined)
          ctx.report('kpi/missing-target', 'kpis', [...base, 'targets'], [kpi.id, year], { key: true });
      }
      for (const year of Object.keys(kpi.targets)) {
        if (parsePeriod(year) && !ctx.years.includes(year))
          ctx.report('kpi/target-outside-strategy', 'kpis', [...base, 'targets', year], [kpi.id, year, first, last], {
            key: true,
          });
      }
    }
    checkDirection(ctx, k);

    // Actuals: inside the strategy, one per period. YAML actuals come first, then CSV rows.
    const yamlCount = rawKpis?.[k]?.actuals?.length ?? 0;
    const seen = new Map<string, string>();
    kpi.actuals.forEach((a, i) => {
      const where =
        i < yamlCount
          ? { file: ctx.fileOf('kpis'), ...ctx.at('kpis', [...base, 'actuals', i, 'period']) }
          : (ctx.project.actualSources.get(a) ?? {
              file: ctx.fileOf('kpis'),
              ...ctx.at('kpis', [...base, 'actuals_csv']),
            });
      const label = `${where.file}:${where.line}:${where.column}`;
      const other = seen.get(a.period);
      if (other !== undefined && other !== label)
        ctx.reportAt('kpi/duplicate-actual', where.file, where, [kpi.id, a.period, other]);
      if (other === undefined) seen.set(a.period, label);
      const period = parsePeriod(a.period);
      if (!period || !ctx.years) return;
      const first = parsePeriod(ctx.years[0]!)!;
      const last = parsePeriod(ctx.years.at(-1)!)!;
      if (period.startIndex < first.startIndex || period.endIndex > last.endIndex) {
        ctx.reportAt('kpi/actual-outside-strategy', where.file, where, [kpi.id, a.period, first.fy, last.fy]);
      }
    });
    if (kpi.actuals.length === 0) ctx.report('kpi/no-actuals', 'kpis', [...base, 'id'], [kpi.id]);
    // A figure not yet published says why; a figure due at the reporting period is there or recorded as not yet available.
    kpi.actuals.forEach((a, i) => {
      if (a.value !== null || a.reason) return;
      const where =
        i < yamlCount
          ? { file: ctx.fileOf('kpis'), ...ctx.at('kpis', [...base, 'actuals', i, 'value']) }
          : ctx.project.actualSources.get(a);
      if (where) ctx.reportAt('kpi/unavailable-no-reason', where.file, where, [kpi.id, a.period]);
    });
    const due = ctx.reporting ? duePeriod(kpi.frequency, ctx.reporting.quarter) : undefined;
    const dueFy = due ? parsePeriod(due)?.fy : undefined;
    if (
      due &&
      dueFy &&
      ctx.years?.includes(dueFy) &&
      kpi.actuals.length &&
      !kpi.actuals.some((a) => a.period === due)
    ) {
      ctx.report(
        'kpi/figure-missing',
        'kpis',
        [...base, kpi.actuals_csv && yamlCount === 0 ? 'actuals_csv' : 'id'],
        [kpi.id, due, ctx.reporting!.label],
      );
    }
  });
};

/** Lower-is-better: the first target at or below the baseline, and no target above the year before. */
function checkDirection(ctx: RuleContext, k: number): void {
  const kpi = ctx.data.kpis!.kpis[k]!;
  const lower = kpi.direction === 'lower-is-better';
  const worse = (value: number, than: number) => (lower ? value > than : value < than);
  const years = Object.keys(kpi.targets)
    .filter((y) => parsePeriod(y)?.kind === 'year')
    .sort((a, b) => parsePeriod(a)!.fyStart - parsePeriod(b)!.fyStart);
  let previous: { label: string; value: number } = { label: `the baseline`, value: kpi.baseline.value };
  for (const year of years) {
    const value = kpi.targets[year]!;
    if (worse(value, previous.value)) {
      ctx.report(
        'kpi/target-direction',
        'kpis',
        ['kpis', k, 'targets', year],
        [kpi.id, year, String(value), previous.label, String(previous.value), lower ? 'lower' : 'higher'],
      );
    }
    previous = { label: `the ${year} target`, value };
  }
}
