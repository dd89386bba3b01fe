/** One logic model per priority. (Their priority and KPI references are checked in ids.ts.) */
import type { Rule } from '../context.js';

export const checkLogicModels: Rule = (ctx) => {
  const models = ctx.data.logicModels?.logic_models;
  if (!models) return;
  const first = new Map<string, number>();
  models.forEach((m, i) => {
    const seen = first.get(m.priority);
    if (seen === undefined) first.set(m.priority, i);
    else
      ctx.report(
        'logic-model/duplicate',
        'logicModels',
        ['logic_models', i, 'priority'],
        [m.priority, ctx.where('logicModels', ['logic_models', seen, 'priority'])],
      );
  });
};
