/** data/actions.yaml: the delivery plan's actions, updated each quarter. */
import { z } from 'zod';
import { Id, Lead, Quarter, Text } from './common.js';

export const ActionSchema = z.strictObject({
  id: Id,
  action: Text,
  priority: Id,
  lead: Lead,
  partners: z.array(Text).default([]),
  due: Quarter.meta({ description: 'The quarter it is due by, e.g. `2027-28 Q3`.' }),
  status: z.enum(['not-started', 'on-track', 'at-risk', 'off-track', 'complete']),
  kpis: z.array(Id).default([]),
  milestones: z.array(z.strictObject({ quarter: Quarter, milestone: Text })).default([]),
});

export const ActionsSchema = z.strictObject({
  $schema: z.string().optional(),
  actions: z.array(ActionSchema),
});
export type Action = z.infer<typeof ActionSchema>;
