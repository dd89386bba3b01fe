import { describe, expect, it } from 'vitest';
import {
  formatKpiValue,
  formatMoney,
  formatNumber,
  formatPercent,
  formatScore,
  formatWeight,
} from '../../scripts/model/format.js';

describe('the one value formatter', () => {
  it('groups thousands and keeps at most the decimals asked for, none when whole', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.9');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(612)).toBe('612');
    expect(formatNumber(3.25, 1)).toBe('3.3');
    expect(formatNumber(-1234.5, 0)).toBe('-1,235');
    expect(formatNumber(-0.04)).toBe('0');
  });
  it('formats money in whole pounds, the sign before the pound sign', () => {
    expect(formatMoney(43157172)).toBe('£43,157,172');
    expect(formatMoney(2.5)).toBe('£3');
    expect(formatMoney(-1200)).toBe('-£1,200');
    expect(formatMoney(-0.4)).toBe('£0');
  });
  it('formats KPI values by their unit', () => {
    expect(formatKpiValue(12.34, 'percent')).toBe('12.3%');
    expect(formatKpiValue(4.56, 'rate-per-1000')).toBe('4.6 per 1,000');
    expect(formatKpiValue(12, 'days')).toBe('12 days');
    expect(formatKpiValue(1234, 'count')).toBe('1,234');
    expect(formatKpiValue(3.85, 'score')).toBe('3.9');
  });
  it('formats shares, scores and weights', () => {
    expect(formatPercent(45.25)).toBe('45.3%');
    expect(formatPercent(45.25, 0)).toBe('45%');
    expect(formatScore(38)).toBe('38');
    expect(formatScore(3.875)).toBe('3.9');
    expect(formatWeight(1.25)).toBe('1.25');
  });
});
