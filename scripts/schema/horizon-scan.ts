/** data/horizon-scan.yaml: the national and local drivers (legal duties and horizon scan). */
import { z } from 'zod';
import { explainValues, schemaRef, Text } from './common.js';

export const HorizonScanSchema = z.strictObject({
  $schema: schemaRef('horizon-scan'),
  drivers: z
    .array(
      z.strictObject({
        theme: Text.meta({
          description: 'The area of work it affects, the first column of the table.',
          examples: ['Serious violence'],
        }),
        instrument: Text.meta({
          description: 'The Act, duty, plan or strategy.',
          examples: ['Serious Violence Duty (Police, Crime, Sentencing and Courts Act 2022, Part 2)'],
        }),
        level: z
          .enum(['national', 'regional', 'local'])
          .optional()
          .meta({
            description:
              'Where it comes from. Optional; needed only to show one level with `::horizon-scan{level=national}`.',
            examples: ['national'],
            ...explainValues({
              national: 'an Act of Parliament or a government strategy',
              regional: "a police force area's or a mayor's plan, e.g. the Police and Crime Plan",
              local: "the council's or a partner's own plan or policy",
            }),
          }),
        likely_focus: Text.meta({
          description: 'What the instrument is likely to ask of partnerships over the life of the strategy.',
          examples: ['Consolidation and a performance focus; needs assessment refreshed each year'],
        }),
        implications: Text.meta({
          description: 'What it means for this partnership: what it will do differently.',
          examples: ['Stress-test domestic abuse and VAWG pathways; expand perpetrator work.'],
        }),
      }),
    )
    .min(1)
    .meta({
      description:
        'The national, regional and local drivers the strategy responds to, shown as the horizon-scan table.',
      examples: [
        [{ theme: 'Serious violence', instrument: 'Serious Violence Duty', likely_focus: '…', implications: '…' }],
      ],
    }),
});
export type HorizonScan = z.infer<typeof HorizonScanSchema>;
