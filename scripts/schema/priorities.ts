/** data/priorities.yaml: the strategic priorities and the duties each addresses. */
import { z } from 'zod';
import { Duty, Id, Lead, schemaRef, Text } from './common.js';

export const PrioritySchema = z.strictObject({
  id: Id.meta({
    description:
      'A short id for the priority. KPIs, actions, logic models and funding point at the priority with it; readers see the title.',
    examples: ['serious-violence', 'vawg'],
  }),
  title: Text.meta({
    description: 'The priority as the strategy names it, in headings, the plan on a page and the contents.',
    examples: ['Preventing serious violence and knife crime', 'Violence Against Women and Girls'],
  }),
  summary: Text.meta({
    description: 'One or two sentences for the plan on a page: what the partnership will achieve.',
    examples: ['Reduce knife crime and violence with injury, especially among young people aged 10 to 24.'],
  }),
  why: Text.optional().meta({
    description: 'Why the partnership chose it: the evidence from the strategic assessment, in brief.',
    examples: ['Knife crime rose by 14% in the three years to 2026-27 and is concentrated in four wards.'],
  }),
  lead: Lead.meta({
    description: 'Who leads the priority: the organisation and the accountable role.',
    examples: [{ organisation: 'Kent Police', role: 'Chief Inspector, Medway Community Safety Unit' }],
  }),
  sponsor: Text.optional().meta({
    description: 'The board member who sponsors the priority. Optional: nothing is printed when absent.',
    examples: ['Borough Commander'],
  }),
  duties: z
    .array(Duty)
    .min(1, { error: 'name at least one duty this priority addresses' })
    .meta({
      description:
        'The legal duties this priority helps the partnership meet, shown in the legal duties table. Every statutory duty needs at least one priority.',
      examples: [['serious-violence', 'crime-and-disorder']],
    }),
});

export const PrioritiesSchema = z.strictObject({
  $schema: schemaRef('priorities'),
  priorities: z
    .array(PrioritySchema)
    .min(1)
    .meta({
      description: 'The strategic priorities, in the order the strategy presents them.',
      examples: [[{ id: 'serious-violence', title: 'Preventing serious violence and knife crime' }]],
    }),
});
export type Priority = z.infer<typeof PrioritySchema>;
