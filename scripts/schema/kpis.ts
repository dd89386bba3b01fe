/** data/kpis.yaml: the key performance indicators, with baselines, yearly targets and actuals. */
import { z } from 'zod';
import { FinancialYear, Id, Period, Text } from './common.js';

export const ActualSchema = z.strictObject({
  period: Period,
  value: z
    .number()
    .nullable()
    .meta({
      description:
        'The figure for the period. For a figure that is due but not yet published, write `value: null` and say why in `reason`: the KPI is shown as "not yet available" (grey), with its last published figure beside it.',
      examples: [412, null],
    }),
  reason: Text.optional().meta({
    description:
      'Why a figure is not yet available (with `value: null`), e.g. `Published by the Home Office in August`.',
  }),
  note: Text.optional().meta({ description: 'A short note on this figure, published beside it.' }),
});

/** How a KPI's value is expressed, and how each is printed. */
export const KPI_UNITS = {
  count: 'a number of things: `412`',
  percent: 'a percentage: `62.5` prints as 62.5%',
  'percentage-points': 'a difference between two percentages: `3.2` prints as 3.2 percentage points',
  'rate-per-1000': 'a rate per 1,000 people: `9.8` prints as 9.8 per 1,000',
  'rate-per-100000': 'a rate per 100,000 people: `245` prints as 245 per 100,000',
  money: 'an amount in pounds: `1250` prints as £1,250',
  days: 'a number of days: `42` prints as 42 days',
  score: 'a score on a scale, e.g. a survey index',
} as const;

export const KpiSchema = z.strictObject({
  id: Id,
  title: Text,
  priority: Id.meta({ description: 'The id of the priority this KPI measures.' }),
  definition: Text,
  source: Text.meta({ description: 'Where the figure comes from, e.g. `Police recorded crime (CRIS)`.' }),
  unit: z.enum(Object.keys(KPI_UNITS) as [keyof typeof KPI_UNITS, ...(keyof typeof KPI_UNITS)[]]).meta({
    description: `How the value is expressed: ${Object.entries(KPI_UNITS)
      .map(([k, v]) => `\`${k}\`, ${v}`)
      .join('; ')}.`,
  }),
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
  notes: Text.optional().meta({
    description: "Anything a reader needs to interpret the figures; published with the KPI's definition.",
  }),
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
  /** An empty cell is a figure not yet published; the `note` column then says why. */
  value: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.coerce.number({ error: 'must be a number' }).nullable(),
  ),
  note: z.string().optional(),
});
