/** data/consultation.yaml: consultation and survey results. */
import { z } from 'zod';
import { Id, Text } from './common.js';

const Answer = z.strictObject({
  answer: Text,
  count: z.number().int().nonnegative().optional(),
  percent: z.number().min(0).max(100).optional(),
});

export const ConsultationSchema = z.strictObject({
  $schema: z.string().optional(),
  surveys: z
    .array(
      z.strictObject({
        id: Id,
        title: Text,
        period: Text.meta({ description: 'When it ran, e.g. `June to August 2026`.' }),
        method: Text.optional(),
        respondents: z.number().int().positive(),
        questions: z
          .array(
            z.strictObject({
              id: Id,
              question: Text,
              respondents: z.number().int().positive().optional(),
              answers: z.array(Answer).min(1),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});
export type Consultation = z.infer<typeof ConsultationSchema>;
