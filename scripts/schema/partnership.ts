/** data/partnership.yaml: who the partnership is, the strategy period, its status and build settings. */
import { z } from 'zod';
import { Id, IsoDate, Quarter, Text } from './common.js';

const Authority = z.strictObject({
  id: Id,
  name: Text,
  type: z.enum(['council', 'police', 'fire', 'health', 'probation']).meta({
    description: 'The kind of responsible authority under the Crime and Disorder Act 1998 s5.',
  }),
  role: Text.optional(),
});

const Partner = z.strictObject({ id: Id, name: Text, role: Text.optional() });

export const PartnershipSchema = z.strictObject({
  $schema: z.string().optional(),
  name: Text.meta({ description: 'The partnership, e.g. `Safer Northbridge Partnership`.' }),
  short_name: Text.optional(),
  area: z.strictObject({
    name: Text.meta({ description: 'The area covered, e.g. `London Borough of Northbridge`.' }),
    ons_code: z
      .string()
      .regex(/^[EW]22\d{6}$/, { error: 'must be an ONS Community Safety Partnership code like E22000123' })
      .optional(),
    population: z.number().int().positive().optional(),
    description: Text.optional(),
  }),
  strategy: z.strictObject({
    title: Text.meta({ description: 'The document title, e.g. `Community Safety Strategy 2027–2031`.' }),
    start_year: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .meta({ description: 'The calendar year the first financial year starts, e.g. `2027` for 2027-28.' }),
    years: z
      .number()
      .int()
      .min(1)
      .max(10)
      .meta({
        description:
          'How many financial years it runs, from 1 to 10 (usually 3 or 4). Every year label is worked out from it.',
        examples: [3, 4],
      }),
  }),
  status: z.enum(['draft', 'consultation', 'adopted']),
  version: Text,
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
    .default('en-GB'),
  approvals: z
    .array(
      z.strictObject({
        body: Text.meta({ description: 'Who decided, e.g. `Full Council` or `Health and Wellbeing Board`.' }),
        date: IsoDate,
        decision: Text.optional().meta({ description: 'What was decided, e.g. `Plan adopted`.' }),
        reference: Text.optional().meta({ description: 'The minute or report reference, e.g. `Minute 123/24`.' }),
      }),
    )
    .default([])
    .meta({
      description:
        'The approvals and decision history, oldest first: shown on the cover and by the `::approvals` block.',
    }),
  responsible_authorities: z.array(Authority).min(1),
  partners: z.array(Partner).default([]),
  contact: z
    .strictObject({ email: z.email().optional(), address: Text.optional(), telephone: Text.optional() })
    .optional(),
  build: z
    .strictObject({
      date: IsoDate.meta({
        description:
          'The publication date of this edition, printed on the cover and in the metadata, so builds are reproducible. Statuses are worked out as at `reporting.as_at` when it is given.',
      }),
    })
    .meta({ description: 'Settings of the build itself.' }),
  site: z
    .strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .meta({
          description:
            'Where the website is published, e.g. `https://safer.northbridge.gov.uk/strategy/`: adds canonical links, sharing (OpenGraph) tags and full addresses in the sitemap.',
        }),
    })
    .optional()
    .meta({ description: 'Settings of the published website.' }),
  reporting: z
    .strictObject({
      as_at: z
        .union([Quarter, IsoDate], { error: 'must be a quarter like 2025-26 Q2 or a date like 2025-09-30' })
        .meta({
          description:
            'The period this edition reports on: statuses, RAG and overdue actions are worked out as at it. A quarter (`2025-26 Q2`) or a date (`2025-09-30`: the last quarter ended by then). Separate from the publication date `build.date`.',
          examples: ['2025-26 Q2', '2025-09-30'],
        }),
    })
    .optional()
    .meta({ description: 'The reporting period. Without it, the publication date (`build.date`) stands in.' }),
  rag: z
    .strictObject({
      amber_within_percent: z
        .number()
        .min(0)
        .max(100)
        .default(5)
        .meta({ description: 'A KPI missing its target by up to this percentage is amber; by more, red.' }),
    })
    .default({ amber_within_percent: 5 }),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
