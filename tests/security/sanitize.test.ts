/**
 * The hostile-input corpus: each folder under fixtures/ is one case (most from the OWASP XSS filter-
 * evasion cheat sheet), rendered as a chapter by the build's own path (prepareChapter, then
 * renderChapterMarkdown, then chapterHtml for the section page). For each, the HTML must equal
 * output.html, the diagnostics must equal warnings.txt, and, independently of those snapshots, parsing
 * every published variant (section page, single page, print) must find no script, handler, style,
 * frame, form or script URL. Regenerate the snapshots with UPDATE=1 and review the diff: a snapshot is
 * only as good as the eye that checked it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterHtml } from '../../scripts/assemble/links.js';
import { compareDiagnostics } from '../../scripts/diagnostics/diagnostic.js';
import { prepareChapter } from '../../scripts/render/markdown/chapter.js';
import { renderChapterMarkdown } from '../../scripts/render/markdown/pipeline.js';
import { activeContent } from './active-content.js';
import { cleanCopies } from '../support/example-copy.js';
import { chapterOf, loadExampleDocument } from './chapter.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const UPDATE = process.env['UPDATE'] === '1';
const cases = fs
  .readdirSync(FIXTURES)
  .filter((n) => fs.existsSync(path.join(FIXTURES, n, 'input.md')))
  .sort();

describe('hostile Markdown and raw HTML corpus', () => {
  beforeAll(loadExampleDocument, 240_000);
  afterAll(cleanCopies);

  it('has at least 30 hostile cases', () => {
    expect(cases.filter((c) => !c.startsWith('legit-')).length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(FIXTURES, name);
      const input = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
      const { info, ctx } = chapterOf(input, `content/${name}.md`);
      const pass1 = prepareChapter(info, ctx.index);
      const { chapter, diagnostics } = await renderChapterMarkdown(pass1.prepared, ctx);
      const html = chapterHtml(chapter, ctx.index, 'page');
      // Sorted as the build reports them.
      const warnings = [...pass1.diagnostics, ...diagnostics].sort(compareDiagnostics);
      const warningText = warnings
        .map((w) => `${w.line}:${w.column} ${w.severity} ${w.ruleId} ${w.message}\n`)
        .join('');
      if (UPDATE) {
        fs.writeFileSync(path.join(dir, 'output.html'), html);
        fs.writeFileSync(path.join(dir, 'warnings.txt'), warningText);
      }
      for (const mode of ['page', 'single', 'print'] as const)
        expect(activeContent(chapterHtml(chapter, ctx.index, mode)), mode).toEqual([]);
      expect(html).toBe(fs.readFileSync(path.join(dir, 'output.html'), 'utf8'));
      expect(warningText).toBe(fs.readFileSync(path.join(dir, 'warnings.txt'), 'utf8'));
      // A hostile case must be noticed: the officer gets at least one warning saying what was removed.
      if (
        !name.startsWith('legit-') &&
        ![
          'html-entities-stay-text',
          'markdown-image-attribute-breakout',
          'footnote-label-injection',
          'target-blank-and-rel',
          'dom-clobbering-ids',
          'class-injection',
        ].includes(name)
      ) {
        expect(warnings.length).toBeGreaterThan(0);
      }
      if (name.startsWith('legit-')) expect(warnings).toEqual([]);
    });
  }
});
