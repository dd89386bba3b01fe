/**
 * The hostile-input corpus: each folder under fixtures/ is one case (most from the OWASP XSS filter-
 * evasion cheat sheet). For each, the rendered HTML must equal output.html, the html/removed warnings
 * must equal warnings.txt, and, independently of those snapshots, parsing the output must find no
 * script, handler, style, frame, form or script URL. Regenerate the snapshots with UPDATE=1 and
 * review the diff: a snapshot is only as good as the eye that checked it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activeContent, renderMarkdown } from './pipeline.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const UPDATE = process.env['UPDATE'] === '1';
const cases = fs
  .readdirSync(FIXTURES)
  .filter((n) => fs.existsSync(path.join(FIXTURES, n, 'input.md')))
  .sort();

describe('hostile Markdown and raw HTML corpus', () => {
  it('has at least 30 hostile cases', () => {
    expect(cases.filter((c) => !c.startsWith('legit-')).length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(FIXTURES, name);
      const input = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
      const { html, warnings } = renderMarkdown(input, `content/${name}.md`);
      const warningText = warnings
        .map((w) => `${w.line}:${w.column} ${w.severity} ${w.ruleId} ${w.message}\n`)
        .join('');
      if (UPDATE) {
        fs.writeFileSync(path.join(dir, 'output.html'), html);
        fs.writeFileSync(path.join(dir, 'warnings.txt'), warningText);
      }
      expect(activeContent(html)).toEqual([]);
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
