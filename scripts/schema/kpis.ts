/** data/kpis.yaml: the key performance indicators, with baselines, yearly targets and actuals. */
import { z } from 'zod';
import { FinancialYear, Id, Period, Text } from './common.js';

export const ActualSchema = z.strictObject({
  period: Period,
  value: z.number(),
  note: Text.optional(),
});

export const KpiSchema = z.strictObject({
  id: Id,
  title: Text,
  priority: Id.meta({ description: 'The id of the priority this KPI measures.' }),
  definition: Text,
  source: Text.meta({ description: 'Where the figure comes from, e.g. `Police recorded crime (CRIS)`.' }),
  unit: z
    .enum(['count', 'percent', 'rate-per-1000', 'days', 'score'])
    .meta({ description: 'How the value is expressed.' }),
  direction: z
    .enum(['lower-is-better', 'higher-is-better'])
    .meta({ description: 'Whether a fall or a rise is the improvement.' }),
  frequency: z.enum(['monthly', 'quarterly', 'annual']),
  baseline: z.strictObject({ value: z.number(), period: Period }),
  targets: z
    .record(FinancialYear, z.number())
    .meta({ description: 'A target for each financial year of the strategy, e.g. `2027-28: 410`.' }),
  actuals: z.array(ActualSchema).default([]),
  actuals_csv: z
    .string()
    .optional()
    .meta({ description: 'A CSV file under data/ with columns `kpi,period,value[,note]`, read as well.' }),
  owner: Text.meta({ description: 'The role that reports the figure each period.' }),
  why_it_matters: Text.optional(),
  what_good_looks_like: Text.optional(),
  notes: Text.optional(),
});

export const KpisSchema = z.strictObject({
  $schema: z.string().optional(),
  kpis: z.array(KpiSchema).min(1),
});
export type Kpi = z.infer<typeof KpiSchema>;
export type Actual = z.infer<typeof ActualSchema>;

/** One row of a KPI actuals CSV file. */
export const KpiActualRowSchema = z.strictObject({
  kpi: Id,
  period: Period,
  value: z.coerce.number({ error: 'must be a number' }),
  note: z.string().optional(),
});
