/**
 * Formatting for figures beyond the strategy's own values (scripts/model/format.ts): numbers in an
 * officer chart's data (two decimals), times by their Vega-Lite time unit, and shortened labels. No
 * locale or clock is involved.
 */
import { formatNumber as formatValue } from '../model/format.js';
import { MONTHS } from '../model/periods.js';

/** A number from an officer chart's data: 12345.678 → "12,345.68"; whole numbers without decimals. */
export function formatNumber(n: number, maxDecimals = 2): string {
  return formatValue(n, maxDecimals);
}

/** A UTC time as people read it, as precise as its time unit (e.g. `utcyearmonth` → "April 2027"). */
export function formatTime(value: Date | number, unit: string | undefined): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const u = (unit ?? 'yearmonthdate').replace(/^utc/, '');
  const y = d.getUTCFullYear();
  const m = MONTHS[d.getUTCMonth()]!;
  const day = d.getUTCDate();
  if (/hours|minutes|seconds/.test(u))
    return d
      .toISOString()
      .replace('T', ' ')
      .replace(/:00\.000Z$|\.000Z$/, '');
  if (u.includes('date')) return u.includes('year') ? `${day} ${m} ${y}` : `${day} ${m}`;
  if (u.includes('quarter'))
    return u.includes('year')
      ? `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}`
      : `Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  if (u.includes('month')) return u.includes('year') ? `${m} ${y}` : m;
  if (u === 'year') return String(y);
  return `${day} ${m} ${y}`;
}

/** Shorten long labels for axes, keeping whole words. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}
