/** Formatting numbers, money and dates for chart labels and tables; no locale or clock involved. */

/** 12345.678 → "12,345.68"; whole numbers without decimals. */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Number(n.toFixed(maxDecimals));
  const [int, frac] = String(Math.abs(fixed)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fixed < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export function formatPounds(n: number): string {
  return `£${formatNumber(Math.round(n), 0)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A UTC time as people read it, as precise as its time unit (e.g. `utcyearmonth` → "April 2027"). */
export function formatTime(value: Date | number, unit: string | undefined): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const u = (unit ?? 'yearmonthdate').replace(/^utc/, '');
  const y = d.getUTCFullYear();
  const m = MONTHS[d.getUTCMonth()]!;
  const day = d.getUTCDate();
  if (/hours|minutes|seconds/.test(u)) return d.toISOString().replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, '');
  if (u.includes('date')) return u.includes('year') ? `${day} ${m} ${y}` : `${day} ${m}`;
  if (u.includes('quarter')) return u.includes('year') ? `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}` : `Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
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
