/**
 * data/funding.yaml: funding streams, the grants allocated from them and the services they commission.
 * Totals are computed, never typed.
 */
import { z } from 'zod';
import { FinancialYear, Id, IsoDate, Pounds, Text } from './common.js';

/** The status of a stream's money for a year. */
export const FUNDING_STATUSES = {
  confirmed: 'the funder has confirmed the amount',
  indicative: 'the funder has given the amount as a guide, not yet confirmed',
  'not-confirmed': 'the partnership expects money but has no amount or commitment yet',
  'bid-submitted': 'a bid has been made and the decision is awaited',
  ended: 'the stream has ended: no money this year',
} as const;
export type FundingStatus = keyof typeof FUNDING_STATUSES;

export const FundingStatusSchema = z.enum(Object.keys(FUNDING_STATUSES) as [FundingStatus, ...FundingStatus[]]).meta({
  description: `The status of the money: ${Object.entries(FUNDING_STATUSES)
    .map(([k, v]) => `\`${k}\`, ${v}`)
    .join('; ')}.`,
});

export const FundingStreamSchema = z.strictObject({
  id: Id,
  funder: Text.meta({ description: 'Who provides the money, e.g. `Police and Crime Commissioner`.' }),
  project: Text.meta({ description: 'The stream or project, e.g. `Crime Reduction Grant`.' }),
  priority: Id.optional().meta({ description: 'The priority it serves. For several, use `priorities:` instead.' }),
  priorities: z
    .array(Id)
    .min(1)
    .optional()
    .meta({ description: 'The priorities it serves, when more than one, e.g. `[drugs-and-alcohol, reoffending]`.' }),
  provider: Text.optional().meta({ description: 'Who delivers it. Optional: nothing is printed when absent.' }),
  status: z.union([FundingStatusSchema, z.record(FinancialYear, FundingStatusSchema)]).meta({
    description:
      'One status for every year (`confirmed`), or one per financial year, e.g. `{ 2024-25: confirmed, 2025-26: indicative, 2026-27: not-confirmed }`.',
    examples: ['confirmed', { '2024-25': 'confirmed', '2025-26': 'indicative' }],
  }),
  amounts: z.record(FinancialYear, Pounds).meta({ description: 'Pounds per financial year, e.g. `2027-28: 120000`.' }),
  notes: Text.optional().meta({
    description: 'Conditions, match funding or anything a reader needs; published under the stream.',
  }),
});

const Allocation = z.strictObject({
  project: Text.meta({ description: 'The funded project, e.g. `Street Pastors`.' }),
  provider: Text.optional().meta({ description: 'Who delivers it.' }),
  priority: Id.optional().meta({ description: 'The priority it serves.' }),
  amount: Pounds,
});

export const AllocationRoundSchema = z.strictObject({
  id: Id.meta({ description: 'Names this round for `::grant-allocations{round=…}`, e.g. `CRG-2024-25`.' }),
  stream: Id.meta({ description: 'The funding stream the grants come from.' }),
  year: FinancialYear,
  title: Text.optional().meta({ description: 'A caption, e.g. `Crime Reduction Grant allocations 2024-25`.' }),
  projects: z.array(Allocation).min(1),
});

export const CommissionedServiceSchema = z.strictObject({
  id: Id,
  service: Text.meta({ description: 'The service, e.g. `Drug and alcohol recovery service`.' }),
  provider: Text.optional(),
  priority: Id.optional(),
  priorities: z.array(Id).min(1).optional(),
  contract: z
    .strictObject({ start: IsoDate, end: IsoDate })
    .optional()
    .meta({ description: 'The contract dates, if commissioned under contract.' }),
  funded_by: z
    .array(
      z.strictObject({
        stream: Id.meta({ description: 'A funding stream id.' }),
        amounts: z
          .record(FinancialYear, Pounds)
          .meta({ description: 'The part of that stream spent on this service, per year.' }),
      }),
    )
    .min(1)
    .meta({
      description:
        'The streams that pay for it and how much from each, per year: part of those streams, not added again.',
    }),
  notes: Text.optional(),
});

export const FundingSchema = z.strictObject({
  $schema: z.string().optional(),
  streams: z.array(FundingStreamSchema).min(1),
  allocations: z
    .array(AllocationRoundSchema)
    .default([])
    .meta({ description: 'Grants made from one stream in one year, project by project.' }),
  commissioned_services: z
    .array(CommissionedServiceSchema)
    .default([])
    .meta({ description: 'Services commissioned from one or more streams.' }),
});
export type FundingStream = z.infer<typeof FundingStreamSchema>;
export type AllocationRound = z.infer<typeof AllocationRoundSchema>;
export type CommissionedService = z.infer<typeof CommissionedServiceSchema>;
export type Funding = z.infer<typeof FundingSchema>;
