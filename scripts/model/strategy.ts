/**
 * Stage 3 of the pipeline, model: everything the outputs show that is derived rather than typed —
 * the strategy's years, lookups by id, each KPI's RAG, each risk's ratings, and money totals. Totals
 * are always computed here, never typed by hand. Tolerant of inputs that failed to load, so `check`
 * can still look at the rest.
 */
import type { Project } from '../load/project.js';
import type { Action, FundingStream, Kpi, LogicModel, Priority, Risk, StrategyData } from '../schema/index.js';
import { scorePriorities, type PriorityScore } from './priority-scores.js';
import { computeRag, type RagResult, type RagRule } from './rag.js';
import { rate, resolveScale, type Rating, type RiskScale } from './risk-scale.js';
import { strategyYears } from './periods.js';

export interface FundingTotals {
  byYear: Record<string, number>;
  byPriority: Record<string, Record<string, number>>;
  byFunder: Record<string, Record<string, number>>;
  byStream: Record<string, number>;
  total: number;
}

export interface StrategyModel {
  data: Partial<StrategyData>;
  title: string;
  partnershipName: string;
  /** Financial years of the strategy, e.g. 2027-28 … 2030-31. */
  years: string[];
  /** "2027–2031" */
  periodLabel: string;
  priorities: Priority[];
  priorityById: Map<string, Priority>;
  kpis: Kpi[];
  kpiById: Map<string, Kpi>;
  kpisByPriority: Map<string, Kpi[]>;
  rag: Map<string, RagResult>;
  /** The partnership's RAG rule, for the status of each actual against its year's target. */
  ragRule: RagRule;
  actions: Action[];
  actionsByPriority: Map<string, Action[]>;
  logicModelByPriority: Map<string, LogicModel>;
  scale: RiskScale;
  risks: Risk[];
  ratings: Map<string, { inherent: Rating | undefined; residual: Rating | undefined }>;
  funding: FundingStream[];
  fundingTotals: FundingTotals;
  /** Priority-setting candidates by weighted total, highest first (empty without a matrix). */
  priorityScores: PriorityScore[];
}

const group = <T, K>(items: T[], key: (t: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
};

export function sumFunding(streams: FundingStream[], years: string[]): FundingTotals {
  const totals: FundingTotals = { byYear: {}, byPriority: {}, byFunder: {}, byStream: {}, total: 0 };
  for (const y of years) totals.byYear[y] = 0;
  for (const s of streams) {
    totals.byStream[s.id] = 0;
    for (const [year, amount] of Object.entries(s.amounts)) {
      totals.byYear[year] = (totals.byYear[year] ?? 0) + amount;
      const p = (totals.byPriority[s.priority] ??= {});
      p[year] = (p[year] ?? 0) + amount;
      const f = (totals.byFunder[s.funder] ??= {});
      f[year] = (f[year] ?? 0) + amount;
      totals.byStream[s.id] = (totals.byStream[s.id] ?? 0) + amount;
      totals.total += amount;
    }
  }
  return totals;
}

export function buildModel(project: Project): StrategyModel {
  const data = project.data;
  const p = data.partnership;
  const years = p ? strategyYears(p.strategy.start_year, p.strategy.years) : [];
  const priorities = data.priorities?.priorities ?? [];
  const kpis = data.kpis?.kpis ?? [];
  const actions = data.actions?.actions ?? [];
  const risks = data.risks?.risks ?? [];
  const funding = data.funding?.streams ?? [];
  const scale = resolveScale(data.risks?.scale);
  const ragRule = p?.rag ?? { amber_within_percent: 5 };
  const ratings = new Map<string, { inherent: Rating | undefined; residual: Rating | undefined }>();
  for (const r of risks) {
    ratings.set(r.id, { inherent: rate(scale, r.likelihood, r.impact), residual: rate(scale, r.residual.likelihood, r.residual.impact) });
  }
  return {
    data,
    title: p?.strategy.title ?? 'Community Safety Strategy',
    partnershipName: p?.name ?? 'Community Safety Partnership',
    years,
    periodLabel: p ? `${p.strategy.start_year}–${p.strategy.start_year + p.strategy.years}` : '',
    priorities,
    priorityById: new Map(priorities.map((x) => [x.id, x])),
    kpis,
    kpiById: new Map(kpis.map((k) => [k.id, k])),
    kpisByPriority: group(kpis, (k) => k.priority),
    rag: new Map(kpis.map((k) => [k.id, computeRag(k, ragRule)])),
    ragRule,
    actions,
    actionsByPriority: group(actions, (a) => a.priority),
    logicModelByPriority: new Map((data.logicModels?.logic_models ?? []).map((l) => [l.priority, l])),
    scale,
    risks,
    ratings,
    funding,
    fundingTotals: sumFunding(funding, years),
    priorityScores: scorePriorities(data.priorityMatrix),
  };
}
