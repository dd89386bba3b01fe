/** data/logic-models.yaml: one HM Treasury Magenta Book logic model per priority. */
import { z } from 'zod';
import { Id, Text } from './common.js';

const Outcome = z.strictObject({
  text: Text,
  kpis: z.array(Id).default([]).meta({ description: 'KPI ids that measure this outcome.' }),
});

export const LogicModelSchema = z.strictObject({
  priority: Id,
  context: Text,
  inputs: z.array(Text).min(1),
  activities: z.array(Text).min(1),
  outputs: z.array(Text).min(1),
  outcomes: z.strictObject({
    short: z.array(Outcome).min(1).meta({ description: 'Within the first year.' }),
    medium: z
      .array(Outcome)
      .min(1)
      .meta({ description: 'In the years between the first and the last (in a one- or two-year plan, by its end).' }),
    long: z.array(Outcome).min(1).meta({ description: 'By the end of the strategy and beyond.' }),
  }),
  impact: Text,
  assumptions: z.array(Text).default([]),
  external_factors: z.array(Text).default([]),
});

export const LogicModelsSchema = z.strictObject({
  $schema: z.string().optional(),
  logic_models: z.array(LogicModelSchema),
});
export type LogicModel = z.infer<typeof LogicModelSchema>;
