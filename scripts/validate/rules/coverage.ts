/** Statutory coverage: each duty of the Crime and Disorder Act 1998 s6 is addressed by a priority. */
import { STATUTORY_DUTIES } from '../../schema/index.js';
import type { Rule } from '../context.js';

export const checkCoverage: Rule = (ctx) => {
  const priorities = ctx.data.priorities?.priorities;
  if (!priorities) return;
  const addressed = new Set(priorities.flatMap((p) => p.duties));
  for (const [duty, description] of Object.entries(STATUTORY_DUTIES)) {
    if (!addressed.has(duty))
      ctx.report('coverage/duty-missing', 'priorities', ['priorities'], [duty, description], { key: true });
  }
};
