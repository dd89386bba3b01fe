/**
 * data/funding.yaml: funding streams, the grants allocated from them and the services they commission.
 * Totals are computed, never typed.
 */
import { z } from 'zod';
import { explainValues, FinancialYear, Id, IsoDate, Pounds, schemaRef, Text } from './common.js';

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
  description: 'How certain the money is, printed beside the amount so readers know what is secure.',
  examples: ['confirmed'],
  ...explainValues(FUNDING_STATUSES),
});

export const FundingStreamSchema = z.strictObject({
  id: Id.meta({
    description:
      'A short id for the stream; services and grant rounds point at it. Readers see the funder and project.',
    examples: ['crime-reduction-grant', 'sv-duty-grant'],
  }),
  funder: Text.meta({
    description: 'Who provides the money, printed in the funding table and used for the totals by funder.',
    examples: ['Police and Crime Commissioner', 'MOPAC London Crime Prevention Fund'],
  }),
  project: Text.meta({
    description: 'The stream or project the money pays for, as the funding table names it.',
    examples: ['Crime Reduction Grant', 'Youth navigators in the emergency department'],
  }),
  priority: Id.optional().meta({
    description:
      'The id of the priority it serves; the totals by priority count it there. For several, use `priorities:`.',
    examples: ['serious-violence'],
  }),
  priorities: z
    .array(Id)
    .min(1)
    .optional()
    .meta({
      description: 'The ids of the priorities it serves, when more than one.',
      examples: [['drugs-and-alcohol', 'reoffending']],
    }),
  provider: Text.optional().meta({
    description: 'Who delivers it. Optional: nothing is printed when absent.',
    examples: ['Safe Passage Youth Trust (commissioned)'],
  }),
  status: z.union([FundingStatusSchema, z.record(FinancialYear, FundingStatusSchema)]).meta({
    description:
      'One status for every year (`confirmed`), or one per financial year, e.g. `{ 2024-25: confirmed, 2025-26: indicative, 2026-27: not-confirmed }`.',
    examples: ['confirmed', { '2024-25': 'confirmed', '2025-26': 'indicative' }],
  }),
  amounts: z.record(FinancialYear, Pounds).meta({
    description:
      'Whole pounds per financial year, no £ sign or commas. The funding tables add them up by year, priority and funder.',
    examples: [{ '2024-25': 106460, '2025-26': 106460 }],
  }),
  notes: Text.optional().meta({
    description: 'Conditions, match funding or anything a reader needs; published under the stream.',
    examples: ['Confirmed to March 2029; later years are indicative.'],
  }),
});

const Allocation = z.strictObject({
  project: Text.meta({
    description: 'The funded project, as the allocations table names it.',
    examples: ['Street Pastors'],
  }),
  provider: Text.optional().meta({ description: 'Who delivers it.', examples: ['Medway Street Pastors'] }),
  priority: Id.optional().meta({ description: 'The id of the priority it serves.', examples: ['safer-streets'] }),
  amount: Pounds.meta({ description: 'The grant in whole pounds; the round is totalled for you.', examples: [12000] }),
});

export const AllocationRoundSchema = z.strictObject({
  id: Id.meta({ description: 'Names this round for `::grant-allocations{round=…}`.', examples: ['CRG-2024-25'] }),
  stream: Id.meta({
    description: 'The id of the funding stream the grants come from.',
    examples: ['crime-reduction-grant'],
  }),
  year: FinancialYear.meta({ description: 'The financial year of the grants.' }),
  title: Text.optional().meta({
    description: 'A caption for the allocations table.',
    examples: ['Crime Reduction Grant allocations 2024-25'],
  }),
  projects: z
    .array(Allocation)
    .min(1)
    .meta({
      description: 'Each funded project and its grant.',
      examples: [[{ project: 'Street Pastors', amount: 12000 }]],
    }),
});

export const CommissionedServiceSchema = z.strictObject({
  id: Id.meta({ description: 'A short id for the service.', examples: ['drug-alcohol-recovery'] }),
  service: Text.meta({
    description: 'The service, as the commissioning table names it.',
    examples: ['Drug and alcohol recovery service'],
  }),
  provider: Text.optional().meta({ description: 'Who delivers it.', examples: ['Change Grow Live'] }),
  priority: Id.optional().meta({ description: 'The id of the priority it serves.', examples: ['drugs-and-alcohol'] }),
  priorities: z
    .array(Id)
    .min(1)
    .optional()
    .meta({
      description: 'The ids of the priorities it serves, when more than one.',
      examples: [['drugs-and-alcohol', 'reoffending']],
    }),
  contract: z
    .strictObject({
      start: IsoDate.meta({ description: 'When the contract starts.', examples: ['2025-04-01'] }),
      end: IsoDate.meta({
        description: 'When the contract ends, printed so readers see when it is due for re-commissioning.',
        examples: ['2028-03-31'],
      }),
    })
    .optional()
    .meta({
      description: 'The contract dates, if commissioned under contract.',
      examples: [{ start: '2025-04-01', end: '2028-03-31' }],
    }),
  funded_by: z
    .array(
      z.strictObject({
        stream: Id.meta({
          description: 'The id of a funding stream (under `streams:`).',
          examples: ['ohid-drug-treatment'],
        }),
        amounts: z.record(FinancialYear, Pounds).meta({
          description: 'The part of that stream spent on this service, in whole pounds per year.',
          examples: [{ '2027-28': 250000 }],
        }),
      }),
    )
    .min(1)
    .meta({
      description:
        'The streams that pay for it and how much from each, per year: part of those streams, not added again.',
      examples: [[{ stream: 'ohid-drug-treatment', amounts: { '2027-28': 250000 } }]],
    }),
  notes: Text.optional().meta({
    description: 'Anything a reader needs about the service; published under it.',
    examples: ['Re-commissioned jointly with the Integrated Care Board from April 2028.'],
  }),
});

export const FundingSchema = z.strictObject({
  $schema: schemaRef('funding'),
  streams: z
    .array(FundingStreamSchema)
    .min(1)
    .meta({
      description: 'Every funding stream: who pays, for what, how much each year and how certain it is.',
      examples: [
        [
          {
            id: 'crg',
            funder: 'Police and Crime Commissioner',
            project: 'Crime Reduction Grant',
            status: 'confirmed',
            amounts: { '2024-25': 106460 },
          },
        ],
      ],
    }),
  allocations: z
    .array(AllocationRoundSchema)
    .default([])
    .meta({
      description: 'Grants made from one stream in one year, project by project.',
      examples: [
        [
          {
            id: 'CRG-2024-25',
            stream: 'crg',
            year: '2024-25',
            projects: [{ project: 'Street Pastors', amount: 12000 }],
          },
        ],
      ],
    }),
  commissioned_services: z
    .array(CommissionedServiceSchema)
    .default([])
    .meta({
      description: 'Services commissioned from one or more streams.',
      examples: [
        [
          {
            id: 'recovery',
            service: 'Drug and alcohol recovery service',
            funded_by: [{ stream: 'ohid', amounts: { '2027-28': 250000 } }],
          },
        ],
      ],
    }),
});
export type FundingStream = z.infer<typeof FundingStreamSchema>;
export type AllocationRound = z.infer<typeof AllocationRoundSchema>;
export type CommissionedService = z.infer<typeof CommissionedServiceSchema>;
export type Funding = z.infer<typeof FundingSchema>;
