/** data/eqia.yaml: the Equality Impact Assessment (Equality Act 2010 s149). */
import { z } from 'zod';
import { IsoDate, Text } from './common.js';

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

const Impact = z.enum(['positive', 'neutral', 'negative']);
const Assessment = z.strictObject({ impact: Impact, evidence: Text, mitigation: Text });

export const EqiaSchema = z.strictObject({
  $schema: z.string().optional(),
  assessed_by: Text,
  date: IsoDate,
  summary: Text,
  characteristics: z.array(z.strictObject({ characteristic: z.enum(PROTECTED_CHARACTERISTICS), ...Assessment.shape })),
  other_groups: z
    .array(
      z.strictObject({
        group: Text.meta({ description: 'The group, e.g. `Armed forces community`, `Care leavers`, `Carers`.' }),
        ...Assessment.shape,
      }),
    )
    .default([])
    .meta({
      description:
        'Further groups the partnership assesses locally, beyond the nine protected characteristics: armed forces, care leavers, carers and others.',
    }),
  socio_economic: Assessment.optional().meta({ description: 'Optional in England; a duty in Wales.' }),
  welsh_language: Assessment.optional().meta({ description: 'Welsh bodies only.' }),
});
export type Eqia = z.infer<typeof EqiaSchema>;
