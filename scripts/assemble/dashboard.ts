/**
 * The monitoring dashboard and the page per priority: what the board reads each quarter. Every figure
 * comes from the model (RAG, latest period, targets); nothing is recomputed here.
 */
import { RAG_LABELS, type RagStatus } from '../model/rag.js';
import { comparePeriods, describePeriod, parsePeriod } from '../model/periods.js';
import type { StrategyModel } from '../model/strategy.js';
import { formatKpiValue } from '../model/format.js';

/** GOV.UK tag colours for each status; the words are always shown beside the colour. */
export const RAG_TAG: Record<RagStatus, string> = { green: 'green', amber: 'orange', red: 'red', grey: 'grey' };

export const dashboardHref = 'dashboard.html';
export const priorityHref = (id: string): string => `priority-${id}.html`;
export const priorityAnchor = (id: string): string => `priority-${id}`;

export interface KpiCard {
  id: string;
  title: string;
  priorityId: string;
  priorityTitle: string;
  latest?: { value: string; period: string };
  target?: { value: string; year: string };
  direction: string;
  status: { key: RagStatus; label: string; tag: string };
  sparkline?: string;
  /** Where the KPI's definition and chart are, in a chapter. */
  detailHref?: string;
  owner: string;
}

export function kpiCards(
  model: StrategyModel,
  sparklines: Map<string, string>,
  kpiHrefs: Map<string, string>,
): KpiCard[] {
  return model.kpis.map((k) => {
    const rag = model.rag.get(k.id);
    const status = rag?.status ?? 'grey';
    const fy = rag?.period ? parsePeriod(rag.period)?.fy : undefined;
    const latestTargetYear = fy ?? Object.keys(k.targets).sort(comparePeriods)[0];
    const targetValue = latestTargetYear ? k.targets[latestTargetYear] : undefined;
    const card: KpiCard = {
      id: k.id,
      title: k.title,
      priorityId: k.priority,
      priorityTitle: model.priorityById.get(k.priority)?.title ?? k.priority,
      direction: k.direction === 'lower-is-better' ? 'Lower is better' : 'Higher is better',
      status: { key: status, label: RAG_LABELS[status], tag: RAG_TAG[status] },
      owner: k.owner,
    };
    if (rag?.period !== undefined && rag.value !== undefined)
      card.latest = { value: formatKpiValue(rag.value, k.unit), period: describePeriod(rag.period) };
    if (latestTargetYear && targetValue !== undefined)
      card.target = { value: formatKpiValue(targetValue, k.unit), year: latestTargetYear };
    const svg = sparklines.get(k.id);
    if (svg) card.sparkline = svg;
    const href = kpiHrefs.get(k.id);
    if (href) card.detailHref = href;
    return card;
  });
}

export function statusCounts(cards: KpiCard[]): { key: RagStatus; label: string; tag: string; count: number }[] {
  return (['green', 'amber', 'red', 'grey'] as const).map((key) => ({
    key,
    label: RAG_LABELS[key],
    tag: RAG_TAG[key],
    count: cards.filter((c) => c.status.key === key).length,
  }));
}

/** The latest period any KPI has a result for: the dashboard's "figures up to". */
export function latestPeriod(model: StrategyModel): string | undefined {
  const periods = model.kpis.flatMap((k) => k.actuals.map((a) => a.period)).sort(comparePeriods);
  const last = periods.at(-1);
  return last ? describePeriod(last) : undefined;
}
