/** data/priority-matrix.yaml: the transparent scoring used to choose the priorities. */
import { z } from 'zod';
import { Id, Text, schemaRef } from './common.js';

export const PriorityMatrixSchema = z.strictObject({
  $schema: schemaRef('priority-matrix'),
  scale_max: z
    .number()
    .int()
    .min(2)
    .max(10)
    .default(5)
    .meta({
      description: 'The highest score a candidate can get on a criterion: scores run from 1 to this.',
      examples: [5],
    }),
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
        id: Id.meta({
          description: "A short id for the criterion; each candidate's `scores` use it.",
          examples: ['harm'],
        }),
        label: Text.meta({
          description: 'The criterion as the matrix heads its column.',
          examples: ['Harm', 'Public concern'],
        }),
        weight: z
          .number()
          .positive()
          .meta({
            description:
              'How much the criterion counts, as a whole number (`3`) or a decimal (`0.15`). Scores are divided by the total weight, so weights need not add up to 1.',
            examples: [3, 0.15],
          }),
        description: Text.optional().meta({
          description: 'What the criterion measures and how it was scored, printed under the matrix.',
          examples: ['The number of offences, incidents or people affected each year.'],
        }),
      }),
    )
    .min(1)
    .meta({
      description: 'What each candidate was scored against, and how much each counts.',
      examples: [[{ id: 'harm', label: 'Harm', weight: 3 }]],
    }),
  candidates: z
    .array(
      z.strictObject({
        id: Id.meta({ description: 'A short id for the candidate.', examples: ['candidate-asb'] }),
        title: Text.meta({
          description: 'The problem considered, as the matrix names it.',
          examples: ['Anti-social behaviour and neighbourhood crime'],
        }),
        priority: Id.optional().meta({
          description: 'The id of the priority it became, if chosen.',
          examples: ['safer-neighbourhoods'],
        }),
        scores: z.record(Id, z.number().int().min(0)).meta({
          description:
            'Its score on each criterion, by criterion id, from 1 to `scale_max`. The weighted score is worked out for you.',
          examples: [{ harm: 5, volume: 3, 'public-concern': 5 }],
        }),
      }),
    )
    .min(1)
    .meta({
      description:
        'Every problem the partnership considered, with its scores: the transparent basis for the priorities.',
      examples: [[{ id: 'candidate-asb', title: 'Anti-social behaviour', scores: { harm: 3, volume: 5 } }]],
    }),
});
export type PriorityMatrix = z.infer<typeof PriorityMatrixSchema>;
