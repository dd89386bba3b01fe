import { describe, expect, it } from 'vitest';
import { add, compare, dec, div, mul, sum, toFixed, toPlain } from '../../scripts/model/decimal.js';

describe('exact decimals', () => {
  it('keeps the decimal an officer wrote: 0.15 is 15 hundredths, not a binary approximation', () => {
    expect(dec(0.15)).toEqual({ num: 3n, den: 20n });
    expect(toPlain(dec(0.15))).toBe('0.15');
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; exactly 0.3 here.
    expect(toPlain(add(dec(0.1), dec(0.2)))).toBe('0.3');
    expect(compare(add(dec(0.1), dec(0.2)), dec(0.3))).toBe(0);
  });
  it('rounds once, half away from zero, to a fixed number of places', () => {
    expect(toFixed(dec('3.945'), 2)).toBe('3.95');
    expect(toFixed(dec('3.845'), 2)).toBe('3.85');
    expect(toFixed(dec(1.005), 2)).toBe('1.01'); // 1.00 with Number.prototype.toFixed
    expect(toFixed(dec('-2.5'), 0)).toBe('-3');
    expect(toFixed(div(dec(13), dec(3)), 2)).toBe('4.33');
    expect(toFixed(dec(4), 2)).toBe('4.00');
    expect(toFixed(dec(1234567), 0)).toBe('1,234,567');
  });
  it('multiplies and sums exactly', () => {
    expect(toPlain(sum([mul(dec(0.15), dec(4)), mul(dec(0.35), dec(3))]))).toBe('1.65');
    expect(dec('1e3')).toEqual({ num: 1000n, den: 1n });
  });
});
