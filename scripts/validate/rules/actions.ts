/** Actions past their due quarter that are not complete, against the build's fixed "today". */
import { parsePeriod } from '../../model/periods.js';
import type { Rule } from '../context.js';

export const checkActions: Rule = (ctx) => {
  const actions = ctx.data.actions?.actions;
  const today = ctx.today;
  if (!actions || !today) return;
  const now = parsePeriod(today.quarter)!;
  actions.forEach((a, i) => {
    const due = parsePeriod(a.due);
    if (!due || a.status === 'complete') return;
    if (due.endIndex < now.startIndex) ctx.report('action/overdue', 'actions', ['actions', i, 'due'], [a.id, a.due, today.date]);
  });
};
