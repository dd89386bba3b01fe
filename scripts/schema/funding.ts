/** data/funding.yaml: funding streams and commissioned services. Totals are computed, never typed. */
import { z } from 'zod';
import { FinancialYear, Id, Pounds, Text } from './common.js';

export const FundingStreamSchema = z.strictObject({
  id: Id,
  funder: Text,
  project: Text,
  priority: Id,
  provider: Text,
  status: z.enum(['confirmed', 'indicative', 'bid-submitted']),
  amounts: z.record(FinancialYear, Pounds).meta({ description: 'Pounds per financial year, e.g. `2027-28: 120000`.' }),
  notes: Text.optional(),
});

export const FundingSchema = z.strictObject({
  $schema: z.string().optional(),
  streams: z.array(FundingStreamSchema).min(1),
});
export type FundingStream = z.infer<typeof FundingStreamSchema>;
