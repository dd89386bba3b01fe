/**
 * Ids and references: every id is declared once per kind, and every reference names a declared id.
 * One table lists where each kind of id is declared and where it is referred to, so adding a field
 * that holds an id means adding one line here.
 */
import type { PathSegment } from '../../load/yaml.js';
import type { DataKey, StrategyData } from '../../schema/index.js';
import type { Rule, RuleContext } from '../context.js';
import { closest, listIds } from '../../diagnostics/suggest.js';

interface Occurrence {
  id: string;
  key: DataKey;
  path: PathSegment[];
  /** Point at the key (for ids used as keys, e.g. matrix scores), not the value. */
  atKey?: boolean;
}

type Data = Partial<StrategyData>;

/** Where each kind of id is declared. A kind whose file did not load has no entry. */
function declarations(d: Data): Map<string, Occurrence[]> {
  const kinds = new Map<string, Occurrence[]>();
  const add = (kind: string, list: Occurrence[] | undefined) => {
    if (list) kinds.set(kind, list);
  };
  add(
    'priority',
    d.priorities?.priorities.map((p, i) => ({ id: p.id, key: 'priorities', path: ['priorities', i, 'id'] })),
  );
  add(
    'KPI',
    d.kpis?.kpis.map((k, i) => ({ id: k.id, key: 'kpis', path: ['kpis', i, 'id'] })),
  );
  add(
    'action',
    d.actions?.actions.map((a, i) => ({ id: a.id, key: 'actions', path: ['actions', i, 'id'] })),
  );
  add(
    'governance body',
    d.governance?.bodies.map((b, i) => ({ id: b.id, key: 'governance', path: ['bodies', i, 'id'] })),
  );
  add(
    'funding stream',
    d.funding?.streams.map((s, i) => ({ id: s.id, key: 'funding', path: ['streams', i, 'id'] })),
  );
  add(
    'allocation round',
    d.funding?.allocations.map((a, i) => ({ id: a.id, key: 'funding', path: ['allocations', i, 'id'] })),
  );
  add(
    'commissioned service',
    d.funding?.commissioned_services.map((c, i) => ({
      id: c.id,
      key: 'funding',
      path: ['commissioned_services', i, 'id'],
    })),
  );
  add(
    'risk',
    d.risks?.risks.map((r, i) => ({ id: r.id, key: 'risks', path: ['risks', i, 'id'] })),
  );
  add(
    'pathway',
    d.theoryOfChange?.pathways.map((p, i) => ({ id: p.id, key: 'theoryOfChange', path: ['pathways', i, 'id'] })),
  );
  add(
    'survey',
    d.consultation?.surveys.map((s, i) => ({ id: s.id, key: 'consultation', path: ['surveys', i, 'id'] })),
  );
  if (d.partnership) {
    add('partner', [
      ...d.partnership.responsible_authorities.map(
        (a, i): Occurrence => ({ id: a.id, key: 'partnership', path: ['responsible_authorities', i, 'id'] }),
      ),
      ...d.partnership.partners.map(
        (a, i): Occurrence => ({ id: a.id, key: 'partnership', path: ['partners', i, 'id'] }),
      ),
    ]);
  }
  add(
    'criterion',
    d.priorityMatrix?.criteria.map((c, i) => ({ id: c.id, key: 'priorityMatrix', path: ['criteria', i, 'id'] })),
  );
  add(
    'candidate',
    d.priorityMatrix?.candidates.map((c, i) => ({ id: c.id, key: 'priorityMatrix', path: ['candidates', i, 'id'] })),
  );
  return kinds;
}

/** Ids unique only within a parent, e.g. question ids within one survey. */
function scopedDeclarations(d: Data): { kind: string; items: Occurrence[] }[] {
  return (d.consultation?.surveys ?? []).map((s, i) => ({
    kind: `question (in survey "${s.id}")`,
    items: s.questions.map((q, j) => ({
      id: q.id,
      key: 'consultation' as const,
      path: ['surveys', i, 'questions', j, 'id'],
    })),
  }));
}

/** Every place one input refers to an id declared elsewhere. */
function references(d: Data): { kind: string; ref: Occurrence }[] {
  const refs: { kind: string; ref: Occurrence }[] = [];
  const ref = (kind: string, id: string, key: DataKey, path: PathSegment[], atKey = false) =>
    refs.push({ kind, ref: { id, key, path, atKey } });
  d.kpis?.kpis.forEach((k, i) => ref('priority', k.priority, 'kpis', ['kpis', i, 'priority']));
  d.logicModels?.logic_models.forEach((m, i) => {
    ref('priority', m.priority, 'logicModels', ['logic_models', i, 'priority']);
    for (const term of ['short', 'medium', 'long'] as const) {
      m.outcomes[term].forEach((o, j) =>
        o.kpis.forEach((id, k) => ref('KPI', id, 'logicModels', ['logic_models', i, 'outcomes', term, j, 'kpis', k])),
      );
    }
  });
  d.actions?.actions.forEach((a, i) => {
    ref('priority', a.priority, 'actions', ['actions', i, 'priority']);
    a.kpis.forEach((id, k) => ref('KPI', id, 'actions', ['actions', i, 'kpis', k]));
  });
  d.governance?.bodies.forEach((b, i) => {
    if (b.reports_to !== undefined) ref('governance body', b.reports_to, 'governance', ['bodies', i, 'reports_to']);
    b.priorities.forEach((id, k) => ref('priority', id, 'governance', ['bodies', i, 'priorities', k]));
  });
  d.governance?.reporting.forEach((r, i) => {
    ref('governance body', r.from, 'governance', ['reporting', i, 'from']);
    ref('governance body', r.to, 'governance', ['reporting', i, 'to']);
  });
  d.funding?.streams.forEach((s, i) => {
    if (s.priority !== undefined) ref('priority', s.priority, 'funding', ['streams', i, 'priority']);
    s.priorities?.forEach((id, k) => ref('priority', id, 'funding', ['streams', i, 'priorities', k]));
  });
  d.funding?.allocations.forEach((a, i) => {
    ref('funding stream', a.stream, 'funding', ['allocations', i, 'stream']);
    a.projects.forEach((p, j) => {
      if (p.priority !== undefined)
        ref('priority', p.priority, 'funding', ['allocations', i, 'projects', j, 'priority']);
    });
  });
  d.funding?.commissioned_services.forEach((c, i) => {
    if (c.priority !== undefined) ref('priority', c.priority, 'funding', ['commissioned_services', i, 'priority']);
    c.priorities?.forEach((id, k) => ref('priority', id, 'funding', ['commissioned_services', i, 'priorities', k]));
    c.funded_by.forEach((f, j) =>
      ref('funding stream', f.stream, 'funding', ['commissioned_services', i, 'funded_by', j, 'stream']),
    );
  });
  d.theoryOfChange?.pathways.forEach((p, i) => {
    if (p.priority !== undefined) ref('priority', p.priority, 'theoryOfChange', ['pathways', i, 'priority']);
    p.preconditions.forEach((c, j) => {
      c.kpis.forEach((id, k) => ref('KPI', id, 'theoryOfChange', ['pathways', i, 'preconditions', j, 'kpis', k]));
      c.actions.forEach((id, k) =>
        ref('action', id, 'theoryOfChange', ['pathways', i, 'preconditions', j, 'actions', k]),
      );
    });
  });
  d.priorityMatrix?.candidates.forEach((c, i) => {
    if (c.priority !== undefined) ref('priority', c.priority, 'priorityMatrix', ['candidates', i, 'priority']);
    for (const criterion of Object.keys(c.scores))
      ref('criterion', criterion, 'priorityMatrix', ['candidates', i, 'scores', criterion], true);
  });
  return refs;
}

function reportDuplicates(ctx: RuleContext, kind: string, items: Occurrence[]): void {
  const first = new Map<string, Occurrence>();
  for (const item of items) {
    const seen = first.get(item.id);
    if (seen) ctx.report('id/duplicate', item.key, item.path, [kind, item.id, ctx.where(seen.key, seen.path)]);
    else first.set(item.id, item);
  }
}

export const checkIds: Rule = (ctx) => {
  const declared = declarations(ctx.data);
  for (const [kind, items] of declared) reportDuplicates(ctx, kind, items);
  for (const { kind, items } of scopedDeclarations(ctx.data)) reportDuplicates(ctx, kind, items);

  for (const { kind, ref } of references(ctx.data)) {
    const items = declared.get(kind);
    if (!items) continue; // the file declaring this kind did not load: its own diagnostics say why
    const known = [...new Set(items.map((x) => x.id))];
    if (known.includes(ref.id)) continue;
    ctx.report('id/unknown', ref.key, ref.path, [kind, ref.id, listIds(known), closest(ref.id, known) ?? ''], {
      key: ref.atKey ?? false,
    });
  }
};
