/** data/horizon-scan.yaml: the national and local drivers (legal duties and horizon scan). */
import { z } from 'zod';
import { Text } from './common.js';

export const HorizonScanSchema = z.strictObject({
  $schema: z.string().optional(),
  drivers: z
    .array(
      z.strictObject({
        theme: Text,
        instrument: Text.meta({ description: 'The Act, duty, plan or strategy.' }),
        level: z
          .enum(['national', 'regional', 'local'])
          .optional()
          .meta({ description: 'Optional; needed only to show one level with `::horizon-scan{level=national}`.' }),
        likely_focus: Text,
        implications: Text.meta({ description: 'What it means for this partnership.' }),
      }),
    )
    .min(1),
});
export type HorizonScan = z.infer<typeof HorizonScanSchema>;
