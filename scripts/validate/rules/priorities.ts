/** Every priority is measured, planned and delivered: at least one KPI, a logic model and an action. */
import type { Rule } from '../context.js';

export const checkPriorities: Rule = (ctx) => {
  const { priorities, kpis, logicModels, actions } = ctx.data;
  if (!priorities) return;
  priorities.priorities.forEach((p, i) => {
    const path = ['priorities', i, 'id'];
    if (kpis && !kpis.kpis.some((k) => k.priority === p.id)) ctx.report('priority/no-kpi', 'priorities', path, [p.id]);
    if (logicModels && !logicModels.logic_models.some((m) => m.priority === p.id))
      ctx.report('priority/no-logic-model', 'priorities', path, [p.id]);
    if (actions && !actions.actions.some((a) => a.priority === p.id))
      ctx.report('priority/no-action', 'priorities', path, [p.id]);
  });
};
