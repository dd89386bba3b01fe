/** data/actions.yaml: the delivery plan's actions, updated each quarter. */
import { z } from 'zod';
import { explainValues, Id, Lead, Quarter, schemaRef, Text } from './common.js';

/** An action's status as the delivery group reports it each quarter, and what it means (RAG). */
export const ACTION_STATUSES = {
  'not-started': 'Not started: work has not begun yet (grey)',
  'on-track': 'On track: under way and expected to finish by its due quarter (green)',
  'at-risk': 'At risk: under way, but may miss its due quarter (amber)',
  'off-track': 'Off track: will miss its due quarter without action (red)',
  complete: 'Complete: done (blue)',
} as const;

export const ActionSchema = z.strictObject({
  id: Id.meta({
    description: 'The action number, printed in the delivery plan and used to link the theory of change to it.',
    examples: ['sv-a1', 'A3'],
  }),
  action: Text.meta({
    description: 'What the partnership will do, as one sentence a resident could follow.',
    examples: ['Extend the youth navigator service from the emergency department to police custody.'],
  }),
  priority: Id.meta({
    description: 'The id of the priority this action delivers (from data/priorities.yaml).',
    examples: ['serious-violence'],
  }),
  lead: Lead.meta({
    description: 'Who leads the action: the organisation and the accountable role.',
    examples: [{ organisation: 'Medway Council', role: 'Community Safety Partnership Manager' }],
  }),
  partners: z
    .array(Text)
    .default([])
    .meta({
      description: 'The other organisations that help deliver it, printed beside the lead.',
      examples: [['Kent Police', 'Kent Fire and Rescue Service']],
    }),
  due: Quarter.meta({
    description: 'The financial-year quarter it is due by. After it ends, an unfinished action is shown as overdue.',
    examples: ['2027-28 Q3'],
  }),
  status: z
    .enum(Object.keys(ACTION_STATUSES) as [keyof typeof ACTION_STATUSES, ...(keyof typeof ACTION_STATUSES)[]])
    .meta({
      description: 'Where the action stands this quarter, as reported to the Board.',
      examples: ['on-track'],
      ...explainValues(ACTION_STATUSES),
    }),
  kpis: z
    .array(Id)
    .default([])
    .meta({
      description: 'The ids of the KPIs this action should move (from data/kpis.yaml).',
      examples: [['sv-01', 'sv-03']],
    }),
  milestones: z
    .array(
      z.strictObject({
        quarter: Quarter.meta({ description: 'The quarter the milestone is due in.' }),
        milestone: Text.meta({
          description: 'What will have happened by then.',
          examples: ['Hotspot plans agreed by the Serious Violence Delivery Group'],
        }),
      }),
    )
    .default([])
    .meta({
      description: 'Steps along the way, quarter by quarter, printed in the 12-month delivery plan.',
      examples: [[{ quarter: '2027-28 Q1', milestone: 'Hospital and police data matched for the hotspot wards' }]],
    }),
});

export const ActionsSchema = z.strictObject({
  $schema: schemaRef('actions'),
  actions: z.array(ActionSchema).meta({
    description: 'The delivery plan: every action, updated each quarter by its delivery group.',
    examples: [[{ id: 'sv-a1', action: 'Publish the Serious Violence Duty needs assessment', status: 'complete' }]],
  }),
});
export type Action = z.infer<typeof ActionSchema>;
