/** data/partnership.yaml: who the partnership is, the strategy period, its status and build settings. */
import { z } from 'zod';
import { explainValues, Id, IsoDate, Quarter, schemaRef, Text, wording } from './common.js';

const ONS_CODE = wording(
  'must be an ONS Community Safety Partnership code like E22000123',
  'Write the ONS Community Safety Partnership code like E22000123 (E22 or W22, then six digits).',
);
const LANGUAGE = wording(
  'must be a language code like en-GB or cy-GB',
  'Write a language code like en-GB (English) or cy-GB (Welsh).',
);
const EMAIL = wording(
  'must be an email address like community.safety@medway.gov.uk',
  'Write an email address like community.safety@medway.gov.uk.',
);

const Authority = z.strictObject({
  id: Id.meta({ description: 'A short id for the authority.', examples: ['police'] }),
  name: Text.meta({ description: 'The organisation as the public knows it.', examples: ['Kent Police'] }),
  type: z.enum(['council', 'police', 'fire', 'health', 'probation']).meta({
    description: 'The kind of responsible authority under the Crime and Disorder Act 1998 s5.',
    examples: ['police'],
    ...explainValues({
      council: 'the local authority (district, borough, unitary or county council)',
      police: 'the police force',
      fire: 'the fire and rescue authority',
      health: 'the integrated care board (NHS)',
      probation: 'the Probation Service',
    }),
  }),
  role: Text.optional().meta({
    description: 'What it does in the partnership, printed in the partnership context.',
    examples: ['Co-chairs the partnership; leads neighbourhood policing and enforcement.'],
  }),
});

const Partner = z.strictObject({
  id: Id.meta({ description: 'A short id for the partner.', examples: ['pcc'] }),
  name: Text.meta({
    description: 'The organisation as the public knows it.',
    examples: ['Kent Police and Crime Commissioner'],
  }),
  role: Text.optional().meta({
    description: 'What it brings to the partnership.',
    examples: ['Funds the Crime Reduction Grant.'],
  }),
});

export const PartnershipSchema = z.strictObject({
  $schema: schemaRef('partnership'),
  name: Text.meta({
    description: 'The partnership, as printed on the cover and on every page.',
    examples: ['Safer City Partnership', 'Medway Community Safety Partnership'],
  }),
  short_name: Text.optional().meta({ description: 'A short form readers know it by.', examples: ['SCP', 'CSP'] }),
  area: z
    .strictObject({
      name: Text.meta({ description: 'The area covered.', examples: ['London Borough of Tower Hamlets', 'Medway'] }),
      ons_code: z
        .string()
        .regex(/^[EW]22\d{6}$/, { error: ONS_CODE.must })
        .meta(ONS_CODE.meta)
        .optional()
        .meta({
          description: "The area's ONS Community Safety Partnership code: E22… in England, W22… in Wales.",
          examples: ['E22000123'],
        }),
      population: z
        .number()
        .int()
        .positive()
        .optional()
        .meta({
          description: 'How many people live there (ONS mid-year estimate), a whole number.',
          examples: [279800],
        }),
      description: Text.optional().meta({
        description: 'A short paragraph about the area, printed in the partnership context.',
        examples: ['A unitary authority of 279,800 people on the Thames estuary.'],
      }),
    })
    .meta({ description: 'The area the partnership covers.', examples: [{ name: 'Medway', ons_code: 'E22000123' }] }),
  strategy: z
    .strictObject({
      title: Text.meta({
        description: 'The document title, printed on the cover and as the PDF title.',
        examples: ['Community Safety Plan 2024–2027', 'Safer City Partnership Strategy 2022-25'],
      }),
      start_year: z
        .number()
        .int()
        .min(2000)
        .max(2100)
        .meta({
          description: 'The calendar year the first financial year starts: `2027` for 2027-28.',
          examples: [2024],
        }),
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
    })
    .meta({
      description: 'The strategy document: its title and the years it covers.',
      examples: [{ title: 'Community Safety Plan 2024–2027', start_year: 2024, years: 3 }],
    }),
  status: z.enum(['draft', 'consultation', 'adopted']).meta({
    description: 'Where this edition stands, printed on the cover and on every page.',
    examples: ['adopted'],
    ...explainValues({
      draft:
        'Draft: a working draft; every page says it is not yet the adopted strategy, and the PDF carries a watermark',
      consultation: 'Consultation draft: published for comment; marked as not yet adopted, like a draft',
      adopted: 'Adopted: agreed (by Full Council where needed); printed without draft marks',
    }),
  }),
  version: Text.meta({
    description: 'The edition, printed on the cover; raise it at each annual refresh.',
    examples: ['1.1'],
  }),
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: LANGUAGE.must })
    .meta(LANGUAGE.meta)
    .default('en-GB')
    .meta({
      description:
        'The language of the text, for screen readers and search engines: `en-GB` for English, `cy-GB` for Welsh.',
      examples: ['en-GB', 'cy-GB'],
    }),
  approvals: z
    .array(
      z.strictObject({
        body: Text.meta({ description: 'Who decided.', examples: ['Full Council', 'Health and Wellbeing Board'] }),
        date: IsoDate.meta({ description: 'The date of the meeting.', examples: ['2024-07-18'] }),
        decision: Text.optional().meta({ description: 'What was decided.', examples: ['Plan adopted'] }),
        reference: Text.optional().meta({
          description: 'The minute or report reference.',
          examples: ['Minute 123/24'],
        }),
      }),
    )
    .default([])
    .meta({
      description:
        'The approvals and decision history, oldest first: shown on the cover and by the `::approvals` block.',
      examples: [[{ body: 'Full Council', date: '2024-07-18', decision: 'Plan adopted' }]],
    }),
  responsible_authorities: z
    .array(Authority)
    .min(1)
    .meta({
      description:
        'The five responsible authorities of the Crime and Disorder Act 1998 s5, printed in the partnership context.',
      examples: [[{ id: 'police', name: 'Kent Police', type: 'police' }]],
    }),
  partners: z
    .array(Partner)
    .default([])
    .meta({
      description: 'Other organisations the partnership works with.',
      examples: [[{ id: 'pcc', name: 'Kent Police and Crime Commissioner' }]],
    }),
  contact: z
    .strictObject({
      email: z
        .email({ error: EMAIL.must })
        .meta(EMAIL.meta)
        .optional()
        .meta({
          description: 'Where readers write to: linked from every page of the website and printed in the PDF.',
          examples: ['community.safety@medway.gov.uk'],
        }),
      address: Text.optional().meta({
        description: 'A postal address.',
        examples: ['Community Safety Partnership, Gun Wharf, Dock Road, Chatham ME4 4TR'],
      }),
      telephone: Text.optional().meta({
        description: 'A telephone number, as it should be printed.',
        examples: ['01634 333333'],
      }),
    })
    .optional()
    .meta({
      description: 'How readers contact the partnership, printed with the document details in the PDF.',
      examples: [{ email: 'community.safety@medway.gov.uk' }],
    }),
  build: z
    .strictObject({
      date: IsoDate.meta({
        description:
          'The publication date of this edition, printed on the cover and in the metadata, so builds are reproducible. Statuses are worked out as at `reporting.as_at` when it is given.',
        examples: ['2024-07-18'],
      }),
    })
    .meta({ description: 'Settings of the build itself.', examples: [{ date: '2024-07-18' }] }),
  site: z
    .strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .meta({
          description:
            'Where the website is published: adds canonical links, sharing (OpenGraph) tags and full addresses in the sitemap.',
          examples: ['https://safer.northbridge.gov.uk/strategy/'],
        }),
    })
    .optional()
    .meta({
      description: 'Settings of the published website.',
      examples: [{ url: 'https://safer.northbridge.gov.uk/strategy/' }],
    }),
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
    .meta({
      description: 'The reporting period. Without it, the publication date (`build.date`) stands in.',
      examples: [{ as_at: '2025-26 Q2' }],
    }),
  rag: z
    .strictObject({
      amber_within_percent: z
        .number()
        .min(0)
        .max(100)
        .default(5)
        .meta({
          description: 'A KPI missing its target by up to this percentage is amber; by more, red; meeting it, green.',
          examples: [5],
        }),
    })
    .default({ amber_within_percent: 5 })
    .meta({
      description: 'How KPIs are rated red, amber or green against their targets.',
      examples: [{ amber_within_percent: 5 }],
    }),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
