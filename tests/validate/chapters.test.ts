/** The ten-section structure: missing, duplicated, misnamed and out-of-order sections. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../scripts/load/project.js';
import { checkChapters } from '../../scripts/validate/chapters.js';
import { cleanCopies, copyExample, edit } from '../support/example-copy.js';

afterAll(cleanCopies);

const structure = (root: string) => checkChapters(loadProject(root).chapters);

describe('the ten sections', () => {
  it('the example has all ten in order, then the appendices', () => {
    const { ordered, diagnostics } = structure(copyExample());
    expect(diagnostics).toEqual([]);
    expect(ordered.map((c) => c.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'A', 'B']);
  });

  it('a missing section names the section and the file to create', () => {
    const root = copyExample();
    fs.rmSync(path.join(root, 'content/07-performance-and-governance.md'));
    const { diagnostics } = structure(root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'chapter/missing-section', file: 'content', severity: 'error' });
    expect(diagnostics[0]!.message).toBe('Section 7, "Performance and Governance Framework", has no chapter.');
    expect(diagnostics[0]!.hint).toContain('content/07-performance-and-governance.md');
  });

  it('a duplicated section points at the second file’s section line', () => {
    const root = copyExample();
    edit(root, 'content/08-resourcing-and-commissioning.md', 'section: 8', 'section: 7');
    const ds = structure(root).diagnostics;
    const dup = ds.find((d) => d.ruleId === 'chapter/duplicate-section')!;
    expect(dup).toMatchObject({ file: 'content/08-resourcing-and-commissioning.md', line: 2, column: 10 });
    expect(dup.message).toContain('content/07-performance-and-governance.md');
    // …and section 8 is then missing: both are listed in one run.
    expect(ds.map((d) => d.ruleId).sort()).toEqual(['chapter/duplicate-section', 'chapter/missing-section']);
  });

  it('a misnamed section gives the statutory title to write', () => {
    const root = copyExample();
    edit(root, 'content/09-equality-impact-assessment.md', 'title: Equality Impact Assessment', 'title: Equalities');
    const [d] = structure(root).diagnostics;
    expect(d).toMatchObject({
      ruleId: 'chapter/wrong-title',
      file: 'content/09-equality-impact-assessment.md',
      line: 3,
      column: 8,
    });
    expect(d!.hint).toBe('Write `title: Equality Impact Assessment`.');
  });

  it('a file that sorts out of order is named, with the file name to use', () => {
    const root = copyExample();
    fs.renameSync(path.join(root, 'content/02-legal-duties.md'), path.join(root, 'content/99-legal-duties.md'));
    const ds = structure(root).diagnostics;
    expect(ds.map((d) => [d.ruleId, d.file])).toEqual([['chapter/out-of-order', 'content/99-legal-duties.md']]);
    expect(ds[0]!.hint).toContain('content/02-legal-duties.md');
  });
});

describe('a chapter whose front matter cannot be read', () => {
  it('gets one error, not a second one for its missing section', () => {
    const root = copyExample();
    edit(root, 'content/04-needs-assessment.md', /^---\n([\s\S]*?)\n---\n/, '---\n$1\n\n');
    const project = loadProject(root);
    const all = [...project.diagnostics, ...checkChapters(project.chapters, project.failedChapters).diagnostics];
    expect(all.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['chapter/unclosed-front-matter', 'content/04-needs-assessment.md', 1],
    ]);
    expect(all[0]!.hint).toContain('three dashes');
  });
});
