/**
 * Governance: the reports-to lines (a body's `reports_to`, and `reporting` lines of kind reports-to)
 * never loop back to where they started, and every board or delivery group of the partnership reports
 * to someone, so the accountability structure has no body hanging loose.
 */
import type { PathSegment } from '../../load/yaml.js';
import { isPartnershipBody } from '../../schema/index.js';
import type { Rule } from '../context.js';

interface Line {
  from: string;
  to: string;
  path: PathSegment[];
}

export const checkGovernance: Rule = (ctx) => {
  const g = ctx.data.governance;
  if (!g) return;
  const bodies = g.bodies;
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const lines: Line[] = [];
  bodies.forEach((b, i) => {
    if (b.reports_to !== undefined && byId.has(b.reports_to))
      lines.push({ from: b.id, to: b.reports_to, path: ['bodies', i, 'reports_to'] });
  });
  g.reporting.forEach((r, i) => {
    if (r.kind === 'reports-to' && byId.has(r.from) && byId.has(r.to))
      lines.push({ from: r.from, to: r.to, path: ['reporting', i, 'to'] });
  });
  const out = new Map<string, Line[]>();
  for (const l of lines) out.set(l.from, [...(out.get(l.from) ?? []), l]);

  // Cycles: for each body in file order, the shortest way back to itself; each loop is reported once,
  // at the first body on it, at the line that leaves that body.
  const reported = new Set<string>();
  for (const b of bodies) {
    if (reported.has(b.id)) continue;
    const back = pathBack(b.id, out);
    if (!back) continue;
    const chain = [b.id, ...back.map((l) => l.to)];
    if (chain.some((id) => reported.has(id))) continue;
    chain.forEach((id) => reported.add(id));
    ctx.report('governance/cycle', 'governance', back[0]!.path, [b.id, chain.join(' → ')]);
  }

  // Orphans: a delivery group that reports to nobody, or a board that reports to nobody and that
  // nobody reports to (the top board has lines coming in).
  const inside = bodies.filter(isPartnershipBody);
  if (inside.length < 2) return;
  const top = inside.find((b) => b.type === 'board' && !out.has(b.id)) ?? inside.find((b) => b.type === 'board');
  bodies.forEach((b, i) => {
    if (!isPartnershipBody(b) || out.has(b.id)) return;
    const incoming = lines.some((l) => l.to === b.id);
    if (b.type === 'board' && incoming) return;
    const suggestion = top && top.id !== b.id ? top.id : (inside.find((x) => x.id !== b.id)?.id ?? 'board');
    ctx.report(
      'governance/reports-to-nobody',
      'governance',
      ['bodies', i, 'id'],
      [b.type === 'board' ? 'board' : 'delivery group', b.id, suggestion],
    );
  });
};

/** The shortest chain of reports-to lines from `start` back to `start`, if there is one. */
function pathBack(start: string, out: Map<string, Line[]>): Line[] | undefined {
  const via = new Map<string, Line>();
  const queue: string[] = [start];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    for (const l of out.get(id) ?? []) {
      if (l.to === start) {
        const chain: Line[] = [l];
        let at = id;
        while (at !== start) {
          const prev = via.get(at)!;
          chain.unshift(prev);
          at = prev.from;
        }
        return chain;
      }
      if (seen.has(l.to)) continue;
      seen.add(l.to);
      via.set(l.to, l);
      queue.push(l.to);
    }
  }
  return undefined;
}
