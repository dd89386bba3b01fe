/** Front matter of a chapter in content/. */
import { z } from 'zod';
import { Id, Text, wording } from './common.js';

const SECTION = wording(
  'must be a section number like 5 (1 to 10), or an appendix letter like A',
  'Write a section number like 5 (1 to 10), or an appendix letter like A (a capital).',
);

export const ChapterFrontMatterSchema = z.strictObject({
  section: z
    .union([
      z.number().int().min(1).max(10),
      z
        .string()
        .regex(/^[A-Z]$/, { error: SECTION.must })
        .meta(SECTION.meta),
    ])
    .meta({
      description:
        'Where the chapter sits: a section number, 1 to 10 in the fixed order of a strategy, or a capital letter for an appendix.',
      examples: [5, 'A'],
    }),
  title: Text.meta({
    description: 'The chapter title, shown as its heading, in the contents and in the PDF bookmarks.',
    examples: ['Strategic Priorities', 'Risk Register'],
  }),
  id: Id.optional().meta({
    description: 'The id other chapters use to cross-reference this one.',
    examples: ['priorities'],
  }),
  summary: Text.optional().meta({
    description: 'A sentence shown in the contents and search results.',
    examples: ['The five priorities the partnership chose, and why.'],
  }),
});
export type ChapterFrontMatter = z.infer<typeof ChapterFrontMatterSchema>;
