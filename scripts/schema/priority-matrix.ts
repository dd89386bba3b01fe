/** data/priority-matrix.yaml: the transparent scoring used to choose the priorities. */
import { z } from 'zod';
import { Id, Text } from './common.js';

export const PriorityMatrixSchema = z.strictObject({
  $schema: z.string().optional(),
  scale_max: z.number().int().min(2).max(10).default(5).meta({ description: 'Scores run from 1 to this.' }),
  criteria: z
    .array(z.strictObject({ id: Id, label: Text, weight: z.number().positive(), description: Text.optional() }))
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
