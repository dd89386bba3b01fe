/**
 * The one formatter for the values a strategy shows: KPI values by unit, money, percentages, scores
 * and weights, with periods and dates from ./periods.ts. Tables, charts, chart data tables and the
 * text around them all call it, so a number reads the same wherever it appears (open data carries
 * the unformatted number, which formats to the same text).
 *
 * No locale or clock is involved: digits are grouped by hand in the en-GB way ("12,345.6"), and
 * rounding is to the nearest, halves away from zero, as `Number.prototype.toFixed` does.
 */
import type { Kpi } from '../schema/index.js';

export { describePeriod, formatDate } from './periods.js';

/** 12345.678 → "12,345.7" (at most `maxDecimals` decimals, none when whole); -0 reads as "0". */
export function formatNumber(n: number, maxDecimals = 1): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Number(n.toFixed(maxDecimals));
  const [int, frac] = String(Math.abs(fixed)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fixed < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Whole pounds: 12345.5 → "£12,346"; -1200 → "-£1,200". */
export function formatMoney(n: number): string {
  const text = formatNumber(Math.abs(n), 0);
  return `${n < 0 && text !== '0' ? '-' : ''}£${text}`;
}

/** A share in per cent: 12.34 → "12.3%". */
export function formatPercent(n: number, maxDecimals = 1): string {
  return `${formatNumber(n, maxDecimals)}%`;
}

/** A score or a weighted total (priority setting): one decimal at most. */
export function formatScore(n: number): string {
  return formatNumber(n, 1);
}

/** A criterion's weight: up to two decimals (×1.25). */
export function formatWeight(n: number): string {
  return formatNumber(n, 2);
}

/** A KPI value in its unit: "12.3%", "4.5 per 1,000", "12 days", "1,234". */
export function formatKpiValue(value: number, unit: Kpi['unit']): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value);
    case 'percentage-points':
      return `${formatNumber(value)} percentage points`;
    case 'rate-per-1000':
      return `${formatNumber(value)} per 1,000`;
    case 'rate-per-100000':
      return `${formatNumber(value)} per 100,000`;
    case 'money':
      return formatMoney(value);
    case 'days':
      return `${formatNumber(value)} days`;
    default:
      return formatNumber(value);
  }
}

/** The axis title for a KPI's unit. */
export const KPI_UNIT_TITLES: Record<Kpi['unit'], string> = {
  count: 'Number',
  percent: 'Per cent',
  'percentage-points': 'Percentage points',
  'rate-per-1000': 'Rate per 1,000 people',
  'rate-per-100000': 'Rate per 100,000 people',
  money: 'Pounds',
  days: 'Days',
  score: 'Score',
};
