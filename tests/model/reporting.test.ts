import { describe, expect, it } from 'vitest';
import { duePeriod, quarterEndedBy, reportingPeriod } from '../../scripts/model/reporting.js';

describe('reporting period', () => {
  it('a date stands for the last quarter ended by then', () => {
    expect(quarterEndedBy('2025-09-30')).toBe('2025-26 Q2');
    expect(quarterEndedBy('2025-10-15')).toBe('2025-26 Q2');
    expect(quarterEndedBy('2025-09-29')).toBe('2025-26 Q1');
    expect(quarterEndedBy('2026-03-31')).toBe('2025-26 Q4');
    expect(quarterEndedBy('2026-04-01')).toBe('2025-26 Q4');
    expect(quarterEndedBy('2025-04-01')).toBe('2024-25 Q4');
  });
  it('as_at is separate from the publication date, which stands in only when as_at is absent', () => {
    expect(reportingPeriod('2025-26 Q2', '2025-12-01')).toMatchObject({
      quarter: '2025-26 Q2',
      fromPublicationDate: false,
      label: 'Q2 2025-26 (July to September 2025)',
    });
    expect(reportingPeriod('2025-09-30', '2025-12-01')?.quarter).toBe('2025-26 Q2');
    expect(reportingPeriod(undefined, '2025-12-01')).toMatchObject({
      quarter: '2025-26 Q2',
      fromPublicationDate: true,
    });
  });
  it('the period a KPI owes depends on how often it is reported', () => {
    expect(duePeriod('quarterly', '2025-26 Q2')).toBe('2025-26 Q2');
    expect(duePeriod('monthly', '2025-26 Q2')).toBe('2025-09');
    expect(duePeriod('monthly', '2025-26 Q4')).toBe('2026-03');
    expect(duePeriod('annual', '2025-26 Q2')).toBe('2024-25');
    expect(duePeriod('annual', '2025-26 Q4')).toBe('2025-26');
  });
});
