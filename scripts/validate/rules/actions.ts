/** Actions past their due quarter that are not complete, as at the reporting period (not the publication date). */
import { parsePeriod } from '../../model/periods.js';
import type { Rule } from '../context.js';

export const checkActions: Rule = (ctx) => {
  const actions = ctx.data.actions?.actions;
  const reporting = ctx.reporting;
  if (!actions || !reporting) return;
  const now = parsePeriod(reporting.quarter)!;
  actions.forEach((a, i) => {
    const due = parsePeriod(a.due);
    if (!due || a.status === 'complete') return;
    if (due.endIndex <= now.endIndex)
      ctx.report('action/overdue', 'actions', ['actions', i, 'due'], [a.id, a.due, reporting.label]);
  });
};
