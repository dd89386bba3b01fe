/** Money: totals are computed by the build, never typed as a stream; amounts fall in the strategy years. */
import { parsePeriod } from '../../model/periods.js';
import type { Rule } from '../context.js';

const TOTAL = /^\s*(grand[\s-]*|sub[\s-]*)?totals?\s*$/i;

export const checkFunding: Rule = (ctx) => {
  const streams = ctx.data.funding?.streams;
  if (!streams) return;
  streams.forEach((s, i) => {
    const typed = (['id', 'project', 'funder'] as const).find((f) => TOTAL.test(s[f]));
    if (typed) ctx.report('funding/typed-total', 'funding', ['streams', i, typed], [typed, s[typed]]);
    if (!ctx.years) return;
    for (const year of Object.keys(s.amounts)) {
      if (parsePeriod(year) && !ctx.years.includes(year)) {
        ctx.report('funding/year-outside-strategy', 'funding', ['streams', i, 'amounts', year], [s.id, year, ctx.years[0]!, ctx.years.at(-1)!], { key: true });
      }
    }
  });
};
