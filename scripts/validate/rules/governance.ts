/** Governance: following `reports_to` upwards always ends at a top board, never back at the start. */
import type { Rule } from '../context.js';

export const checkGovernance: Rule = (ctx) => {
  const bodies = ctx.data.governance?.bodies;
  if (!bodies) return;
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const reported = new Set<string>();
  bodies.forEach((b, i) => {
    const chain = [b.id];
    let next = b.reports_to;
    while (next !== undefined && byId.has(next)) {
      if (next === b.id) {
        // Report each loop once, at the body that comes first in the file.
        if (!chain.some((id) => reported.has(id))) ctx.report('governance/cycle', 'governance', ['bodies', i, 'reports_to'], [b.id, [...chain, b.id].join(' → ')]);
        chain.forEach((id) => reported.add(id));
        return;
      }
      if (chain.includes(next)) return; // a loop further up, reported from a body on it
      chain.push(next);
      next = byId.get(next)!.reports_to;
    }
  });
};
