/**
 * What changed in a strategy between two versions, in the words a councillor reads: each change names
 * the thing (a KPI by its title, a risk by its id and title), what about it changed, and the value as it
 * was and as it is. Both versions went through the same load and model stages, so derived values (KPI
 * status, risk ratings, funding totals) are compared as the published strategy shows them.
 */
import type { Project } from '../load/project.js';
import { describePeriod, formatDate } from '../model/periods.js';
import { RAG_LABELS } from '../model/rag.js';
import type { StrategyModel } from '../model/strategy.js';
import { findLevel } from '../model/risk-scale.js';
import { DATA_INPUTS, type DataKey, type Kpi, MEETING_FREQUENCIES } from '../schema/index.js';
import { formatKpiValue as formatValue, formatMoney } from '../model/format.js';
import { diffValues, type Leaf, sameValue, textChange } from './values.js';

export interface Version {
  project: Project;
  model: StrategyModel;
}

export interface Change {
  /** What changed, e.g. `KPI sv-01, Knife crime offences`. */
  subject: string;
  /** The change in a sentence, without the subject, e.g. `target for 2027-28 changed from 590 to 580`. */
  text: string;
  /** The value as it was and as it is, as the strategy prints them; absent for an addition or removal. */
  old?: string;
  new?: string;
}

export interface ChangeGroup {
  id: string;
  title: string;
  changes: Change[];
}

export const GROUPS: [id: string, title: string][] = [
  ['strategy', 'The strategy'],
  ['sections', 'Sections'],
  ['priorities', 'Priorities'],
  ['kpis', 'KPIs'],
  ['actuals', 'KPI results'],
  ['status', 'KPI status'],
  ['risks', 'Risks'],
  ['funding', 'Funding'],
  ['actions', 'Delivery plan actions'],
  ['eqia', 'Equality impacts'],
  ['governance', 'Governance'],
  ['other', 'Other data'],
  ['unreadable', 'Files that could not be compared'],
];

const quote = (s: string) => `“${s}”`;
/** A long name cut at a word, so a subject stays one line. */
const shorten = (s: string, max = 90) =>
  s.length <= max ? s : `${s.slice(0, s.lastIndexOf(' ', max)).replace(/[,;:]$/, '')}…`;
const human = (key: string) => key.replace(/_/g, ' ');
const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** A value as a reader sees it; long text is left to `textChange`. */
function show(v: unknown): string {
  if (v === undefined || v === null) return 'none';
  if (typeof v === 'number') return formatValue(v, 'count');
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  if (Array.isArray(v)) return v.length ? list(v.map(show)) : 'none';
  const o = v as Record<string, unknown>;
  if (typeof o['role'] === 'string' && typeof o['organisation'] === 'string')
    return `${o['role']}, ${o['organisation']}`;
  for (const k of [
    'title',
    'name',
    'text',
    'action',
    'risk',
    'milestone',
    'report',
    'answer',
    'outcome',
    'finding',
    'theme',
    'body',
  ]) {
    if (typeof o[k] === 'string') return o[k] as string;
  }
  return Object.entries(o)
    .map(([k, x]) => `${human(k)} ${show(x)}`)
    .join(', ');
}

/** "changed from X to Y", with a word-level excerpt for long text. */
function changed(
  what: string,
  before: unknown,
  after: unknown,
  fmt: (v: unknown) => string = show,
): Pick<Change, 'text' | 'old' | 'new'> {
  if (typeof before === 'string' && typeof after === 'string' && (before.length > 60 || after.length > 60)) {
    const t = textChange(before, after);
    if (t) {
      const where = t.places > 1 ? ` (${t.places} places; the first shown)` : '';
      return { text: `${what} reworded${where}: was ${quote(t.from)}, now ${quote(t.to)}`, old: t.from, new: t.to };
    }
  }
  const o = fmt(before);
  const n = fmt(after);
  return { text: `${what} changed from ${o} to ${n}`, old: o, new: n };
}

class Report {
  readonly groups = new Map<string, Change[]>(GROUPS.map(([id]) => [id, []]));
  add(group: string, change: Change): void {
    this.groups.get(group)!.push(change);
  }
  result(): ChangeGroup[] {
    return GROUPS.map(([id, title]) => ({ id, title, changes: this.groups.get(id)! })).filter(
      (g) => g.changes.length > 0,
    );
  }
}

/** Fields named as a reader knows them, by their path; other fields by their own names ("why it matters"). */
const FIELD_LABELS: Record<string, string> = {
  'build.date': 'publication date',
  'reporting.as_at': 'reporting period',
  'rag.amber_within_percent': 'amber margin for KPIs (how far a KPI may miss its target and be amber, not red)',
  'area.name': 'area',
  'area.population': 'population of the area',
  'area.description': 'description of the area',
  'area.ons_code': 'ONS code of the area',
  'strategy.title': 'title',
  'strategy.start_year': 'first year',
  'strategy.years': 'number of years',
  'site.url': 'website address',
  'lead.role': "lead's role",
  'lead.organisation': 'lead organisation',
};

function fieldLabel(path: string[]): string {
  const known = FIELD_LABELS[path.join('.')];
  if (known) return known;
  const [list, entry, field] = path;
  if (list === 'preconditions' && entry && path.length === 3)
    return field === 'outcome' ? `what must be true by the end of ${entry}` : `${human(field!)} for ${entry}`;
  if (list === 'contact' && entry) return `contact ${entry}`;
  return path.map(human).join(' › ') || 'it';
}

/**
 * Generic wording for a record's leaves: `field changed from X to Y`, `field: added X`. Used for the
 * fields no kind words specially, so no change goes unreported.
 */
function describeLeaves(
  report: Report,
  group: string,
  subject: string,
  leaves: Leaf[],
  fmt: (path: string[], v: unknown) => string = (_, v) => show(v),
): void {
  for (const leaf of leaves) {
    const field = fieldLabel(leaf.path);
    const f = (v: unknown) => fmt(leaf.path, v);
    if (leaf.kind === 'changed') report.add(group, { subject, ...changed(field, leaf.old, leaf.new, f) });
    else if (leaf.kind === 'added')
      report.add(group, { subject, text: `${field}: added ${quote(f(leaf.new))}`, new: f(leaf.new) });
    else report.add(group, { subject, text: `${field}: removed ${quote(f(leaf.old))}`, old: f(leaf.old) });
  }
}

/** Two lists of records matched by id: added, removed and the leaves of each kept one. */
function byId<T extends { id: string }>(before: T[], after: T[]): { added: T[]; removed: T[]; kept: [T, T][] } {
  const a = new Map(before.map((x) => [x.id, x]));
  const b = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !a.has(x.id)),
    removed: before.filter((x) => !b.has(x.id)),
    kept: after.filter((x) => a.has(x.id)).map((x) => [a.get(x.id)!, x]),
  };
}

const omit = <T extends object>(o: T, ...keys: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

export function compareVersions(before: Version, after: Version): ChangeGroup[] {
  const report = new Report();
  const unreadable = unreadableInputs(before, after);
  for (const file of unreadable)
    report.add('unreadable', {
      subject: file,
      text: 'has errors in one of the two versions, so its changes are not listed; run strategy check to see them',
    });
  const skip = (key: DataKey) => unreadable.includes(`data/${DATA_INPUTS[key].file}`);

  if (!skip('partnership')) strategy(report, before.model, after.model);
  sections(report, before.project, after.project);
  if (!skip('priorities')) priorities(report, before.model, after.model);
  if (!skip('kpis')) kpis(report, before.model, after.model);
  if (!skip('risks')) risks(report, before.model, after.model);
  if (!skip('funding')) funding(report, before.model, after.model);
  if (!skip('actions')) actions(report, before.model, after.model);
  if (!skip('eqia')) eqia(report, before.model, after.model);
  if (!skip('governance')) governance(report, before.model, after.model);
  for (const key of ['logicModels', 'theoryOfChange', 'horizonScan', 'consultation', 'priorityMatrix'] as const) {
    if (skip(key)) continue;
    const was = before.model.data[key] as Record<string, unknown> | undefined;
    for (const leaf of diffValues(was, after.model.data[key])) {
      // An entry of a list (a logic model, a pathway, a survey) is named by its id: "Logic models, vawg".
      const [list, entry] = leaf.path;
      const named =
        list !== undefined &&
        entry !== undefined &&
        Array.isArray(was?.[list] ?? (after.model.data[key] as Record<string, unknown> | undefined)?.[list]);
      if (named && leaf.path.length > 2)
        describeLeaves(report, 'other', entrySubject(before.model, after.model, key, list, entry), [
          { ...leaf, path: leaf.path.slice(2) },
        ]);
      else describeLeaves(report, 'other', DATA_INPUTS[key].title, [leaf]);
    }
  }
  return report.result();
}

/**
 * An entry of a list as readers see it: a logic model by its priority's title, a pathway, survey or
 * candidate by its title; the key the diff matched it by only when it has no title.
 */
function entrySubject(a: StrategyModel, b: StrategyModel, key: DataKey, list: string, entry: string): string {
  const title = DATA_INPUTS[key].title;
  for (const m of [b, a]) {
    const items = (m.data[key] as Record<string, unknown> | undefined)?.[list];
    if (!Array.isArray(items)) continue;
    const item = (items as Record<string, unknown>[]).find(
      (x) => x['id'] === entry || x['priority'] === entry || x['theme'] === entry || x['year'] === entry,
    );
    if (!item) continue;
    if (key === 'logicModels') return `Logic model for ${m.priorityById.get(String(item['priority']))?.title ?? entry}`;
    for (const field of ['title', 'instrument', 'finding'])
      if (typeof item[field] === 'string') return `${title}, ${String(item[field])}`;
  }
  return `${title}, ${entry}`;
}

/** Data files that loaded in one version and not the other, or in neither, where they exist. */
function unreadableInputs(before: Version, after: Version): string[] {
  const out: string[] = [];
  for (const [key, input] of Object.entries(DATA_INPUTS) as [DataKey, (typeof DATA_INPUTS)[DataKey]][]) {
    const rel = `data/${input.file}`;
    const failed = (v: Version) => v.project.files.includes(rel) && v.project.data[key] === undefined;
    if (failed(before) || failed(after)) out.push(rel);
  }
  return out;
}

/** The edition's status as the cover prints it. */
const EDITION_STATUS: Record<string, string> = {
  draft: 'draft',
  consultation: 'consultation draft',
  adopted: 'adopted',
};

function strategy(report: Report, a: StrategyModel, b: StrategyModel): void {
  const pa = a.data.partnership;
  const pb = b.data.partnership;
  if (!pa || !pb) return;
  const subject = 'The strategy';
  if (pa.status !== pb.status)
    report.add('strategy', {
      subject,
      ...changed('status', pa.status, pb.status, (v) => EDITION_STATUS[String(v)] ?? show(v)),
    });
  if (pa.version !== pb.version) report.add('strategy', { subject, ...changed('version', pa.version, pb.version) });
  for (const leaf of diffValues(pa.approvals, pb.approvals)) {
    if (leaf.kind === 'changed' || leaf.path.length > 1) {
      describeLeaves(report, 'strategy', `Approval by ${leaf.path[0] ?? 'a body'}`, [
        { ...leaf, path: leaf.path.slice(1) },
      ]);
      continue;
    }
    const approval = (leaf.new ?? leaf.old) as { body: string; date: string; decision?: string };
    const text = `${approval.body}, ${formatDate(approval.date)}${approval.decision ? `: ${approval.decision}` : ''}`;
    report.add(
      'strategy',
      leaf.kind === 'added'
        ? { subject: 'Approval added', text, new: text }
        : { subject: 'Approval removed', text, old: text },
    );
  }
  describeLeaves(
    report,
    'strategy',
    subject,
    diffValues(omit(pa, 'status', 'version', 'approvals'), omit(pb, 'status', 'version', 'approvals')),
    (path, v) => (path.join('.') === 'rag.amber_within_percent' && typeof v === 'number' ? `${show(v)}%` : show(v)),
  );
}

function sections(report: Report, a: Project, b: Project): void {
  const key = (p: Project) => new Map(p.chapters.map((c) => [String(c.front.section), c]));
  const before = key(a);
  const after = key(b);
  const name = (c: { front: { section: string | number; title: string } }) =>
    `Section ${c.front.section}, ${c.front.title}`;
  for (const [id, c] of after) {
    const old = before.get(id);
    if (!old) {
      report.add('sections', { subject: name(c), text: `added (${c.file})` });
      continue;
    }
    if (old.front.title !== c.front.title)
      report.add('sections', { subject: name(c), ...changed('title', old.front.title, c.front.title) });
    const t = textChange(old.body, c.body);
    if (t) {
      const where = t.places > 1 ? ` in ${t.places} places; the first` : '';
      report.add('sections', {
        subject: name(c),
        text: `text changed${where}: was ${quote(t.from)}, now ${quote(t.to)}`,
        old: t.from,
        new: t.to,
      });
    }
    const front = diffValues(omit(old.front, 'section', 'title'), omit(c.front, 'section', 'title'));
    describeLeaves(report, 'sections', name(c), front);
  }
  for (const [id, c] of before)
    if (!after.has(id)) report.add('sections', { subject: name(c), text: `removed (was ${c.file})` });
}

function priorities(report: Report, a: StrategyModel, b: StrategyModel): void {
  const { added, removed, kept } = byId(a.priorities, b.priorities);
  // Readers never see a priority's id: it is named by its title.
  const name = (p: { title: string }) => `Priority: ${p.title}`;
  for (const p of added)
    report.add('priorities', {
      subject: name(p),
      text: `added, led by ${show(p.lead)}${p.sponsor ? `, sponsored by ${p.sponsor}` : ''}`,
      new: p.title,
    });
  for (const p of removed) report.add('priorities', { subject: name(p), text: 'removed', old: p.title });
  for (const [o, n] of kept) describeLeaves(report, 'priorities', name(n), diffValues(o, n));
}

/** A KPI as the dashboard names it: by its title (its id is never published). */
const kpiName = (k: Pick<Kpi, 'title'>) => `KPI: ${k.title}`;
const DIRECTION: Record<string, string> = {
  'lower-is-better': 'lower is better',
  'higher-is-better': 'higher is better',
};

function kpis(report: Report, a: StrategyModel, b: StrategyModel): void {
  const { added, removed, kept } = byId(a.kpis, b.kpis);
  for (const k of added) {
    const targets = Object.entries(k.targets).map(([y, v]) => `${y} ${formatValue(v, k.unit)}`);
    report.add('kpis', {
      subject: kpiName(k),
      text: `added to priority ${b.priorityById.get(k.priority)?.title ?? k.priority}: baseline ${formatValue(k.baseline.value, k.unit)} (${k.baseline.period}), targets ${targets.join(', ') || 'none'}, ${DIRECTION[k.direction]}, owner ${k.owner}`,
      new: k.title,
    });
  }
  for (const k of removed) report.add('kpis', { subject: kpiName(k), text: 'removed', old: k.title });
  for (const [o, n] of kept) {
    const fmt = (path: string[], v: unknown) => {
      if (typeof v === 'number' && (path[0] === 'targets' || path[0] === 'baseline')) return formatValue(v, n.unit);
      if (path[0] === 'direction') return DIRECTION[String(v)] ?? show(v);
      return show(v);
    };
    const fields = diffValues(
      omit(o, 'actuals', 'actuals_csv', 'targets', 'baseline'),
      omit(n, 'actuals', 'actuals_csv', 'targets', 'baseline'),
    );
    describeLeaves(report, 'kpis', kpiName(n), fields, fmt);
    if (!sameValue(o.baseline, n.baseline)) {
      const was = `${formatValue(o.baseline.value, o.unit)} (${o.baseline.period})`;
      const now = `${formatValue(n.baseline.value, n.unit)} (${n.baseline.period})`;
      report.add('kpis', { subject: kpiName(n), text: `baseline changed from ${was} to ${now}`, old: was, new: now });
    }
    for (const year of [...new Set([...Object.keys(o.targets), ...Object.keys(n.targets)])].sort()) {
      const was = o.targets[year];
      const now = n.targets[year];
      if (was === now) continue;
      if (was === undefined)
        report.add('kpis', {
          subject: kpiName(n),
          text: `target for ${year} set at ${formatValue(now!, n.unit)}`,
          new: formatValue(now!, n.unit),
        });
      else if (now === undefined)
        report.add('kpis', {
          subject: kpiName(n),
          text: `target for ${year} removed (was ${formatValue(was, o.unit)})`,
          old: formatValue(was, o.unit),
        });
      else
        report.add('kpis', {
          subject: kpiName(n),
          text: `target for ${year} changed from ${formatValue(was, o.unit)} to ${formatValue(now, n.unit)}`,
          old: formatValue(was, o.unit),
          new: formatValue(now, n.unit),
        });
    }
    actuals(report, o, n);
  }
  for (const n of b.kpis) {
    const was = a.rag.get(n.id);
    const now = b.rag.get(n.id);
    if (!was || !now || !a.kpiById.has(n.id) || was.status === now.status) continue;
    const latest =
      now.period !== undefined && now.value !== undefined
        ? `: latest result ${formatValue(now.value, n.unit)} in ${describePeriod(now.period)}${now.target !== undefined ? `, against a target of ${formatValue(now.target, n.unit)}` : ''}`
        : '';
    report.add('status', {
      subject: kpiName(n),
      text: `${RAG_LABELS[was.status]} → ${RAG_LABELS[now.status]}${latest}`,
      old: RAG_LABELS[was.status],
      new: RAG_LABELS[now.status],
    });
  }
}

/** A result as read: a figure recorded as not yet published (`value: null`) says so. */
const shown = (v: number | null, unit: Kpi['unit']): string =>
  v === null ? 'not yet available' : formatValue(v, unit);

/** Results by period: new results, corrected values, withdrawn ones. Where they were written makes no difference. */
function actuals(report: Report, o: Kpi, n: Kpi): void {
  const before = new Map(o.actuals.map((x) => [x.period, x]));
  const after = new Map(n.actuals.map((x) => [x.period, x]));
  const periods = [...after.keys()].sort();
  const added = periods.filter((p) => !before.has(p));
  for (const p of added) {
    const v = shown(after.get(p)!.value, n.unit);
    report.add('actuals', { subject: kpiName(n), text: `result added for ${describePeriod(p)}: ${v}`, new: v });
  }
  for (const p of periods) {
    const was = before.get(p);
    const now = after.get(p)!;
    if (!was) continue;
    if (was.value !== now.value)
      report.add('actuals', {
        subject: kpiName(n),
        ...changed(`result for ${describePeriod(p)}`, was.value, now.value, (v) => shown(v as number | null, n.unit)),
      });
    if ((was.note ?? '') !== (now.note ?? ''))
      report.add('actuals', {
        subject: kpiName(n),
        ...changed(`note on the ${describePeriod(p)} result`, was.note ?? 'none', now.note ?? 'none'),
      });
  }
  for (const [p, was] of before)
    if (!after.has(p))
      report.add('actuals', {
        subject: kpiName(n),
        text: `result for ${describePeriod(p)} removed (was ${shown(was.value, o.unit)})`,
        old: shown(was.value, o.unit),
      });
}

function risks(report: Report, a: StrategyModel, b: StrategyModel): void {
  const { added, removed, kept } = byId(a.risks, b.risks);
  const name = (r: { id: string; risk: string }) => `Risk ${r.id}, ${r.risk}`;
  const rating = (m: StrategyModel, id: string, which: 'inherent' | 'residual') =>
    m.ratings.get(id)?.[which]?.label ?? 'not on the scale';
  /** A rating with what it means on the register's scale: "B2 (likely, major impact)". */
  const meaning = (m: StrategyModel, id: string, which: 'inherent' | 'residual') => {
    const label = rating(m, id, which);
    const r = m.risks.find((x) => x.id === id);
    const written = which === 'inherent' ? r : r?.residual;
    if (!written || !m.ratings.get(id)?.[which]) return label;
    const l = findLevel(m.scale.likelihood, written.likelihood)!;
    const i = findLevel(m.scale.impact, written.impact)!;
    return `${label} (${l.label.toLowerCase()}, ${i.label.toLowerCase()} impact)`;
  };
  for (const r of added)
    report.add('risks', {
      subject: name(r),
      text: `added, rated ${meaning(b, r.id, 'inherent')}${
        r.residual ? `, ${meaning(b, r.id, 'residual')} after mitigation` : ''
      }${r.owner ? `, owner ${r.owner}` : ''}`,
      new: rating(b, r.id, 'inherent'),
    });
  for (const r of removed)
    report.add('risks', {
      subject: name(r),
      text: `closed and removed from the register; it was rated ${meaning(a, r.id, 'inherent')}`,
      old: rating(a, r.id, 'inherent'),
    });
  for (const [o, n] of kept) {
    for (const which of ['inherent', 'residual'] as const) {
      const was = rating(a, o.id, which);
      const now = rating(b, n.id, which);
      if (was !== now)
        report.add('risks', {
          subject: name(n),
          text: `re-rated ${which === 'inherent' ? 'before mitigation' : 'after mitigation'} from ${meaning(a, o.id, which)} to ${meaning(b, n.id, which)}`,
          old: was,
          new: now,
        });
    }
    // The ratings above say what likelihood and impact mean together; the other fields as written.
    describeLeaves(
      report,
      'risks',
      name(n),
      diffValues(omit(o, 'likelihood', 'impact', 'residual'), omit(n, 'likelihood', 'impact', 'residual')),
    );
  }
  describeLeaves(report, 'risks', 'The risk scale', diffValues(a.data.risks?.scale, b.data.risks?.scale));
}

const pounds = (n: number) => formatMoney(n);
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${formatMoney(Math.abs(n))}`;

function funding(report: Report, a: StrategyModel, b: StrategyModel): void {
  const { added, removed, kept } = byId(
    a.funding.map((m) => m.stream),
    b.funding.map((m) => m.stream),
  );
  const name = (s: { id: string; project: string; funder: string }) => `${s.project}, ${s.funder}`;
  for (const s of added) {
    const total = b.fundingTotals.byStream[s.id] ?? 0;
    report.add('funding', {
      subject: name(s),
      text: `added: ${pounds(total)} in total (${
        typeof s.status === 'string'
          ? s.status
          : Object.entries(s.status)
              .map(([y, st]) => `${y} ${st}`)
              .join(', ')
      })`,
      new: pounds(total),
    });
  }
  for (const s of removed) {
    const total = a.fundingTotals.byStream[s.id] ?? 0;
    report.add('funding', { subject: name(s), text: `removed: it was ${pounds(total)} in total`, old: pounds(total) });
  }
  for (const [o, n] of kept) {
    for (const year of [...new Set([...Object.keys(o.amounts), ...Object.keys(n.amounts)])].sort()) {
      const was = o.amounts[year] ?? 0;
      const now = n.amounts[year] ?? 0;
      if (was !== now)
        report.add('funding', {
          subject: name(n),
          text: `funding for ${year} changed from ${pounds(was)} to ${pounds(now)} (${signed(now - was)})`,
          old: pounds(was),
          new: pounds(now),
        });
    }
    if (!sameValue(o.status, n.status))
      report.add('funding', { subject: name(n), ...changed('funding status', o.status, n.status, fundingStatus) });
    describeLeaves(report, 'funding', name(n), diffValues(omit(o, 'amounts', 'status'), omit(n, 'amounts', 'status')));
  }
  const years = [...new Set([...Object.keys(a.fundingTotals.byYear), ...Object.keys(b.fundingTotals.byYear)])].sort();
  for (const year of years) {
    const was = a.fundingTotals.byYear[year] ?? 0;
    const now = b.fundingTotals.byYear[year] ?? 0;
    // Money moved between streams leaves the year's total as it was: say so, and how much moved.
    const moved = movedBetweenStreams(a, b, year);
    if (was === now && moved > 0)
      report.add('funding', {
        subject: `Total for ${year}`,
        text: `unchanged at ${pounds(now)}: ${pounds(moved)} moved between streams`,
        old: pounds(was),
        new: pounds(now),
      });
    if (was !== now)
      report.add('funding', {
        subject: `Total for ${year}`,
        text: `changed from ${pounds(was)} to ${pounds(now)} (${signed(now - was)})`,
        old: pounds(was),
        new: pounds(now),
      });
  }
  if (a.fundingTotals.total !== b.fundingTotals.total) {
    const was = a.fundingTotals.total;
    const now = b.fundingTotals.total;
    report.add('funding', {
      subject: 'Total over the strategy',
      text: `changed from ${pounds(was)} to ${pounds(now)} (${signed(now - was)})`,
      old: pounds(was),
      new: pounds(now),
    });
  }
}

/** A stream's status in words: "confirmed", or "confirmed for 2027-28, indicative for 2028-29". */
const fundingStatus = (v: unknown): string =>
  typeof v === 'string'
    ? v.replace(/-/g, ' ')
    : Object.entries(v as Record<string, string>)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([year, st]) => `${st.replace(/-/g, ' ')} for ${year}`)
        .join(', ');

/** The money one year's streams gained, when as much was taken from others (0 when nothing moved). */
function movedBetweenStreams(a: StrategyModel, b: StrategyModel, year: string): number {
  const before = new Map(a.funding.map((m) => [m.stream.id, m.stream.amounts[year] ?? 0]));
  let gained = 0;
  let lost = 0;
  for (const m of b.funding) {
    const d = (m.stream.amounts[year] ?? 0) - (before.get(m.stream.id) ?? 0);
    before.delete(m.stream.id);
    if (d > 0) gained += d;
    else lost -= d;
  }
  for (const was of before.values()) lost += was;
  return Math.min(gained, lost);
}

const STATUS: Record<string, string> = {
  'not-started': 'not started',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  complete: 'complete',
};

function actions(report: Report, a: StrategyModel, b: StrategyModel): void {
  const { added, removed, kept } = byId(a.actions, b.actions);
  const name = (x: { id: string; action: string }) => `Action ${x.id}, ${shorten(x.action)}`;
  for (const x of added)
    report.add('actions', {
      subject: name(x),
      text: `added: led by ${show(x.lead)}, due ${describePeriod(x.due)}, ${STATUS[x.status]}`,
      new: x.action,
    });
  for (const x of removed) report.add('actions', { subject: name(x), text: 'removed', old: x.action });
  for (const [o, n] of kept) {
    if (o.status !== n.status)
      report.add('actions', {
        subject: name(n),
        ...changed('status', o.status, n.status, (v) => STATUS[String(v)] ?? show(v)),
      });
    if (o.due !== n.due)
      report.add('actions', { subject: name(n), ...changed('due', o.due, n.due, (v) => describePeriod(String(v))) });
    describeLeaves(report, 'actions', name(n), diffValues(omit(o, 'status', 'due'), omit(n, 'status', 'due')));
  }
}

function eqia(report: Report, a: StrategyModel, b: StrategyModel): void {
  const ea = a.data.eqia;
  const eb = b.data.eqia;
  if (!ea || !eb) return;
  const label = (c: string) => c.charAt(0).toUpperCase() + c.slice(1).replace(/-/g, ' ');
  for (const leaf of diffValues(ea, eb)) {
    const [top, id, field] = leaf.path;
    if (top === 'characteristics' && id && field === 'impact' && leaf.kind === 'changed') {
      report.add('eqia', { subject: label(id), ...changed('impact', leaf.old, leaf.new) });
    } else if (top === 'characteristics' && id && !field) {
      const c = (leaf.new ?? leaf.old) as { impact: string };
      report.add(
        'eqia',
        leaf.kind === 'added'
          ? { subject: label(id), text: `assessed: ${c.impact} impact`, new: c.impact }
          : { subject: label(id), text: 'assessment removed', old: c.impact },
      );
    } else if (top === 'characteristics' && id) {
      describeLeaves(report, 'eqia', label(id), [{ ...leaf, path: leaf.path.slice(2) }]);
    } else if ((top === 'socio_economic' || top === 'welsh_language') && field === undefined && id === 'impact') {
      report.add('eqia', {
        subject: top === 'socio_economic' ? 'Socio-economic disadvantage' : 'Welsh language',
        ...changed('impact', leaf.old, leaf.new),
      });
    } else {
      describeLeaves(report, 'eqia', 'The assessment', [leaf]);
    }
  }
}

function governance(report: Report, a: StrategyModel, b: StrategyModel): void {
  const ga = a.data.governance;
  const gb = b.data.governance;
  if (!ga || !gb) return;
  const { added, removed, kept } = byId(ga.bodies, gb.bodies);
  const name = (x: { name: string }) => x.name;
  const bodyName = (g: typeof ga, id: string | undefined) =>
    id ? (g.bodies.find((x) => x.id === id)?.name ?? id) : 'nobody';
  for (const x of added)
    report.add('governance', {
      subject: name(x),
      text: `added (${x.type.replace(/-/g, ' ')}${x.chair ? `, chaired by ${x.chair}` : ''}${x.reports_to ? `, reporting to ${bodyName(gb, x.reports_to)}` : ''})`,
      new: x.name,
    });
  for (const x of removed) report.add('governance', { subject: name(x), text: 'removed', old: x.name });
  for (const [o, n] of kept) {
    if (o.reports_to !== n.reports_to)
      report.add('governance', {
        subject: name(n),
        ...changed('reports to', bodyName(ga, o.reports_to), bodyName(gb, n.reports_to)),
      });
    if (o.meets !== n.meets)
      report.add('governance', {
        subject: name(n),
        ...changed('meets', o.meets, n.meets, (v) =>
          v === undefined
            ? 'not stated'
            : (MEETING_FREQUENCIES[String(v) as keyof typeof MEETING_FREQUENCIES] ?? show(v)),
        ),
      });
    describeLeaves(
      report,
      'governance',
      name(n),
      diffValues(omit(o, 'reports_to', 'meets'), omit(n, 'reports_to', 'meets')),
    );
  }
  for (const leaf of diffValues(ga.reporting, gb.reporting)) {
    const r = (leaf.new ?? leaf.old) as { report: string; from: string; to: string; frequency: string } | undefined;
    if (r && leaf.path.length <= 1 && leaf.kind !== 'changed') {
      const g = leaf.kind === 'added' ? gb : ga;
      const text = `${r.report}, from ${bodyName(g, r.from)} to ${bodyName(g, r.to)}, ${r.frequency}`;
      report.add(
        'governance',
        leaf.kind === 'added'
          ? { subject: 'Reporting line added', text, new: text }
          : { subject: 'Reporting line removed', text, old: text },
      );
    } else describeLeaves(report, 'governance', 'Reporting', [leaf]);
  }
}
