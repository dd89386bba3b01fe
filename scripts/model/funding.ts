/**
 * Money, worked out once: each stream's status per year and the priorities it serves, totals by year,
 * by priority, by funder and by status, grant allocation rounds with their totals, and commissioned
 * services with what each stream pays towards them. Amounts are whole pounds (integers), so every sum
 * is exact.
 */
import type { AllocationRound, CommissionedService, FundingStatus, FundingStream } from '../schema/index.js';

export const FUNDING_STATUS_LABELS: Record<FundingStatus, string> = {
  confirmed: 'Confirmed',
  indicative: 'Indicative',
  'not-confirmed': 'Not confirmed',
  'bid-submitted': 'Bid submitted',
  ended: 'Ended',
};

/** The group a stream serving several priorities (or none) is shown in. */
export const SEVERAL_PRIORITIES = 'Several priorities';
export const NO_PRIORITY = 'Across the partnership';

export interface StreamModel {
  stream: FundingStream;
  /** The priorities it serves, in the order written. */
  priorities: string[];
  /** The status of each strategy year (and any other year with an amount). */
  statusByYear: Record<string, FundingStatus | undefined>;
  /** One status for every year, when the file gives one. */
  singleStatus: FundingStatus | undefined;
  total: number;
}

export interface FundingTotals {
  byYear: Record<string, number>;
  /** Keyed by priority id; a stream serving several priorities counts under SEVERAL_PRIORITIES. */
  byPriority: Record<string, Record<string, number>>;
  byFunder: Record<string, Record<string, number>>;
  byStream: Record<string, number>;
  /** Year -> status -> pounds. */
  byYearStatus: Record<string, Partial<Record<FundingStatus, number>>>;
  total: number;
}

export interface AllocationModel {
  round: AllocationRound;
  total: number;
  /** The stream's amount for the year, when it has one. */
  available: number | undefined;
}

export interface ServiceModel {
  service: CommissionedService;
  priorities: string[];
  byYear: Record<string, number>;
  total: number;
}

export const prioritiesOf = (x: { priority?: string | undefined; priorities?: string[] | undefined }): string[] => [
  ...new Set([...(x.priority !== undefined ? [x.priority] : []), ...(x.priorities ?? [])]),
];

/** The key a stream is grouped under by priority. */
export const priorityGroupOf = (priorities: string[]): string =>
  priorities.length === 1 ? priorities[0]! : priorities.length ? SEVERAL_PRIORITIES : NO_PRIORITY;

export function streamModel(s: FundingStream, years: string[]): StreamModel {
  const singleStatus = typeof s.status === 'string' ? s.status : undefined;
  const statusByYear: Record<string, FundingStatus | undefined> = {};
  for (const y of new Set([
    ...years,
    ...Object.keys(s.amounts),
    ...(typeof s.status === 'object' ? Object.keys(s.status) : []),
  ])) {
    statusByYear[y] = singleStatus ?? (s.status as Record<string, FundingStatus>)[y];
  }
  return {
    stream: s,
    priorities: prioritiesOf(s),
    statusByYear,
    singleStatus,
    total: Object.values(s.amounts).reduce((a, b) => a + b, 0),
  };
}

export function sumFunding(streams: StreamModel[], years: string[]): FundingTotals {
  const totals: FundingTotals = { byYear: {}, byPriority: {}, byFunder: {}, byStream: {}, byYearStatus: {}, total: 0 };
  for (const y of years) {
    totals.byYear[y] = 0;
    totals.byYearStatus[y] = {};
  }
  for (const m of streams) {
    const s = m.stream;
    totals.byStream[s.id] = 0;
    const group = priorityGroupOf(m.priorities);
    for (const [year, amount] of Object.entries(s.amounts)) {
      totals.byYear[year] = (totals.byYear[year] ?? 0) + amount;
      const p = (totals.byPriority[group] ??= {});
      p[year] = (p[year] ?? 0) + amount;
      const f = (totals.byFunder[s.funder] ??= {});
      f[year] = (f[year] ?? 0) + amount;
      const status = m.statusByYear[year];
      if (status) {
        const ys = (totals.byYearStatus[year] ??= {});
        ys[status] = (ys[status] ?? 0) + amount;
      }
      totals.byStream[s.id] = (totals.byStream[s.id] ?? 0) + amount;
      totals.total += amount;
    }
  }
  return totals;
}

export function allocationModels(rounds: AllocationRound[], streams: FundingStream[]): AllocationModel[] {
  return rounds.map((round) => ({
    round,
    total: round.projects.reduce((a, p) => a + p.amount, 0),
    available: streams.find((s) => s.id === round.stream)?.amounts[round.year],
  }));
}

export function serviceModels(services: CommissionedService[]): ServiceModel[] {
  return services.map((service) => {
    const byYear: Record<string, number> = {};
    for (const f of service.funded_by) for (const [y, a] of Object.entries(f.amounts)) byYear[y] = (byYear[y] ?? 0) + a;
    return {
      service,
      priorities: prioritiesOf(service),
      byYear,
      total: Object.values(byYear).reduce((a, b) => a + b, 0),
    };
  });
}
