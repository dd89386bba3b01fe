/** data/governance.yaml: boards, delivery groups, who reports to whom, and scrutiny. */
import { z } from 'zod';
import { Id, Text } from './common.js';

export const BodySchema = z.strictObject({
  id: Id,
  name: Text,
  type: z.enum(['board', 'delivery-group', 'scrutiny', 'statutory-partner', 'external']),
  chair: Text,
  members: z.array(Text).default([]),
  reports_to: Id.optional().meta({ description: 'The id of the body this one reports to.' }),
  meets: z.enum(['monthly', 'bi-monthly', 'quarterly', 'six-monthly', 'annually']),
  remit: Text,
  priorities: z.array(Id).default([]).meta({ description: 'Priorities this body oversees or delivers.' }),
});

export const GovernanceSchema = z.strictObject({
  $schema: z.string().optional(),
  bodies: z.array(BodySchema).min(1),
  reporting: z
    .array(z.strictObject({ report: Text, from: Id, to: Id, frequency: Text }))
    .default([]),
});
export type Body = z.infer<typeof BodySchema>;
export type Governance = z.infer<typeof GovernanceSchema>;
