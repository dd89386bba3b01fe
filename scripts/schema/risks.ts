/** data/risks.yaml: the risk register and the scale its ratings use. */
import { z } from 'zod';
import { Id, IsoDate, Text } from './common.js';

const Level = z.strictObject({ code: z.union([z.string(), z.number()]), label: Text });

export const RiskScaleSchema = z
  .strictObject({
    preset: z.enum(['letter-numeral', 'numeric-5x5']).optional().meta({
      description:
        '`letter-numeral`: likelihood A (very likely) to D (rare) by impact I (catastrophic) to IV (minor), rated like `C3`. `numeric-5x5`: 1–5 by 1–5, rated by their product.',
    }),
    likelihood: z.array(Level).min(2).optional().meta({ description: 'Most likely first.' }),
    impact: z.array(Level).min(2).optional().meta({ description: 'Most severe first.' }),
  })
  .default({ preset: 'letter-numeral' });

const Rating = z.strictObject({
  likelihood: z.union([z.string(), z.number()]),
  impact: z.union([z.string(), z.number()]),
});

export const RiskSchema = z.strictObject({
  id: Id,
  risk: Text.meta({ description: 'The risk in a few words, e.g. `Decreased agency "buy in"`.' }),
  description: Text.optional().meta({
    description: 'What could happen, when the register does not split it into cause and consequence.',
  }),
  cause: Text.optional(),
  consequence: Text.optional(),
  category: z
    .enum(['strategic', 'operational', 'financial', 'reputational', 'legal', 'partnership', 'data'])
    .optional()
    .meta({ description: 'The kind of risk. Optional: nothing is printed when absent.' }),
  ...Rating.shape,
  owner: Text.optional().meta({ description: 'Who owns the risk (a role). Optional: nothing is printed when absent.' }),
  mitigation: Text.meta({ description: 'The action to avoid or mitigate the risk.' }),
  residual: Rating.optional().meta({ description: 'The rating after mitigation, if the register records one.' }),
  review: IsoDate.optional().meta({ description: 'When the risk is next reviewed.' }),
});

export const RisksSchema = z.strictObject({
  $schema: z.string().optional(),
  scale: RiskScaleSchema,
  risks: z.array(RiskSchema).min(1),
});
export type Risk = z.infer<typeof RiskSchema>;
export type RiskScaleInput = z.infer<typeof RiskScaleSchema>;
