/** data/governance.yaml: boards, delivery groups, who reports to whom, and scrutiny. */
import { z } from 'zod';
import { explainValues, Id, schemaRef, Text } from './common.js';

/** How often a body meets, in plain words (the report of changes says "every two months", not "bi-monthly"). */
export const MEETING_FREQUENCIES = {
  monthly: 'every month',
  'bi-monthly': 'every two months',
  quarterly: 'every three months',
  'six-monthly': 'twice a year',
  annually: 'once a year',
} as const;

export const BodySchema = z.strictObject({
  id: Id.meta({
    description: 'A short id for the body; reporting lines point at it. Readers see its name.',
    examples: ['csp-board', 'vawg-group'],
  }),
  name: Text.meta({
    description: 'The body as it is known, shown in the accountability structure diagram and the governance table.',
    examples: ['Safer City Partnership Strategy Board', 'Violence Against Women and Girls Delivery Group'],
  }),
  type: z.enum(['board', 'delivery-group', 'scrutiny', 'statutory-partner', 'external']).meta({
    description: 'What kind of body it is, which decides where it stands in the accountability structure.',
    examples: ['delivery-group'],
    ...explainValues({
      board: 'the partnership board that owns the strategy',
      'delivery-group': 'a group of the partnership that delivers one or more priorities',
      scrutiny:
        "the council's crime and disorder scrutiny committee, or another body that holds the partnership to account",
      'statutory-partner':
        'a responsible authority or statutory board outside the partnership, e.g. the Health and Wellbeing Board',
      external: 'any other body the partnership works with, e.g. the Police and Crime Commissioner',
    }),
  }),
  chair: Text.optional().meta({
    description:
      'Who chairs it (a role). Optional: nothing is printed when absent, e.g. for a body outside the partnership.',
    examples: ['Director of Place, Medway Council'],
  }),
  members: z
    .array(Text)
    .default([])
    .meta({ description: 'The organisations or roles that sit on it.', examples: [['Kent Police', 'Medway Council']] }),
  reports_to: Id.optional().meta({ description: 'The id of the body this one reports to.', examples: ['csp-board'] }),
  meets: z
    .enum(
      Object.keys(MEETING_FREQUENCIES) as [keyof typeof MEETING_FREQUENCIES, ...(keyof typeof MEETING_FREQUENCIES)[]],
    )
    .optional()
    .meta({
      description: 'How often it meets. Optional: nothing is printed when absent.',
      examples: ['quarterly'],
      ...explainValues(MEETING_FREQUENCIES),
    }),
  remit: Text.meta({
    description: 'What the body is responsible for, in a sentence or two.',
    examples: ['Oversees delivery of the strategy and holds delivery groups to account for their action plans.'],
  }),
  priorities: z
    .array(Id)
    .default([])
    .meta({ description: 'The ids of the priorities this body oversees or delivers.', examples: [['vawg']] }),
});

/**
 * What a line between two bodies means, read from `from` to `to`: `from` reports to `to`; `from`
 * holds `to` to account (scrutiny); `from` commissions `to`; `from` informs `to` (no accountability).
 */
export const LINE_KINDS = ['reports-to', 'holds-to-account', 'commissions', 'informs'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const ReportingLineSchema = z.strictObject({
  report: Text.meta({
    description: 'What passes along this line: the report, the scrutiny, the commission or the information.',
    examples: ['Performance report and action plan update'],
  }),
  from: Id.meta({ description: 'The id of the body the line starts from.', examples: ['vawg-group'] }),
  to: Id.meta({ description: 'The id of the body the line goes to.', examples: ['csp-board'] }),
  kind: z
    .enum(LINE_KINDS)
    .default('reports-to')
    .meta({
      description: 'What the line means, read from `from` to `to`, drawn as a different line in the diagram.',
      examples: ['reports-to'],
      ...explainValues({
        'reports-to': '`from` reports to `to` and is accountable to it',
        'holds-to-account': '`from` scrutinises `to`, e.g. the crime and disorder committee',
        commissions: '`from` pays `to` to deliver a service',
        informs: '`from` shares information with `to`, with no accountability',
      }),
    }),
  frequency: Text.meta({ description: 'How often it happens, in words.', examples: ['Quarterly', 'Once a year'] }),
});

export const GovernanceSchema = z.strictObject({
  $schema: schemaRef('governance'),
  bodies: z
    .array(BodySchema)
    .min(1)
    .meta({
      description: 'The boards, groups and committees of the accountability structure.',
      examples: [[{ id: 'csp-board', name: 'Community Safety Partnership Board', type: 'board', remit: '…' }]],
    }),
  reporting: z
    .array(ReportingLineSchema)
    .default([])
    .meta({
      description:
        'The lines between bodies: who reports to, holds to account, commissions or informs whom, with what and how often.',
      examples: [
        [{ report: 'Quarterly performance report', from: 'vawg-group', to: 'csp-board', frequency: 'Quarterly' }],
      ],
    }),
});
export type ReportingLine = z.infer<typeof ReportingLineSchema>;
export type Body = z.infer<typeof BodySchema>;

/** The bodies inside the partnership; scrutiny, the council and outside boards stand outside it. */
export const isPartnershipBody = (b: Pick<Body, 'type'>): boolean => b.type === 'board' || b.type === 'delivery-group';
export type Governance = z.infer<typeof GovernanceSchema>;
