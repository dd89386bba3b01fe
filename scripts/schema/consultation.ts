/** data/consultation.yaml: consultation and survey results. */
import { z } from 'zod';
import { Id, schemaRef, Text } from './common.js';

const Answer = z.strictObject({
  answer: Text.meta({
    description: 'One answer a respondent could give, as worded in the survey.',
    examples: ['Fairly safe'],
  }),
  count: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .meta({
      description: 'How many respondents gave this answer. With no `percent`, the percentage is worked out from it.',
      examples: [664],
    }),
  percent: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .meta({
      description: 'The share of respondents who gave this answer, from 0 to 100, as the survey report gives it.',
      examples: [47],
    }),
});

export const ConsultationSchema = z.strictObject({
  $schema: schemaRef('consultation'),
  surveys: z
    .array(
      z.strictObject({
        id: Id.meta({
          description: 'A short id for the survey, used by `::consultation-compare{surveys=…}`.',
          examples: ['residents-2026'],
        }),
        title: Text.meta({
          description: 'The survey name, printed on its charts and tables.',
          examples: ['Northbridge Community Safety Survey 2026'],
        }),
        period: Text.meta({ description: 'When it ran, in words.', examples: ['June to August 2026'] }),
        method: Text.optional().meta({
          description: 'How people took part and any limits of the results, printed with them.',
          examples: ['Online survey promoted through the council website, with paper copies in libraries.'],
        }),
        respondents: z
          .number()
          .int()
          .positive()
          .meta({
            description: 'How many people answered the survey.',
            examples: [1412],
          }),
        questions: z
          .array(
            z.strictObject({
              id: Id.meta({
                description: 'A short id for the question, used by `::consultation-compare{question=…}`.',
                examples: ['safe-dark'],
              }),
              question: Text.meta({
                description: 'The question as it was asked, printed as the chart title.',
                examples: ['How safe or unsafe do you feel in your local area after dark?'],
              }),
              respondents: z
                .number()
                .int()
                .positive()
                .optional()
                .meta({
                  description: "How many answered this question, when fewer than the survey's respondents.",
                  examples: [1380],
                }),
              answers: z
                .array(Answer)
                .min(1)
                .meta({
                  description: 'Each answer with its count or percentage, in the order the survey lists them.',
                  examples: [[{ answer: 'Very safe', count: 398, percent: 28 }]],
                }),
            }),
          )
          .min(1)
          .meta({
            description: 'The questions whose results the strategy reports.',
            examples: [
              [{ id: 'safe-day', question: 'How safe or unsafe do you feel in your local area during the day?' }],
            ],
          }),
      }),
    )
    .min(1)
    .meta({
      description: 'The consultations and surveys that shaped the strategy, reported in the needs assessment.',
      examples: [[{ id: 'residents-2026', title: 'Northbridge Community Safety Survey 2026', respondents: 1412 }]],
    }),
});
export type Consultation = z.infer<typeof ConsultationSchema>;
