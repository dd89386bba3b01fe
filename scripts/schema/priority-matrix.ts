/** data/priority-matrix.yaml: the transparent scoring used to choose the priorities. */
import { z } from 'zod';
import { Id, Text } from './common.js';

export const PriorityMatrixSchema = z.strictObject({
  $schema: z.string().optional(),
  scale_max: z.number().int().min(2).max(10).default(5).meta({ description: 'Scores run from 1 to this.' }),
  threshold: z
    .number()
    .positive()
    .optional()
    .meta({
      description:
        'The weighted score at or above which a candidate is selected, e.g. `3.5` ("3.5 or more is selected").',
      examples: [3.5],
    }),
  decimals: z
    .number()
    .int()
    .min(0)
    .max(4)
    .optional()
    .meta({ description: 'Decimal places for weighted scores in every table and chart (default 2).', examples: [2] }),
  criteria: z
    .array(
      z.strictObject({
        id: Id,
        label: Text,
        weight: z
          .number()
          .positive()
          .meta({
            description:
              'How much the criterion counts, as a whole number (`3`) or a decimal (`0.15`). Scores are divided by the total weight, so weights need not add up to 1.',
            examples: [3, 0.15],
          }),
        description: Text.optional(),
      }),
    )
    .min(1),
  candidates: z
    .array(
      z.strictObject({
        id: Id,
        title: Text,
        priority: Id.optional().meta({ description: 'The priority it became, if chosen.' }),
        scores: z.record(Id, z.number().int().min(0)),
      }),
    )
    .min(1),
});
export type PriorityMatrix = z.infer<typeof PriorityMatrixSchema>;
