/**
 * Stage 3 of the pipeline, model: everything the outputs show that is derived rather than typed —
 * the strategy's years, lookups by id, each KPI's RAG, each risk's ratings, and money totals. Totals
 * are always computed here, never typed by hand. Tolerant of inputs that failed to load, so `check`
 * can still look at the rest.
 */
import type { Project } from '../load/project.js';
import type { Action, Kpi, LogicModel, Priority, Risk, StrategyData } from '../schema/index.js';
import {
  allocationModels,
  type AllocationModel,
  type FundingTotals,
  type ServiceModel,
  serviceModels,
  type StreamModel,
  streamModel,
  sumFunding,
} from './funding.js';
import { scoreMatrix, type ScoredCandidate, type ScoredMatrix } from './priority-matrix.js';
import { computeRag, type RagResult, type RagRule, type RagStatus } from './rag.js';
import { duePeriod, reportingPeriod, type ReportingPeriod } from './reporting.js';
import { rate, resolveScale, type Rating, type RiskScale } from './risk-scale.js';
import { strategyYears } from './periods.js';

export type { FundingTotals } from './funding.js';

export interface StrategyModel {
  data: Partial<StrategyData>;
  title: string;
  partnershipName: string;
  /** Financial years of the strategy, e.g. 2027-28 … 2030-31. */
  years: string[];
  /** "2027–2031" */
  periodLabel: string;
  /** The quarter statuses are worked out for (`reporting.as_at`, or the publication date). */
  reporting: ReportingPeriod | undefined;
  priorities: Priority[];
  priorityById: Map<string, Priority>;
  kpis: Kpi[];
  kpiById: Map<string, Kpi>;
  kpisByPriority: Map<string, Kpi[]>;
  /** Each KPI's status for the period it owes at the reporting date. */
  rag: Map<string, RagResult>;
  /** The partnership's RAG rule, for the status of each actual against its year's target. */
  ragRule: RagRule;
  /** How many KPIs are green, amber, red and grey at the reporting date. */
  ragCounts: Record<RagStatus, number>;
  actions: Action[];
  actionsByPriority: Map<string, Action[]>;
  logicModelByPriority: Map<string, LogicModel>;
  scale: RiskScale;
  risks: Risk[];
  ratings: Map<string, { inherent: Rating | undefined; residual: Rating | undefined }>;
  funding: StreamModel[];
  fundingTotals: FundingTotals;
  /** Priority-setting candidates by exact weighted score, highest first (empty without a matrix). */
  priorityScores: ScoredCandidate[];
  allocations: AllocationModel[];
  services: ServiceModel[];
  matrix: ScoredMatrix | undefined;
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

/** Each KPI's RAG at the reporting date (or, with none, from its latest figure). */
export function kpiStatuses(
  kpis: Kpi[],
  rule: { amber_within_percent: number },
  reporting: ReportingPeriod | undefined,
): Map<string, RagResult> {
  return new Map(
    kpis.map((k) => [k.id, computeRag(k, rule, reporting ? duePeriod(k.frequency, reporting.quarter) : undefined)]),
  );
}

export function buildModel(project: Project): StrategyModel {
  const data = project.data;
  const p = data.partnership;
  const years = p ? strategyYears(p.strategy.start_year, p.strategy.years) : [];
  const priorities = data.priorities?.priorities ?? [];
  const kpis = data.kpis?.kpis ?? [];
  const actions = data.actions?.actions ?? [];
  const risks = data.risks?.risks ?? [];
  const streams = data.funding?.streams ?? [];
  const funding = streams.map((s) => streamModel(s, years));
  const scale = resolveScale(data.risks?.scale);
  const ragRule = p?.rag ?? { amber_within_percent: 5 };
  const reporting = p ? reportingPeriod(p.reporting?.as_at, p.build.date) : undefined;
  const rag = kpiStatuses(kpis, ragRule, reporting);
  const matrix = data.priorityMatrix ? scoreMatrix(data.priorityMatrix) : undefined;
  const ragCounts: Record<RagStatus, number> = { green: 0, amber: 0, red: 0, grey: 0 };
  for (const r of rag.values()) ragCounts[r.status] += 1;
  const ratings = new Map<string, { inherent: Rating | undefined; residual: Rating | undefined }>();
  for (const r of risks) {
    ratings.set(r.id, {
      inherent: rate(scale, r.likelihood, r.impact),
      residual: r.residual ? rate(scale, r.residual.likelihood, r.residual.impact) : undefined,
    });
  }
  return {
    data,
    title: p?.strategy.title ?? 'Community Safety Strategy',
    partnershipName: p?.name ?? 'Community Safety Partnership',
    years,
    periodLabel: p ? `${p.strategy.start_year}–${p.strategy.start_year + p.strategy.years}` : '',
    reporting,
    priorities,
    priorityById: new Map(priorities.map((x) => [x.id, x])),
    kpis,
    kpiById: new Map(kpis.map((k) => [k.id, k])),
    kpisByPriority: group(kpis, (k) => k.priority),
    rag,
    ragRule,
    ragCounts,
    actions,
    actionsByPriority: group(actions, (a) => a.priority),
    logicModelByPriority: new Map((data.logicModels?.logic_models ?? []).map((l) => [l.priority, l])),
    scale,
    risks,
    ratings,
    funding,
    fundingTotals: sumFunding(funding, years),
    priorityScores: matrix?.candidates ?? [],
    allocations: allocationModels(data.funding?.allocations ?? [], streams),
    services: serviceModels(data.funding?.commissioned_services ?? []),
    matrix,
  };
}
