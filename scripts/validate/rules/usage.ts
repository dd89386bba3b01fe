/** A KPI that no logic-model outcome and no action uses measures nothing the strategy does (a warning). */
import type { Rule } from '../context.js';

export const checkUsage: Rule = (ctx) => {
  const { kpis, logicModels, actions } = ctx.data;
  // Only judge when both users loaded; otherwise every KPI would look unused.
  if (!kpis || !logicModels || !actions) return;
  const used = new Set<string>([
    ...logicModels.logic_models.flatMap((m) =>
      [...m.outcomes.short, ...m.outcomes.medium, ...m.outcomes.long].flatMap((o) => o.kpis),
    ),
    ...actions.actions.flatMap((a) => a.kpis),
  ]);
  kpis.kpis.forEach((k, i) => {
    if (!used.has(k.id)) ctx.report('kpi/unused', 'kpis', ['kpis', i, 'id'], [k.id]);
  });
};
