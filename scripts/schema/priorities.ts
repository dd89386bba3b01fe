/** data/priorities.yaml: the strategic priorities and the duties each addresses. */
import { z } from 'zod';
import { Duty, Id, Lead, Text } from './common.js';

export const PrioritySchema = z.strictObject({
  id: Id,
  title: Text,
  summary: Text.meta({ description: 'One or two sentences for the plan on a page.' }),
  why: Text.optional().meta({ description: 'Why the partnership chose it: the evidence in brief.' }),
  lead: Lead,
  sponsor: Text.optional().meta({
    description:
      'The board member who sponsors the priority, e.g. `Borough Commander`. Optional: nothing is printed when absent.',
  }),
  duties: z.array(Duty).min(1, { error: 'name at least one duty this priority addresses' }),
});

export const PrioritiesSchema = z.strictObject({
  $schema: z.string().optional(),
  priorities: z.array(PrioritySchema).min(1),
});
export type Priority = z.infer<typeof PrioritySchema>;
