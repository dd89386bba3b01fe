/**
 * RAG status of a KPI, direction-aware (DOMAIN.md, a county CSP's published rule):
 * green = meeting the target; amber = missing it by up to `amber_within_percent` (default 5%);
 * red = missing it by more; grey = no target or no data for the latest period.
 */
import type { Kpi } from '../schema/index.js';
import { comparePeriods, parsePeriod } from './periods.js';

export type RagStatus = 'red' | 'amber' | 'green' | 'grey';

export interface RagRule {
  amber_within_percent: number;
}

export interface RagResult {
  status: RagStatus;
  /** The latest actual's period and value, if any. */
  period?: string;
  value?: number;
  /** The target of the latest actual's financial year, if set. */
  target?: number;
  /** How far the value misses the target, in percent of the target (0 when met). */
  shortfallPercent?: number;
}

export const RAG_LABELS: Record<RagStatus, string> = {
  green: 'On target',
  amber: 'Near target',
  red: 'Off target',
  grey: 'No data or target',
};

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

/** The RAG of a KPI's latest actual against the target for that actual's financial year. */
export function computeRag(kpi: Pick<Kpi, 'actuals' | 'targets' | 'direction'>, rule: RagRule): RagResult {
  const latest = [...kpi.actuals].sort((a, b) => comparePeriods(a.period, b.period)).at(-1);
  if (!latest) return { status: 'grey' };
  const fy = parsePeriod(latest.period)?.fy;
  const target = fy ? kpi.targets[fy] : undefined;
  if (target === undefined) return { status: 'grey', period: latest.period, value: latest.value };
  const shortfall = shortfallPercent(latest.value, target, kpi.direction);
  return {
    status: ragFor(latest.value, target, kpi.direction, rule),
    period: latest.period,
    value: latest.value,
    target,
    shortfallPercent: shortfall,
  };
}
