/**
 * Financial years, quarters and months. Quarters are financial-year quarters: Q1 = Apr–Jun,
 * Q2 = Jul–Sep, Q3 = Oct–Dec, Q4 = Jan–Mar. All arithmetic is on text and integers: no Date objects,
 * no time zones, no clock.
 */
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface ParsedPeriod {
  kind: PeriodKind;
  /** Calendar year the financial year starts in: 2027 for `2027-28`. */
  fyStart: number;
  /** 1–4 for a quarter; undefined for a year. */
  quarter?: number;
  /** 1–12 for a month. */
  month?: number;
  /** The financial year label, e.g. `2027-28`. */
  fy: string;
  /** Months since April of year 0: a sortable index of the period's first month. */
  startIndex: number;
  /** Index of the period's last month. */
  endIndex: number;
}

export function fyLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Parse a period label, or return undefined when it is malformed or inconsistent (e.g. `2027-29`). */
export function parsePeriod(label: string): ParsedPeriod | undefined {
  let m = /^(\d{4})-(\d{2})(?: Q([1-4]))?$/.exec(label);
  // `2027-04` is a month, not a financial year: only a label whose years follow on is a year.
  if (m && !m[3] && (Number(m[1]) + 1) % 100 !== Number(m[2])) m = null;
  if (m) {
    const fyStart = Number(m[1]);
    if ((fyStart + 1) % 100 !== Number(m[2])) return undefined;
    const base = fyStart * 12;
    if (m[3]) {
      const quarter = Number(m[3]);
      const startIndex = base + (quarter - 1) * 3;
      return { kind: 'quarter', fyStart, quarter, fy: fyLabel(fyStart), startIndex, endIndex: startIndex + 2 };
    }
    return { kind: 'year', fyStart, fy: fyLabel(fyStart), startIndex: base, endIndex: base + 11 };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const fyStart = month >= 4 ? year : year - 1;
    const startIndex = fyStart * 12 + ((month + 8) % 12);
    return { kind: 'month', fyStart, month, fy: fyLabel(fyStart), startIndex, endIndex: startIndex };
  }
  return undefined;
}

/** Sort key for period labels; malformed labels sort last. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return (
    (pa?.startIndex ?? Infinity) - (pb?.startIndex ?? Infinity) ||
    (pa?.endIndex ?? 0) - (pb?.endIndex ?? 0) ||
    (a < b ? -1 : a > b ? 1 : 0)
  );
}

/** The financial years of a strategy, e.g. start 2027, 4 years: 2027-28 … 2030-31. */
export function strategyYears(startYear: number, years: number): string[] {
  return Array.from({ length: years }, (_, i) => fyLabel(startYear + i));
}

/** The quarters of a strategy, in order. */
export function strategyQuarters(startYear: number, years: number): string[] {
  return strategyYears(startYear, years).flatMap((fy) => [1, 2, 3, 4].map((q) => `${fy} Q${q}`));
}

/** Month names, January first (for dates, periods and chart labels alike). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const QUARTER_MONTHS = ['April to June', 'July to September', 'October to December', 'January to March'];

/** A period for readers: `2027-28 Q1` becomes `Q1 2027-28 (April to June 2027)`. */
export function describePeriod(label: string): string {
  const p = parsePeriod(label);
  if (!p) return label;
  if (p.kind === 'year') return `${p.fy}`;
  if (p.kind === 'quarter') {
    const year = p.quarter === 4 ? p.fyStart + 1 : p.fyStart;
    return `Q${p.quarter} ${p.fy} (${QUARTER_MONTHS[p.quarter! - 1]} ${year})`;
  }
  return `${MONTHS[p.month! - 1]} ${p.month! >= 4 ? p.fyStart : p.fyStart + 1}`;
}

/** The quarter a calendar date (`2027-03-31`) falls in, e.g. `2026-27 Q4`. */
export function quarterOfDate(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const month = Number(m[2]);
  const year = Number(m[1]);
  if (month < 1 || month > 12) return undefined;
  const fyStart = month >= 4 ? year : year - 1;
  const q = Math.floor(((month + 8) % 12) / 3) + 1;
  return `${fyLabel(fyStart)} Q${q}`;
}

/** Whether a `YYYY-MM-DD` date exists on the calendar. */
export function isValidDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** `2027-03-31` as `31 March 2027`. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
