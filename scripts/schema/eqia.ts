/** data/eqia.yaml: the Equality Impact Assessment (Equality Act 2010 s149). */
import { z } from 'zod';
import { explainValues, IsoDate, schemaRef, Text } from './common.js';

/** The nine protected characteristics of the Equality Act 2010, in the Act's order. */
export const PROTECTED_CHARACTERISTICS = [
  'age',
  'disability',
  'gender-reassignment',
  'marriage-and-civil-partnership',
  'pregnancy-and-maternity',
  'race',
  'religion-or-belief',
  'sex',
  'sexual-orientation',
] as const;

const Impact = z.enum(['positive', 'neutral', 'negative']).meta({
  description: 'The expected effect of the strategy on this group, printed in the assessment table.',
  examples: ['positive'],
  ...explainValues({
    positive: 'the strategy is expected to benefit this group',
    neutral: 'no different effect on this group than on anyone else',
    negative: 'a risk of a worse effect on this group: say in `mitigation` how it is reduced',
  }),
});
const Assessment = z.strictObject({
  impact: Impact,
  evidence: Text.meta({
    description: 'What the assessment found about this group: the data or consultation behind the impact.',
    examples: ['Young people aged 15 to 24 are 13% of residents but 44% of knife crime victims.'],
  }),
  mitigation: Text.meta({
    description: 'What the partnership does to reduce any negative impact or to make the most of a positive one.',
    examples: ['Youth navigators, mentoring and diversion target young people.'],
  }),
});

const ASSESSMENT_EXAMPLE = {
  impact: 'neutral',
  evidence: 'No evidence of a different effect.',
  mitigation: 'Kept under review.',
};

export const EqiaSchema = z.strictObject({
  $schema: schemaRef('eqia'),
  assessed_by: Text.meta({
    description: 'Who carried out the assessment (a team or role), printed with it.',
    examples: ["Community Safety Service, with the council's Equalities and Inclusion Team"],
  }),
  date: IsoDate.meta({ description: 'When the assessment was completed or last reviewed.', examples: ['2028-04-08'] }),
  summary: Text.meta({
    description: 'The overall finding in a short paragraph: the first thing a reader of section 9 sees.',
    examples: ['The strategy is expected to have a positive impact overall.'],
  }),
  characteristics: z
    .array(
      z.strictObject({
        characteristic: z.enum(PROTECTED_CHARACTERISTICS).meta({
          description: 'One of the nine protected characteristics of the Equality Act 2010.',
          examples: ['age'],
          ...explainValues({
            age: 'age',
            disability: 'disability',
            'gender-reassignment': 'gender reassignment',
            'marriage-and-civil-partnership': 'marriage and civil partnership',
            'pregnancy-and-maternity': 'pregnancy and maternity',
            race: 'race, including colour, nationality and ethnic or national origin',
            'religion-or-belief': 'religion or belief, including lack of belief',
            sex: 'sex',
            'sexual-orientation': 'sexual orientation',
          }),
        }),
        ...Assessment.shape,
      }),
    )
    .meta({
      description:
        'One entry for each of the nine protected characteristics (Public Sector Equality Duty, Equality Act 2010 s149).',
      examples: [[{ characteristic: 'age', impact: 'positive', evidence: '…', mitigation: '…' }]],
    }),
  other_groups: z
    .array(
      z.strictObject({
        group: Text.meta({ description: 'The group assessed.', examples: ['Armed forces community', 'Care leavers'] }),
        ...Assessment.shape,
      }),
    )
    .default([])
    .meta({
      description:
        'Further groups the partnership assesses locally, beyond the nine protected characteristics: armed forces, care leavers, carers and others.',
      examples: [[{ group: 'Carers', ...ASSESSMENT_EXAMPLE }]],
    }),
  socio_economic: Assessment.optional().meta({
    description: 'The effect on people on low incomes. Optional in England; a duty in Wales.',
    examples: [ASSESSMENT_EXAMPLE],
  }),
  welsh_language: Assessment.optional().meta({
    description: 'The effect on the Welsh language. Welsh bodies only.',
    examples: [ASSESSMENT_EXAMPLE],
  }),
});
export type Eqia = z.infer<typeof EqiaSchema>;
