/**
 * The build's own chapter path (renderChapterMarkdown: directives, placeholders, images, sanitiser,
 * checks, data blocks, cross-references) under random and hostile Markdown mixed with the strategy's
 * own syntax, with fast-check (fixed seed, bounded runs): it never throws, every problem is a
 * diagnostic with a position, and no published variant (section page, single page, print) holds
 * active content.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterHtml } from '../../scripts/assemble/links.js';
import { prepareChapter } from '../../scripts/render/markdown/chapter.js';
import { renderChapterMarkdown } from '../../scripts/render/markdown/pipeline.js';
import { cleanCopies } from '../support/example-copy.js';
import { activeContent, DANGER } from './active-content.js';
import { chapterOf, loadExampleDocument } from './chapter.js';

const RUNS = { seed: 20270401, numRuns: 120 } as const;
beforeAll(loadExampleDocument, 240_000);
afterAll(cleanCopies);

const STRATEGY_BITS = [
  '::kpi-table{priority=vawg}',
  '::chart{id=asb-by-lsoa}',
  '::nope',
  ':::eqia',
  '::eqia{x="<script>"}',
  '[](#legal-duties)',
  '[](#nowhere)',
  '](#%E0%A4%A)',
  '![a](x.png)',
  '![a](../../etc/passwd)',
  '<img src="content/01-executive-summary.md">',
  '{#legal-duties}',
  '## ',
  '# ',
  '---\n',
];
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DANGER) },
  { weight: 2, arbitrary: fc.constantFrom(...STRATEGY_BITS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const markdown = fc.array(fragment, { maxLength: 40 }).map((a) => a.join(''));

describe('the chapter renderer under random and hostile input', () => {
  it('never throws, reports with positions, and publishes nothing active', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const { info, ctx } = chapterOf(body);
        const pass1 = prepareChapter(info, ctx.index);
        const { chapter, diagnostics } = await renderChapterMarkdown(pass1.prepared, ctx);
        for (const d of [...pass1.diagnostics, ...diagnostics])
          expect(d.line >= 1 && d.column >= 1 && d.file.length > 0, JSON.stringify(d)).toBe(true);
        for (const mode of ['page', 'single', 'print'] as const) {
          // Chart drawings are SVG by design (from data/charts, not from this chapter); the rest is checked.
          const html = chapterHtml(chapter, ctx.index, mode).replace(/<svg [^>]*class="chart-svg"[\s\S]*?<\/svg>/g, '');
          expect(activeContent(html)).toEqual([]);
        }
      }),
      RUNS,
    );
  });
});
