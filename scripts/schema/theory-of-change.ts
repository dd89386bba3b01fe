/** data/theory-of-change.yaml: the four-year theory of change. */
import { z } from 'zod';
import { FinancialYear, Id, Text } from './common.js';

export const TheoryOfChangeSchema = z.strictObject({
  $schema: z.string().optional(),
  problem: Text,
  goal: Text.meta({ description: 'The long-term goal at the end of the strategy.' }),
  pathways: z
    .array(
      z.strictObject({
        id: Id,
        title: Text,
        priority: Id.optional(),
        preconditions: z
          .array(
            z.strictObject({
              year: FinancialYear,
              outcome: Text,
              kpis: z
                .array(Id)
                .default([])
                .meta({ description: 'KPI ids that show this precondition has been reached.' }),
              actions: z
                .array(Id)
                .default([])
                .meta({ description: 'Action ids (data/actions.yaml) that deliver this precondition.' }),
            }),
          )
          .min(1)
          .meta({ description: 'What must be true by the end of each year for the goal to be reached.' }),
        interventions: z.array(Text).min(1),
      }),
    )
    .min(1),
  assumptions: z.array(Text).default([]),
  evidence: z.array(z.strictObject({ finding: Text, source: Text })).default([]),
});
export type TheoryOfChange = z.infer<typeof TheoryOfChangeSchema>;
