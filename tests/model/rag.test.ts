import { describe, expect, it } from 'vitest';
import { computeRag, ragFor, shortfallPercent } from '../../scripts/model/rag.js';

const rule = { amber_within_percent: 5 };

describe('RAG, lower is better', () => {
  it('is green at or below the target', () => {
    expect(ragFor(100, 100, 'lower-is-better', rule)).toBe('green');
    expect(ragFor(90, 100, 'lower-is-better', rule)).toBe('green');
  });
  it('is amber up to exactly 5% over the target, red beyond', () => {
    expect(ragFor(105, 100, 'lower-is-better', rule)).toBe('amber');
    expect(ragFor(105.01, 100, 'lower-is-better', rule)).toBe('red');
    expect(ragFor(101, 100, 'lower-is-better', rule)).toBe('amber');
  });
});

describe('RAG, higher is better', () => {
  it('is green at or above the target', () => {
    expect(ragFor(100, 100, 'higher-is-better', rule)).toBe('green');
    expect(ragFor(120, 100, 'higher-is-better', rule)).toBe('green');
  });
  it('is amber up to exactly 5% under the target, red beyond', () => {
    expect(ragFor(95, 100, 'higher-is-better', rule)).toBe('amber');
    expect(ragFor(94.99, 100, 'higher-is-better', rule)).toBe('red');
  });
});

describe('RAG rule and edge cases', () => {
  it('follows a configured amber band', () => {
    expect(ragFor(108, 100, 'lower-is-better', { amber_within_percent: 10 })).toBe('amber');
    expect(ragFor(101, 100, 'lower-is-better', { amber_within_percent: 0 })).toBe('red');
  });
  it('treats any miss of a zero target as red', () => {
    expect(shortfallPercent(1, 0, 'lower-is-better')).toBe(Infinity);
    expect(ragFor(0, 0, 'lower-is-better', rule)).toBe('green');
  });
});

describe('computeRag', () => {
  const targets = { '2027-28': 100, '2028-29': 90 };
  it('is grey with no data', () => {
    expect(computeRag({ actuals: [], targets, direction: 'lower-is-better' }, rule)).toEqual({ status: 'grey' });
  });
  it('is grey with no target for the latest period', () => {
    expect(
      computeRag({ actuals: [{ period: '2029-30 Q1', value: 5 }], targets, direction: 'lower-is-better' }, rule),
    ).toEqual({ status: 'grey', period: '2029-30 Q1', value: 5 });
  });
  it('uses the latest period (quarters and months mixed, in any order) against its year target', () => {
    const r = computeRag(
      {
        actuals: [
          { period: '2028-29 Q1', value: 93 },
          { period: '2027-28 Q4', value: 80 },
          { period: '2027-04', value: 200 },
        ],
        targets,
        direction: 'lower-is-better',
      },
      rule,
    );
    expect(r.status).toBe('amber');
    expect(r.period).toBe('2028-29 Q1');
    expect(r.target).toBe(90);
    expect(r.shortfallPercent).toBeCloseTo(3.333, 3);
  });
});

describe('RAG at the reporting period', () => {
  const kpi = {
    direction: 'lower-is-better' as const,
    targets: { '2025-26': 100 },
    actuals: [
      { period: '2025-26 Q1', value: 98 },
      { period: '2025-26 Q2', value: 104 },
      { period: '2025-26 Q3', value: null, reason: 'Published by the Home Office in February' },
    ],
  };
  it('a figure recorded as not yet published is grey, with its reason and the last published figure', () => {
    expect(computeRag(kpi, rule, '2025-26 Q3')).toEqual({
      status: 'grey',
      period: '2025-26 Q3',
      unavailable: { reason: 'Published by the Home Office in February' },
      lastPublished: { period: '2025-26 Q2', value: 104 },
    });
  });
  it('a due figure that is missing altogether is grey too, never rated from the quarter before', () => {
    const r = computeRag(kpi, rule, '2025-26 Q4');
    expect(r.status).toBe('grey');
    expect(r.unavailable).toEqual({ reason: undefined });
    expect(r.lastPublished).toEqual({ period: '2025-26 Q2', value: 104 });
  });
  it('rates the figure of the period due, not a later one', () => {
    expect(computeRag(kpi, rule, '2025-26 Q1')).toMatchObject({ status: 'green', value: 98 });
    expect(computeRag(kpi, rule, '2025-26 Q2')).toMatchObject({ status: 'amber', value: 104 });
  });
  it('without a reporting period, the latest published figure is rated', () => {
    expect(computeRag(kpi, rule)).toMatchObject({ status: 'amber', period: '2025-26 Q2' });
  });
});
