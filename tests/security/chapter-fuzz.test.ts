/**
 * The build's own chapter renderer (directives, placeholders, images, cross-references, sanitiser,
 * data blocks) under random and hostile Markdown, with fast-check (fixed seed, bounded runs): it never
 * throws, every problem is a diagnostic with a position, and no published variant (section page,
 * single page, print) holds active content.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterHtml } from '../../scripts/assemble/links.js';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { loadCharts } from '../../scripts/figures/vega-lite/check.js';
import { loadProject, type Chapter, type Project } from '../../scripts/load/project.js';
import { buildModel, type StrategyModel } from '../../scripts/model/strategy.js';
import { renderDocument } from '../../scripts/render/document.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';
import { activeContent, DANGER } from './pipeline.js';

const RUNS = { seed: 20270401, numRuns: 120 } as const;
let project: Project;
let model: StrategyModel;
let charts: ReturnType<typeof loadCharts>['charts'];
let chapter: Chapter;

beforeAll(() => {
  project = loadProject(copyExample());
  charts = loadCharts(project).charts;
  model = buildModel(project);
  chapter = project.chapters.find((c) => c.front.section === 3)!;
});
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
        const diagnostics: Diagnostic[] = [];
        const info = {
          chapter: { ...chapter, body },
          label: '3',
          order: 3,
          id: 'partnership-context',
          title: 'Partnership Context',
          isAppendix: false,
        };
        const doc = await renderDocument(project, model, [info], { charts, cacheDir: false }, diagnostics);
        for (const d of diagnostics)
          expect(d.line >= 1 && d.column >= 1 && d.file.length > 0, JSON.stringify(d)).toBe(true);
        for (const mode of ['page', 'single', 'print'] as const) {
          // Chart drawings are SVG by design (from data/charts, not from this chapter); the rest is checked.
          const html = chapterHtml(doc.chapters[0]!, doc.index, mode).replace(
            /<svg [^>]*class="chart-svg"[\s\S]*?<\/svg>/g,
            '',
          );
          expect(activeContent(html)).toEqual([]);
        }
      }),
      RUNS,
    );
  });
});
