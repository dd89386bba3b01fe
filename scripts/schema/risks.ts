/** data/risks.yaml: the risk register and the scale its ratings use. */
import { z } from 'zod';
import { explainValues, Id, IsoDate, patternMessage, schemaRef, Text } from './common.js';

/**
 * The two preset scales, code -> meaning, most likely / most severe first. scripts/model/risk-scale.ts
 * builds the scales the build rates with from these, so editors and the build accept the same values.
 */
export const RISK_PRESETS: Record<
  'letter-numeral' | 'numeric-5x5',
  { likelihood: [string | number, string][]; impact: [string | number, string][] }
> = {
  'letter-numeral': {
    likelihood: [
      ['A', 'Very likely'],
      ['B', 'Likely'],
      ['C', 'Unlikely'],
      ['D', 'Rare'],
    ],
    impact: [
      ['I', 'Catastrophic'],
      ['II', 'Major'],
      ['III', 'Moderate'],
      ['IV', 'Minor'],
    ],
  },
  'numeric-5x5': {
    likelihood: [
      [5, 'Almost certain'],
      [4, 'Likely'],
      [3, 'Possible'],
      [2, 'Unlikely'],
      [1, 'Rare'],
    ],
    impact: [
      [5, 'Catastrophic'],
      [4, 'Major'],
      [3, 'Moderate'],
      [2, 'Minor'],
      [1, 'Insignificant'],
    ],
  },
};

const Level = z.strictObject({
  code: z.union([z.string(), z.number()]).meta({
    description: 'What the register writes for this level in a rating, e.g. `A` or `5`.',
    examples: ['A', 5],
  }),
  label: Text.meta({
    description: 'What the level means, printed in the key to the risk matrix.',
    examples: ['Very likely'],
  }),
});

export const RiskScaleSchema = z
  .strictObject({
    preset: z
      .enum(['letter-numeral', 'numeric-5x5'])
      .optional()
      .meta({
        description: 'The scale the register rates risks on.',
        examples: ['letter-numeral'],
        ...explainValues({
          'letter-numeral':
            'likelihood A (very likely) to D (rare) by impact I (catastrophic) to IV (minor); a risk is rated like `C3`',
          'numeric-5x5':
            'likelihood 1 (rare) to 5 (almost certain) by impact 1 to 5; a risk is rated by their product, up to 25',
        }),
      }),
    likelihood: z
      .array(Level)
      .min(2)
      .optional()
      .meta({
        description:
          "The register's own likelihood levels, most likely first, when neither preset fits. `strategy check` then accepts only these codes.",
        examples: [[{ code: 'A', label: 'Very likely' }]],
      }),
    impact: z
      .array(Level)
      .min(2)
      .optional()
      .meta({
        description: "The register's own impact levels, most severe first, when neither preset fits.",
        examples: [[{ code: 'I', label: 'Catastrophic' }]],
      }),
  })
  .default({ preset: 'letter-numeral' })
  .meta({
    description:
      'The rating scale, printed as the key to the risk matrix. Without it, the letter-numeral scale (A–D by I–IV) is used.',
    examples: [{ preset: 'letter-numeral' }],
  });

const likelihood = z.union([z.string(), z.number()]).meta({
  description:
    "How likely the risk is, as a code of the register's scale: A (very likely) to D (rare) on the letter-numeral scale, 5 (almost certain) to 1 (rare) on the 5×5 scale.",
  examples: ['B'],
});
const impact = z.union([z.string(), z.number()]).meta({
  description:
    "How bad it would be, as a code of the register's scale: I (catastrophic) to IV (minor) on the letter-numeral scale, 5 (catastrophic) to 1 (insignificant) on the 5×5 scale.",
  examples: ['II'],
});
const Rating = z.strictObject({ likelihood, impact });

export const RiskSchema = z.strictObject({
  id: Id.meta({
    description: 'The risk number, printed in the register and on the risk matrix.',
    examples: ['r01', 'R1'],
  }),
  risk: Text.meta({
    description: 'The risk in a few words, as the register names it.',
    examples: ['Decreased agency "buy in"'],
  }),
  description: Text.optional().meta({
    description: 'What could happen, when the register does not split it into cause and consequence.',
    examples: ['Partners stop attending and actions stall.'],
  }),
  cause: Text.optional().meta({
    description: 'What could make the risk happen. Printed in the register.',
    examples: ['Changes in leadership, restructures or budget pressures reduce attendance at the Board.'],
  }),
  consequence: Text.optional().meta({
    description: 'What would follow if it happened. Printed in the register.',
    examples: ['Actions stall and the partnership cannot discharge its statutory duties.'],
  }),
  category: z
    .enum(['strategic', 'operational', 'financial', 'reputational', 'legal', 'partnership', 'data'])
    .optional()
    .meta({
      description: 'The kind of risk. Optional: nothing is printed when absent.',
      examples: ['financial'],
      ...explainValues({
        strategic: 'the strategy itself may not achieve its aims',
        operational: 'day-to-day delivery of services and actions',
        financial: 'money: grants ending, budget reductions, overspends',
        reputational: 'public or partner confidence in the partnership',
        legal: 'a statutory duty or legal challenge',
        partnership: 'partners disengaging or not working together',
        data: 'information sharing, data quality or data protection',
      }),
    }),
  likelihood,
  impact,
  owner: Text.optional().meta({
    description: 'Who owns the risk (a role). Optional: nothing is printed when absent.',
    examples: ['Community Safety Partnership Manager'],
  }),
  mitigation: Text.meta({
    description: 'The action to avoid or reduce the risk, printed beside it.',
    examples: ['Attendance reported to the Board each quarter; escalation to chief officers.'],
  }),
  residual: Rating.optional().meta({
    description: 'The rating expected once the mitigation is in place, if the register records one.',
    examples: [{ likelihood: 'C', impact: 'II' }],
  }),
  review: IsoDate.optional().meta({ description: 'When the risk is next reviewed.', examples: ['2028-07-31'] }),
});

/**
 * For editors: on a preset scale, a rating accepts only that scale's codes, each explained. (A
 * register's own levels are checked by `strategy check`, which knows them.)
 */
function presetRatings(): Record<string, unknown>[] {
  // A numeric code may be written as a number (`4`) or as text (`"4"`): the build accepts both.
  const codes = (levels: [string | number, string][], field: z.ZodType, example: string | number) => {
    const written = levels.flatMap(([code, label]) =>
      typeof code === 'number' ? [[code, label] as const, [String(code), label] as const] : [[code, label] as const],
    );
    const texts = written.map(([code, label]) => `${code}: ${label.toLowerCase()}`);
    return {
      enum: written.map(([code]) => code),
      markdownEnumDescriptions: texts,
      enumDescriptions: texts,
      description: field.description,
      examples: [example],
      ...patternMessage(`Use one of: ${levels.map(([code, label]) => `${code} (${label})`).join(', ')}.`),
    };
  };
  const rule = (name: keyof typeof RISK_PRESETS, when: Record<string, unknown>) => {
    const numeric = name === 'numeric-5x5';
    const rating = {
      properties: {
        likelihood: codes(RISK_PRESETS[name].likelihood, likelihood, numeric ? 4 : 'B'),
        impact: codes(RISK_PRESETS[name].impact, impact, numeric ? 3 : 'II'),
      },
    };
    const residual = {
      ...rating,
      description: 'The rating expected once the mitigation is in place.',
      examples: [numeric ? { likelihood: 3, impact: 3 } : { likelihood: 'C', impact: 'II' }],
    };
    return {
      if: when,
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited.
      then: { properties: { risks: { items: { properties: { ...rating.properties, residual } } } } },
    };
  };
  const noOwnLevels = { not: { anyOf: [{ required: ['likelihood'] }, { required: ['impact'] }] } };
  return [
    rule('letter-numeral', {
      anyOf: [
        { not: { required: ['scale'] } },
        {
          properties: {
            scale: { allOf: [noOwnLevels, { not: { properties: { preset: { const: 'numeric-5x5' } } } }] },
          },
        },
      ],
    }),
    rule('numeric-5x5', {
      required: ['scale'],
      properties: { scale: { required: ['preset'], properties: { preset: { const: 'numeric-5x5' } }, ...noOwnLevels } },
    }),
  ];
}

export const RisksSchema = z
  .strictObject({
    $schema: schemaRef('risks'),
    scale: RiskScaleSchema,
    risks: z
      .array(RiskSchema)
      .min(1)
      .meta({
        description: 'The strategic risk register, printed in section 10 with each rating on the risk matrix.',
        examples: [[{ id: 'r01', risk: 'Short-term grants end without replacement', likelihood: 'A', impact: 'II' }]],
      }),
  })
  .meta({ allOf: presetRatings() });
export type Risk = z.infer<typeof RiskSchema>;
export type RiskScaleInput = z.infer<typeof RiskScaleSchema>;
