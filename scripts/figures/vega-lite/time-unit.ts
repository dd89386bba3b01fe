/**
 * A time as people read it, exactly as precise as its Vega-Lite time unit: `yearmonth` is "April 2027",
 * `date` (the day of the month) is "14", `hours` is "09:00", `day` is "Monday", `yearquarter` is
 * "Q2 2027". With no unit, a date at midnight is "14 April 2027" and any other time has its clock time.
 * Times are UTC (the loader makes every time unit UTC), so nothing depends on the machine's zone.
 */
import { MONTHS } from '../../model/periods.js';
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTimeUnit(value: Date | number, unit: string | undefined): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const u = (unit ?? '').replace(/^utc/, '').replace(/^binned/, '');
  const has = (part: string) => u.includes(part);
  const year = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()]!;
  const date = d.getUTCDate();
  const clock = () =>
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${has('seconds') || d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : ''}`;
  if (u === '') {
    const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
    return `${date} ${month} ${year}${midnight ? '' : ` ${clock()}`}`;
  }
  const parts: string[] = [];
  const dayOfYear = has('dayofyear');
  const hasDate = /date/.test(u);
  const hasWeekday = !dayOfYear && /day(?!ofyear)/.test(u.replace('dayofyear', ''));
  if (has('quarter')) parts.push(`Q${Math.floor(d.getUTCMonth() / 3) + 1}`);
  if (has('week')) {
    const start = Date.UTC(year, 0, 1);
    parts.push(`week ${Math.floor((d.getTime() - start) / 604800000) + 1}`);
  }
  if (dayOfYear) parts.push(`day ${Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86400000) + 1}`);
  if (hasWeekday) parts.push(DAYS[d.getUTCDay()]!);
  if (hasDate && has('month')) parts.push(`${date} ${month}`);
  else if (hasDate) parts.push(String(date));
  else if (has('month')) parts.push(month);
  if (has('year')) parts.push(String(year));
  if (has('hours') || has('minutes') || has('seconds')) {
    if (has('hours')) parts.push(clock());
    else parts.push(has('minutes') ? `${pad(d.getUTCMinutes())} minutes` : `${pad(d.getUTCSeconds())} seconds`);
  }
  return parts.join(' ') || `${date} ${month} ${year}`;
}
