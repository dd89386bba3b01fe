/**
 * RAG status of a KPI, direction-aware (DOMAIN.md, a county CSP's published rule):
 * green = meeting the target; amber = missing it by up to `amber_within_percent` (default 5%);
 * red = missing it by more; grey = no target, or no figure for the period due.
 *
 * The status is for the period the KPI owes at the reporting date (model/reporting.ts): a figure
 * recorded as `value: null` with a `reason`, or not recorded at all, is "not yet available" (grey),
 * and the last published figure is kept beside it. It is never rated from an older figure.
 */
import type { Actual, Kpi } from '../schema/index.js';
import { comparePeriods, parsePeriod } from './periods.js';

export type RagStatus = 'red' | 'amber' | 'green' | 'grey';

export interface RagRule {
  amber_within_percent: number;
}

export interface RagResult {
  status: RagStatus;
  /** The period rated: the period due at the reporting date, or the latest figure's. */
  period?: string;
  /** The figure for that period, when published. */
  value?: number;
  /** The target of that period's financial year, if set. */
  target?: number;
  /** How far the value misses the target, in percent of the target (0 when met). */
  shortfallPercent?: number;
  /** The figure for the period is not yet available: why (`reason`), or not recorded at all. */
  unavailable?: { reason: string | undefined };
  /** The last figure published before the period, shown beside a figure not yet available. */
  lastPublished?: { period: string; value: number };
}

export const RAG_LABELS: Record<RagStatus, string> = {
  green: 'On target',
  amber: 'Near target',
  red: 'Off target',
  grey: 'No data or target',
};

/** The words for a result: "Not yet available" when a due figure is missing. */
export const ragLabel = (r: Pick<RagResult, 'status' | 'unavailable'>): string =>
  r.unavailable ? 'Not yet available' : RAG_LABELS[r.status];

/** Shortfall against a target as a percentage of it: 0 when the target is met. */
export function shortfallPercent(value: number, target: number, direction: Kpi['direction']): number {
  const miss = direction === 'lower-is-better' ? value - target : target - value;
  if (miss <= 0) return 0;
  if (target === 0) return Infinity;
  return (miss / Math.abs(target)) * 100;
}

export function ragFor(value: number, target: number, direction: Kpi['direction'], rule: RagRule): RagStatus {
  const s = shortfallPercent(value, target, direction);
  if (s === 0) return 'green';
  return s <= rule.amber_within_percent ? 'amber' : 'red';
}

type RagKpi = Pick<Kpi, 'actuals' | 'targets' | 'direction'>;

const published = (a: Actual): a is Actual & { value: number } => a.value !== null;

/** The last published figure strictly before `period`. */
export function lastPublishedBefore(kpi: RagKpi, period: string): { period: string; value: number } | undefined {
  const before = kpi.actuals.filter(published).filter((a) => comparePeriods(a.period, period) < 0);
  const last = before.sort((a, b) => comparePeriods(a.period, b.period)).at(-1);
  return last ? { period: last.period, value: last.value } : undefined;
}

/** The RAG of a KPI for one period: its figure for that period against that year's target. */
export function ragAt(kpi: RagKpi, period: string, rule: RagRule): RagResult {
  const actual = kpi.actuals.find((a) => a.period === period);
  if (!actual || actual.value === null) {
    const last = lastPublishedBefore(kpi, period);
    return {
      status: 'grey',
      period,
      unavailable: { reason: actual?.reason },
      ...(last ? { lastPublished: last } : {}),
    };
  }
  const fy = parsePeriod(period)?.fy;
  const target = fy ? kpi.targets[fy] : undefined;
  if (target === undefined) return { status: 'grey', period, value: actual.value };
  return {
    status: ragFor(actual.value, target, kpi.direction, rule),
    period,
    value: actual.value,
    target,
    shortfallPercent: shortfallPercent(actual.value, target, kpi.direction),
  };
}

/**
 * The RAG of a KPI: for the period `due` at the reporting date when given, otherwise for its latest
 * published figure.
 */
export function computeRag(kpi: RagKpi, rule: RagRule, due?: string): RagResult {
  if (due !== undefined) return ragAt(kpi, due, rule);
  const latest = kpi.actuals
    .filter(published)
    .sort((a, b) => comparePeriods(a.period, b.period))
    .at(-1);
  if (!latest) return { status: 'grey' };
  return ragAt(kpi, latest.period, rule);
}
