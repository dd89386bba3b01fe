/** The Equality Impact Assessment covers each of the nine protected characteristics exactly once. */
import { PROTECTED_CHARACTERISTICS } from '../../schema/index.js';
import type { Rule } from '../context.js';

export const checkEqia: Rule = (ctx) => {
  const eqia = ctx.data.eqia;
  if (!eqia) return;
  const first = new Map<string, number>();
  eqia.characteristics.forEach((c, i) => {
    const seen = first.get(c.characteristic);
    if (seen === undefined) first.set(c.characteristic, i);
    else
      ctx.report(
        'eqia/duplicate-characteristic',
        'eqia',
        ['characteristics', i, 'characteristic'],
        [c.characteristic, ctx.where('eqia', ['characteristics', seen, 'characteristic'])],
      );
  });
  for (const name of PROTECTED_CHARACTERISTICS) {
    if (!first.has(name)) ctx.report('eqia/missing-characteristic', 'eqia', ['characteristics'], [name], { key: true });
  }
};
