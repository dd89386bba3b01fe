/** Theory of change: preconditions are set for years of the strategy. */
import { parsePeriod } from '../../model/periods.js';
import type { Rule } from '../context.js';

export const checkTheoryOfChange: Rule = (ctx) => {
  const toc = ctx.data.theoryOfChange;
  const years = ctx.years;
  if (!toc || !years) return;
  toc.pathways.forEach((p, i) =>
    p.preconditions.forEach((c, j) => {
      if (parsePeriod(c.year) && !years.includes(c.year)) {
        ctx.report(
          'theory-of-change/year-outside-strategy',
          'theoryOfChange',
          ['pathways', i, 'preconditions', j, 'year'],
          [c.year, years[0]!, years.at(-1)!],
        );
      }
    }),
  );
};
