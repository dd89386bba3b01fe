/** data/governance.yaml: boards, delivery groups, who reports to whom, and scrutiny. */
import { z } from 'zod';
import { Id, Text } from './common.js';

export const BodySchema = z.strictObject({
  id: Id,
  name: Text,
  type: z.enum(['board', 'delivery-group', 'scrutiny', 'statutory-partner', 'external']),
  chair: Text.optional().meta({
    description:
      'Who chairs it (a role). Optional: nothing is printed when absent, e.g. for a body outside the partnership.',
  }),
  members: z.array(Text).default([]),
  reports_to: Id.optional().meta({ description: 'The id of the body this one reports to.' }),
  meets: z
    .enum(['monthly', 'bi-monthly', 'quarterly', 'six-monthly', 'annually'])
    .optional()
    .meta({ description: 'How often it meets. Optional: nothing is printed when absent.' }),
  remit: Text,
  priorities: z.array(Id).default([]).meta({ description: 'Priorities this body oversees or delivers.' }),
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
  }),
  from: Id,
  to: Id,
  kind: z.enum(LINE_KINDS).default('reports-to').meta({
    description: 'What the line means, read from `from` to `to`: reports-to, holds-to-account, commissions or informs.',
  }),
  frequency: Text,
});

export const GovernanceSchema = z.strictObject({
  $schema: z.string().optional(),
  bodies: z.array(BodySchema).min(1),
  reporting: z.array(ReportingLineSchema).default([]).meta({
    description:
      'The lines between bodies: who reports to, holds to account, commissions or informs whom, with what and how often.',
  }),
});
export type ReportingLine = z.infer<typeof ReportingLineSchema>;
export type Body = z.infer<typeof BodySchema>;

/** The bodies inside the partnership; scrutiny, the council and outside boards stand outside it. */
export const isPartnershipBody = (b: Pick<Body, 'type'>): boolean => b.type === 'board' || b.type === 'delivery-group';
export type Governance = z.infer<typeof GovernanceSchema>;
