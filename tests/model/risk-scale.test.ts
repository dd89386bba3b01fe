import { describe, expect, it } from 'vitest';
import { LETTER_NUMERAL, NUMERIC_5X5, rate, resolveScale } from '../../scripts/model/risk-scale.js';

describe('risk scales', () => {
  it('defaults to likelihood A–D by impact I–IV, rated like C3', () => {
    const scale = resolveScale(undefined);
    expect(scale).toBe(LETTER_NUMERAL);
    expect(rate(scale, 'C', 'III')?.label).toBe('C3');
    expect(rate(scale, 'A', 'I')).toMatchObject({ label: 'A1', severity: 1, band: 'high' });
    expect(rate(scale, 'D', 'IV')).toMatchObject({ label: 'D4', severity: 0, band: 'low' });
  });
  it('rates a 5×5 numeric scale by the product', () => {
    const scale = resolveScale({ preset: 'numeric-5x5' });
    expect(scale).toBe(NUMERIC_5X5);
    expect(rate(scale, 5, 5)).toMatchObject({ label: '25', band: 'high' });
    expect(rate(scale, '3', 4)?.label).toBe('12');
    expect(rate(scale, 1, 1)).toMatchObject({ label: '1', band: 'low' });
  });
  it('gives no rating off the scale', () => {
    expect(rate(LETTER_NUMERAL, 'E', 'I')).toBeUndefined();
    expect(rate(LETTER_NUMERAL, 'A', 5)).toBeUndefined();
    expect(rate(NUMERIC_5X5, 6, 1)).toBeUndefined();
  });
  it('accepts a register’s own levels, most likely and most severe first', () => {
    const scale = resolveScale({
      likelihood: [
        { code: 'H', label: 'High' },
        { code: 'M', label: 'Medium' },
        { code: 'L', label: 'Low' },
      ],
      impact: [
        { code: 1, label: 'Severe' },
        { code: 2, label: 'Mild' },
      ],
    });
    expect(scale.kind).toBe('letter-numeral');
    expect(rate(scale, 'H', 1)).toMatchObject({ label: 'H1', severity: 1 });
    expect(rate(scale, 'L', 2)).toMatchObject({ label: 'L2', severity: 0 });
    expect(rate(scale, 'M', 2)!.severity).toBeCloseTo(0.25);
  });
});
