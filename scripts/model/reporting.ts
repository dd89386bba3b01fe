/**
 * The reporting period: the quarter this edition's statuses are worked out for. It is
 * `reporting.as_at` in data/partnership.yaml (a quarter such as `2025-26 Q2`, or a date such as
 * `2025-09-30`), separate from the publication date (`build.date`). A date stands for the last quarter
 * that had ended by that date: 30 September is the end of Q2; 15 October still reports Q2. With no
 * `as_at`, the publication date is used the same way.
 */
import { describePeriod, fyLabel, isValidDate, parsePeriod, quarterOfDate } from './periods.js';

export interface ReportingPeriod {
  /** The quarter statuses are for, e.g. `2025-26 Q2`. */
  quarter: string;
  /** As written: a quarter or a date. */
  asAt: string;
  /** Whether `as_at` was written, or the publication date stood in for it. */
  fromPublicationDate: boolean;
  /** "Q2 2025-26 (July to September 2025)". */
  label: string;
}

/** The last quarter that has ended on or before a date. */
export function quarterEndedBy(date: string): string | undefined {
  if (!isValidDate(date)) return undefined;
  const q = quarterOfDate(date);
  const p = q ? parsePeriod(q) : undefined;
  if (!p || !q) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastMonth = (((p.endIndex % 12) + 3) % 12) + 1; // index 0 = April
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m === lastMonth && d === lastDay) return q;
  return previousQuarter(q);
}

export function previousQuarter(q: string): string | undefined {
  const p = parsePeriod(q);
  if (p?.kind !== 'quarter') return undefined;
  return p.quarter === 1 ? `${fyLabel(p.fyStart - 1)} Q4` : `${p.fy} Q${p.quarter! - 1}`;
}

export function reportingPeriod(asAt: string | undefined, publicationDate: string): ReportingPeriod | undefined {
  const written = asAt ?? publicationDate;
  const p = parsePeriod(written);
  const quarter = p?.kind === 'quarter' ? written : quarterEndedBy(written);
  if (!quarter) return undefined;
  return { quarter, asAt: written, fromPublicationDate: asAt === undefined, label: describePeriod(quarter) };
}

/**
 * The period whose figure a KPI owes at the reporting quarter: that quarter (quarterly), its last
 * month (monthly), or the last financial year that had ended (annual).
 */
export function duePeriod(frequency: 'monthly' | 'quarterly' | 'annual', quarter: string): string | undefined {
  const p = parsePeriod(quarter);
  if (p?.kind !== 'quarter') return undefined;
  if (frequency === 'quarterly') return quarter;
  if (frequency === 'annual') return p.quarter === 4 ? p.fy : fyLabel(p.fyStart - 1);
  const monthIndex = p.endIndex % 12; // 0 = April
  const month = ((monthIndex + 3) % 12) + 1;
  const year = month >= 4 ? p.fyStart : p.fyStart + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}
