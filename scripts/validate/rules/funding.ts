/**
 * Money: totals are computed by the build, never typed as a stream; amounts fall in the strategy years;
 * each year with money has a status; allocations and commissioned services are paid from a stream and
 * never take more than it has that year.
 */
import { parsePeriod } from '../../model/periods.js';
import type { Rule } from '../context.js';

/** Whole pounds as printed: £106,460. */
const formatMoney = (n: number): string => `£${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

const TOTAL = /^\s*(grand[\s-]*|sub[\s-]*)?totals?\s*$/i;

export const checkFunding: Rule = (ctx) => {
  const funding = ctx.data.funding;
  if (!funding) return;
  const streams = funding.streams;
  streams.forEach((s, i) => {
    const typed = (['id', 'project', 'funder'] as const).find((f) => TOTAL.test(s[f]));
    if (typed) ctx.report('funding/typed-total', 'funding', ['streams', i, typed], [typed, s[typed]]);
    if (typeof s.status === 'object') {
      for (const [year, amount] of Object.entries(s.amounts)) {
        const status = s.status[year];
        if (status === undefined)
          ctx.report('funding/status-missing-year', 'funding', ['streams', i, 'status'], [s.id, year]);
        else if (status === 'ended' && amount > 0)
          ctx.report('funding/ended-with-amount', 'funding', ['streams', i, 'amounts', year], [s.id, year]);
      }
    } else if (s.status === 'ended' && Object.values(s.amounts).some((a) => a > 0)) {
      ctx.report('funding/ended-with-amount', 'funding', ['streams', i, 'status'], [s.id, Object.keys(s.amounts)[0]!]);
    }
    if (!ctx.years) return;
    for (const year of Object.keys(s.amounts)) {
      if (parsePeriod(year) && !ctx.years.includes(year)) {
        ctx.report(
          'funding/year-outside-strategy',
          'funding',
          ['streams', i, 'amounts', year],
          [s.id, year, ctx.years[0]!, ctx.years.at(-1)!],
          { key: true },
        );
      }
    }
  });
  const byId = new Map(streams.map((s) => [s.id, s]));
  funding.allocations.forEach((round, i) => {
    const stream = byId.get(round.stream);
    if (!stream) return; // ids.ts reports the unknown stream
    const available = stream.amounts[round.year];
    const total = round.projects.reduce((a, p) => a + p.amount, 0);
    if (available === undefined)
      ctx.report(
        'funding/allocations-no-amount',
        'funding',
        ['allocations', i, 'year'],
        [round.id, round.stream, round.year],
      );
    else if (total > available)
      ctx.report(
        'funding/allocations-exceed-stream',
        'funding',
        ['allocations', i, 'projects'],
        [round.id, formatMoney(total), round.stream, round.year, formatMoney(available)],
      );
  });
  // What services take from each stream each year, against what the stream has.
  const taken = new Map<string, { total: number; at: number }>();
  funding.commissioned_services.forEach((svc, i) =>
    svc.funded_by.forEach((f) => {
      for (const [year, amount] of Object.entries(f.amounts)) {
        const key = `${f.stream}\u0000${year}`;
        const t = taken.get(key) ?? { total: 0, at: i };
        taken.set(key, { total: t.total + amount, at: i });
      }
    }),
  );
  for (const [key, { total, at }] of taken) {
    const [streamId, year] = key.split('\u0000') as [string, string];
    const stream = byId.get(streamId);
    if (!stream) continue;
    const available = stream.amounts[year] ?? 0;
    if (total > available)
      ctx.report(
        'funding/services-exceed-stream',
        'funding',
        ['commissioned_services', at, 'funded_by'],
        [streamId, year, formatMoney(total), formatMoney(available)],
      );
  }
};
