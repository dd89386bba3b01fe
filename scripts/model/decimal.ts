/**
 * Exact decimal arithmetic for what is printed: scores, weights and money. A number from YAML is read
 * back as the decimal the officer wrote (`0.15` stays 15 hundredths, never 0.1499999…), held as a
 * fraction of two BigInts, and rounded once, half away from zero, when it is shown. No binary floating
 * point reaches a printed figure.
 */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};

function norm(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

/** The decimal a JavaScript number was written as (its shortest round-trip form), exactly. */
export function dec(value: number | string | bigint): Fraction {
  if (typeof value === 'bigint') return { num: value, den: 1n };
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: ${text}`);
  const digits = `${m[2] ?? ''}${m[3] ?? ''}` || '0';
  let scale = (m[3] ?? '').length - Number(m[4] ?? 0);
  let num = BigInt(digits);
  if (m[1] === '-') num = -num;
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return norm(num, 10n ** BigInt(scale));
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return String(n);
}

export const add = (a: Fraction, b: Fraction): Fraction => norm(a.num * b.den + b.num * a.den, a.den * b.den);
export const mul = (a: Fraction, b: Fraction): Fraction => norm(a.num * b.num, a.den * b.den);
export const div = (a: Fraction, b: Fraction): Fraction => norm(a.num * b.den, a.den * b.num);
export const sum = (xs: Fraction[]): Fraction => xs.reduce(add, { num: 0n, den: 1n });
/** -1, 0 or 1. */
export const compare = (a: Fraction, b: Fraction): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** Round to `decimals` places, half away from zero, as text with exactly that many places: `3.95`. */
export function toFixed(f: Fraction, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const neg = f.num < 0n;
  const abs = neg ? -f.num : f.num;
  const scaled = abs * scale;
  let q = scaled / f.den;
  if ((scaled % f.den) * 2n >= f.den) q += 1n;
  const s = q.toString().padStart(decimals + 1, '0');
  const int = s.slice(0, s.length - decimals);
  const frac = s.slice(s.length - decimals);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg && q !== 0n ? '-' : ''}${grouped}${decimals ? `.${frac}` : ''}`;
}

/** The same rounding, as a plain number for a chart's axis position (never printed). */
export const toNumber = (f: Fraction, decimals = 6): number => Number(toFixed(f, decimals).replace(/,/g, ''));

/** The decimal as written, without trailing zeros: `0.15`, `3`, `1,250.5`. */
export function toPlain(f: Fraction, maxDecimals = 6): string {
  const fixed = toFixed(f, maxDecimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
