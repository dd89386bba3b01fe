import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  describePeriod,
  isValidDate,
  parsePeriod,
  quarterOfDate,
  strategyQuarters,
  strategyYears,
} from '../../scripts/model/periods.js';

describe('parsePeriod', () => {
  it('reads financial years, quarters and months', () => {
    expect(parsePeriod('2027-28')).toMatchObject({ kind: 'year', fy: '2027-28' });
    expect(parsePeriod('2027-28 Q4')).toMatchObject({ kind: 'quarter', quarter: 4, fy: '2027-28' });
    expect(parsePeriod('2027-04')).toMatchObject({ kind: 'month', month: 4, fy: '2027-28' });
    expect(parsePeriod('2028-03')).toMatchObject({ kind: 'month', month: 3, fy: '2027-28' });
  });
  it('refuses years that do not follow on, bad quarters and bad months', () => {
    for (const bad of ['2027-29', '2027-29 Q1', '2027-28 Q5', '2027-13', '2027-00', '27-28', '2027/28'])
      expect(parsePeriod(bad), bad).toBeUndefined();
  });
  it('puts Q1 in April to June and Q4 in January to March', () => {
    const q1 = parsePeriod('2027-28 Q1')!;
    const q4 = parsePeriod('2027-28 Q4')!;
    expect(parsePeriod('2027-04')!.startIndex).toBe(q1.startIndex);
    expect(parsePeriod('2027-06')!.startIndex).toBe(q1.endIndex);
    expect(parsePeriod('2028-01')!.startIndex).toBe(q4.startIndex);
    expect(parsePeriod('2028-03')!.startIndex).toBe(q4.endIndex);
  });
});

describe('ordering and strategy periods', () => {
  it('sorts periods by when they start, then by when they end', () => {
    expect(['2028-29', '2027-28 Q2', '2027-05', '2027-28 Q1', '2027-28'].sort(comparePeriods)).toEqual([
      '2027-28 Q1',
      '2027-28',
      '2027-05',
      '2027-28 Q2',
      '2028-29',
    ]); // same start: the shorter period first
  });
  it('lists the years and quarters of a strategy', () => {
    expect(strategyYears(2027, 4)).toEqual(['2027-28', '2028-29', '2029-30', '2030-31']);
    expect(strategyYears(2099, 2)).toEqual(['2099-00', '2100-01']);
    expect(strategyQuarters(2027, 1)).toEqual(['2027-28 Q1', '2027-28 Q2', '2027-28 Q3', '2027-28 Q4']);
  });
});

describe('dates', () => {
  it('finds the quarter of a date', () => {
    expect(quarterOfDate('2027-03-31')).toBe('2026-27 Q4');
    expect(quarterOfDate('2027-04-01')).toBe('2027-28 Q1');
    expect(quarterOfDate('2027-12-31')).toBe('2027-28 Q3');
  });
  it('knows which dates exist', () => {
    expect(isValidDate('2027-02-28')).toBe(true);
    expect(isValidDate('2027-02-29')).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2100-02-29')).toBe(false);
    expect(isValidDate('2027-02-30')).toBe(false);
    expect(isValidDate('2027-06-31')).toBe(false);
    expect(isValidDate('2027-13-01')).toBe(false);
  });
  it('describes periods for readers', () => {
    expect(describePeriod('2027-28 Q4')).toBe('Q4 2027-28 (January to March 2028)');
    expect(describePeriod('2028-02')).toBe('February 2028');
  });
});
