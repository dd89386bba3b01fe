/**
 * Issue 10, findings 7 and 11. A relative link in a chapter became `file:///…/<out>.building-<pid>/…`
 * in the PDF (the builder's path, dead for readers, different on every build): relative, rooted and
 * file: links are now refused at their position and lose their address. Ids the templates own
 * (`main-content`) are refused in chapters, by heading or by raw HTML. Bidi control characters
 * (Trojan source) in titles, ids and headings are warned about at their line and column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, check } from '../../scripts/build.js';
import { cleanCopies, copyExample, edit, lineOf } from '../support/example-copy.js';

afterAll(cleanCopies);

const CHAPTER = 'content/03-partnership-context.md';
const appendChapter = (root: string, md: string): number => {
  const file = path.join(root, CHAPTER);
  const before = fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n');
  fs.writeFileSync(file, `${before}\n${md}\n`);
  return before.split('\n').length + 1;
};

describe('links to local files', () => {
  it('are refused at their position, and no local path reaches the site', async () => {
    const root = copyExample();
    const line = appendChapter(
      root,
      '[the plan](plan.pdf)\n\n[KPIs](../data/kpis.yaml)\n\n[passwords](/etc/passwd)\n\n<a href="file:///etc/hostname">host</a>\n\n[a web page](https://www.gov.uk/) and [a section](#strategic-priorities).',
    );
    const ds = (await check({ root })).diagnostics.filter((d) => d.severity === 'error');
    expect(ds.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['link/local', CHAPTER, line],
      ['link/local', CHAPTER, line + 2],
      ['link/local', CHAPTER, line + 4],
    ]);
    // A file: address never gets this far: the sanitiser removes it (with a warning at its line).
    expect(ds[0]!.hint).toContain('https://');
  });
});

describe('ids the templates own', () => {
  it('a heading or raw HTML with id main-content is refused at its line', async () => {
    const root = copyExample();
    const line = appendChapter(root, '## Main content\n\nText.\n\n<div id="main-content">Hijacked skip link</div>');
    const ds = (await check({ root })).diagnostics.filter((d) => d.ruleId === 'id/reserved');
    expect(ds.map((d) => [d.file, d.line, d.severity])).toEqual([
      [CHAPTER, line, 'error'],
      [CHAPTER, line + 4, 'error'],
    ]);
  });
});

describe('bidirectional control characters', () => {
  it('in a title, an id and a heading each warn at their line and column; the build still succeeds', async () => {
    const root = copyExample();
    const rlo = '\u202E';
    edit(root, 'data/kpis.yaml', /title: Knife crime offences/, `title: Knife crime ${rlo}sesneffo`);
    const heading = appendChapter(root, `## Partners ${'\u2066'}and${'\u2069'} boards`);
    edit(root, 'content/12-appendix-b-glossary.md', 'id: glossary', `id: glossary${'\u202D'}`);
    const result = await build({ root, out: path.join(root, '..', 'site'), pdf: false });
    const bidi = result.diagnostics.filter((d) => d.ruleId === 'text/bidi-control');
    expect(bidi.map((d) => [d.file, d.line, d.column, d.severity])).toEqual(
      expect.arrayContaining([
        [
          'data/kpis.yaml',
          lineOf(root, 'data/kpis.yaml', rlo),
          'title: Knife crime '.length +
            1 +
            (lineOf(root, 'data/kpis.yaml', rlo)
              ? fs
                  .readFileSync(path.join(root, 'data/kpis.yaml'), 'utf8')
                  .split('\n')
                  [lineOf(root, 'data/kpis.yaml', rlo) - 1]!.indexOf('title')
              : 0),
          'warning',
        ],
        [CHAPTER, heading, 'Partners '.length + 4, 'warning'],
        [
          'content/12-appendix-b-glossary.md',
          lineOf(root, 'content/12-appendix-b-glossary.md', 'id: glossary'),
          'id: glossary'.length + 1,
          'warning',
        ],
      ]),
    );
    expect(bidi[0]!.message).toMatch(/U\+20[26][0-9A-E]/);
  });
});
