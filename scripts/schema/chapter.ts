/** Front matter of a chapter in content/. */
import { z } from 'zod';
import { Id, Text } from './common.js';

export const ChapterFrontMatterSchema = z.strictObject({
  section: z
    .union([z.number().int().min(1).max(10), z.string().regex(/^[A-Z]$/)])
    .meta({ description: 'The section number, 1 to 10, or an appendix letter such as `A`.' }),
  title: Text,
  id: Id.optional().meta({ description: 'The id other chapters use to cross-reference this one.' }),
  summary: Text.optional().meta({ description: 'A sentence shown in the contents and search results.' }),
});
export type ChapterFrontMatter = z.infer<typeof ChapterFrontMatterSchema>;
