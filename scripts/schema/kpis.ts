/** data/kpis.yaml: the key performance indicators, with baselines, yearly targets and actuals. */
import { z } from 'zod';
import { explainValues, FinancialYear, Id, Period, Text, schemaRef } from './common.js';

export const ActualSchema = z.strictObject({
  period: Period.meta({
    description:
      'The period this figure covers: a financial year (`2027-28`), a quarter (`2027-28 Q1`, April to June) or a month (`2027-04`). The figure is compared with the target of the financial year it falls in.',
  }),
  value: z
    .number()
    .nullable()
    .meta({
      description:
        'The figure for the period. For a figure that is due but not yet published, write `value: null` and say why in `reason`: the KPI is shown as "not yet available" (grey), with its last published figure beside it.',
      examples: [412, null],
    }),
  reason: Text.optional().meta({
    description: 'Why a figure is not yet available (with `value: null`), published in its place.',
    examples: ['Published by the Home Office in August'],
  }),
  note: Text.optional().meta({
    description: 'A short note on this figure, published beside it.',
    examples: ['Provisional: police data to the end of February'],
  }),
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
  id: Id.meta({
    description: 'A short id for this KPI, used to link actions, outcomes and charts to it. Readers see the title.',
    examples: ['sv-01', 'asb-02'],
  }),
  title: Text.meta({
    description: 'The name of the indicator as the public reads it on the dashboard and in the delivery plan.',
    examples: ['Knife crime offences', 'Repeat victims of domestic abuse referred to MARAC'],
  }),
  priority: Id.meta({
    description: 'The id of the priority this KPI measures (from data/priorities.yaml).',
    examples: ['serious-violence'],
  }),
  definition: Text.meta({
    description:
      'Exactly what is counted and over what time, so anyone could reproduce the figure. Published with the KPI.',
    examples: ['Anti-social behaviour incidents reported to the police, rolling 12 months to the end of the quarter.'],
  }),
  source: Text.meta({
    description: 'Where the figure comes from, published under the KPI.',
    examples: ['Police recorded crime (CRIS)', 'Kent Police ASB incident data'],
  }),
  unit: z.enum(Object.keys(KPI_UNITS) as [keyof typeof KPI_UNITS, ...(keyof typeof KPI_UNITS)[]]).meta({
    description: 'How the value is expressed, which decides how every figure, target and change is printed.',
    examples: ['count', 'percent'],
    ...explainValues(KPI_UNITS),
  }),
  direction: z.enum(['lower-is-better', 'higher-is-better']).meta({
    description:
      'Whether a fall or a rise is the improvement. It decides the RAG colour: fewer offences is better, more referrals may be better.',
    examples: ['lower-is-better'],
    ...explainValues({
      'lower-is-better': 'a fall is an improvement, e.g. fewer knife crime offences',
      'higher-is-better': 'a rise is an improvement, e.g. more referrals to support services',
    }),
  }),
  frequency: z.enum(['monthly', 'quarterly', 'annual']).meta({
    description: 'How often a new figure is reported to the partnership board.',
    examples: ['quarterly'],
    ...explainValues({
      monthly: 'a figure every month (`period: 2027-04`)',
      quarterly: 'a figure every financial-year quarter (`period: 2027-28 Q1`)',
      annual: 'a figure once a financial year (`period: 2027-28`)',
    }),
  }),
  baseline: z
    .strictObject({
      value: z.number().meta({
        description: "The figure the strategy starts from, in the KPI's unit.",
        examples: [612, 9.8],
      }),
      period: Period.meta({
        description: 'The period the baseline figure covers, usually the year before the strategy.',
      }),
    })
    .meta({
      description:
        'Where the measure stood before the strategy started: the figure and its period. Every KPI needs one, so progress can be judged.',
      examples: [{ value: 612, period: '2026-27' }],
    }),
  targets: z.record(FinancialYear, z.number()).meta({
    description:
      "A target for each financial year of the strategy, in the KPI's unit. Each actual is RAG-rated against the target of its year.",
    examples: [{ '2027-28': 590, '2028-29': 565, '2029-30': 540 }],
  }),
  actuals: z
    .array(ActualSchema)
    .default([])
    .meta({
      description: 'The figures reported so far, one per period, oldest first. They are drawn on the dashboard.',
      examples: [[{ period: '2027-28 Q1', value: 236 }]],
    }),
  actuals_csv: z
    .string()
    .optional()
    .meta({
      description: 'A CSV file under data/ with columns `kpi,period,value[,note]`, read as well as `actuals`.',
      examples: ['kpi-actuals.csv'],
    }),
  owner: Text.meta({
    description: 'The role that reports the figure each period (a role, never a named person).',
    examples: ['Partnership Analyst, Community Safety Service'],
  }),
  why_it_matters: Text.optional().meta({
    description: 'Why the partnership tracks this figure, in a sentence or two; published on the KPI card.',
    examples: ['Knife crime causes the greatest harm of any volume offence and drives fear of crime.'],
  }),
  what_good_looks_like: Text.optional().meta({
    description: 'What success would look like, in plain words; published on the KPI card.',
    examples: ['A sustained fall of about 4% a year.'],
  }),
  notes: Text.optional().meta({
    description: "Anything a reader needs to interpret the figures; published with the KPI's definition.",
    examples: ['Figures before April 2027 used a different crime recording system.'],
  }),
});

export const KpisSchema = z.strictObject({
  $schema: schemaRef('kpis'),
  kpis: z
    .array(KpiSchema)
    .min(1)
    .meta({
      description: 'The key performance indicators, grouped by priority in the published strategy.',
      examples: [[{ id: 'sv-01', title: 'Knife crime offences', priority: 'serious-violence' }]],
    }),
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
