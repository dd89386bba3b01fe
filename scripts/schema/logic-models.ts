/** data/logic-models.yaml: one HM Treasury Magenta Book logic model per priority. */
import { z } from 'zod';
import { Id, schemaRef, Text } from './common.js';

const Outcome = z.strictObject({
  text: Text.meta({
    description: 'The change the partnership expects to see, in a sentence.',
    examples: ['Fewer young people carry knives in the four hotspot wards'],
  }),
  kpis: z
    .array(Id)
    .default([])
    .meta({
      description: 'The ids of the KPIs that measure this outcome (from data/kpis.yaml).',
      examples: [['sv-01']],
    }),
});
const OUTCOME_EXAMPLE = [{ text: 'Fewer young people carry knives in the hotspot wards', kpis: ['sv-01'] }];
const list = (description: string, example: string) =>
  z
    .array(Text)
    .min(1)
    .meta({ description, examples: [[example]] });

export const LogicModelSchema = z.strictObject({
  priority: Id.meta({
    description: 'The id of the priority this logic model belongs to (one model per priority).',
    examples: ['serious-violence'],
  }),
  context: Text.meta({
    description: 'The problem as the needs assessment found it: the first box of the logic model.',
    examples: ['Knife crime rose by 14% between 2023-24 and 2026-27, with half of it in four wards.'],
  }),
  inputs: list('What goes in: money, staff, data and partners.', 'Home Office Serious Violence Duty grant'),
  activities: list('What the partnership does with them.', 'Youth navigators in the emergency department'),
  outputs: list(
    'What the activities produce, counted.',
    'At least 240 young people a year referred to youth navigators',
  ),
  outcomes: z
    .strictObject({
      short: z
        .array(Outcome)
        .min(1)
        .meta({ description: 'Within the first year.', examples: [OUTCOME_EXAMPLE] }),
      medium: z
        .array(Outcome)
        .min(1)
        .meta({
          description: 'In the years between the first and the last (in a one- or two-year plan, by its end).',
          examples: [OUTCOME_EXAMPLE],
        }),
      long: z
        .array(Outcome)
        .min(1)
        .meta({ description: 'By the end of the strategy and beyond.', examples: [OUTCOME_EXAMPLE] }),
    })
    .meta({
      description: 'The changes expected, short, medium and long term, each with the KPIs that measure it.',
      examples: [{ short: OUTCOME_EXAMPLE, medium: OUTCOME_EXAMPLE, long: OUTCOME_EXAMPLE }],
    }),
  impact: Text.meta({
    description: 'The lasting difference for residents the outcomes add up to: the last box of the logic model.',
    examples: ['Young people in Northbridge are safer from violence and exploitation.'],
  }),
  assumptions: z
    .array(Text)
    .default([])
    .meta({
      description: 'What must hold true for the activities to lead to the outcomes.',
      examples: [['Partners keep sharing hospital and police data monthly']],
    }),
  external_factors: z
    .array(Text)
    .default([])
    .meta({
      description: 'What outside the partnership could help or get in the way.',
      examples: [['Changes to national grant funding']],
    }),
});

export const LogicModelsSchema = z.strictObject({
  $schema: schemaRef('logic-models'),
  logic_models: z.array(LogicModelSchema).meta({
    description:
      'One HM Treasury Magenta Book logic model for each priority, drawn as a diagram in the delivery plans.',
    examples: [[{ priority: 'serious-violence', context: '…', impact: '…' }]],
  }),
});
export type LogicModel = z.infer<typeof LogicModelSchema>;
