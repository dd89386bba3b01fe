/** What the diagram kinds share: the look of their boxes and lines, and how outcome horizons are named. */
import { DIAGRAM_COLOURS as C } from '../theme.js';
import type { BoxRole, EdgeKind } from '../types.js';

export const LEADS_TO: EdgeKind = { stroke: C.navy, width: 1.6, head: 'filled', label: 'leads to' };

export const NOTE: BoxRole = { fill: C.paleYellow, stroke: C.grey, dashed: true, label: 'Assumptions and context' };

/**
 * The years an outcome horizon covers, from the strategy's own years: short term is the first year,
 * long term the last year and beyond, medium term the years between (a two-year strategy has no
 * years between, so its medium term is its second year and its long term what follows).
 */
export function horizons(years: readonly string[]): { short: string; medium: string; long: string } {
  const first = years[0] ?? '';
  const last = years.at(-1) ?? first;
  if (years.length >= 3) {
    const mid = years.slice(1, -1);
    return {
      short: first,
      medium: mid.length === 1 ? mid[0]! : `${mid[0]} to ${mid.at(-1)}`,
      long: `${last} and beyond`,
    };
  }
  if (years.length === 2) return { short: first, medium: last, long: `after ${last}` };
  return { short: first, medium: `after ${first}`, long: 'the longer term' };
}

/** "31 March 2031": the end of a financial year such as 2030-31. */
export function endOfYear(year: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(year);
  return m ? `March ${Number(m[1]) + 1}` : year;
}
