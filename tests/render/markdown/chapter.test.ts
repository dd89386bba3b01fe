/**
 * Mistakes an officer makes in a chapter, each reported at its file, line and column with a fix, and
 * all of them in one run. Built on a copy of the example with one chapter appended to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../../scripts/build.js';
import type { Diagnostic } from '../../../scripts/diagnostics/diagnostic.js';
import { AnchorIndex, numberHeadings, slugify } from '../../../scripts/render/markdown/headings.js';
import { parseMarkdown } from '../../../scripts/load/markdown.js';
import { anchorText } from '../../../scripts/assemble/links.js';
import { cleanCopies, copyExample } from '../../support/example-copy.js';

const FILE = 'content/03-partnership-context.md';
const MISTAKES = [
  ['xref', 'See [](#strategic-prioritees) for more.'],
  ['unknown-block', '::kpi-tabel{priority=vawg}'],
  ['unknown-id', '::kpi-table{priority=vawgg}'],
  ['missing-attribute', '::kpi-table'],
  ['unknown-attribute', '::eqia{colour=red}'],
  ['level-1', '# A second title'],
  ['duplicate-id', '## Our legal duties {#legal-duties}'],
  ['remote-image', '![Crime map](https://example.org/map.png)'],
  ['outside-image', '![Passwords](../../../etc/passwd)'],
  ['missing-image', '![Ward map](images/no-such-map.png)'],
  ['script', '<script>alert(1)</script>'],
] as const;

let diagnostics: Diagnostic[] = [];
const lineOf: Record<string, number> = {};

beforeAll(async () => {
  const root = copyExample();
  const file = path.join(root, FILE);
  const original = fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n');
  let text = `${original}\n## Officer mistakes\n`;
  for (const [name, md] of MISTAKES) {
    text += '\n';
    lineOf[name] = text.split('\n').length;
    text += `${md}\n`;
  }
  fs.writeFileSync(file, text);
  diagnostics = (await check({ root, diskCache: true })).diagnostics;
});
afterAll(cleanCopies);

const at = (name: string) => diagnostics.filter((d) => d.file === FILE && d.line === lineOf[name]);

describe('chapter mistakes are all reported, each where it is', () => {
  it.each([
    ['xref', 'xref/unknown', 5, /points to no section or heading/, /Did you mean "#strategic-priorities"/],
    ['unknown-block', 'directive/unknown', 1, /no data block called "kpi-tabel"/, /::kpi-table/],
    ['unknown-id', 'directive/unknown-id', 1, /no priority with the id "vawgg"/, /vawg/],
    ['missing-attribute', 'directive/missing-attribute', 1, /needs a priority/, /::kpi-table\{priority=/],
    ['unknown-attribute', 'directive/unknown-attribute', 1, /no setting called "colour"/, /Remove it/],
    ['level-1', 'markdown/heading-level', 1, /level-1 heading/, /start your headings at "## "/],
    [
      'duplicate-id',
      'xref/duplicate-id',
      1,
      /"legal-duties" is already used at content\/02-legal-duties\.md:3:/,
      /its own id/,
    ],
    ['remote-image', 'image/remote', 1, /on another website/, /never fetches from the network/],
    ['outside-image', 'file/outside-root', 1, /outside the strategy folder/, /without "\.\.\/"/],
    ['missing-image', 'image/missing', 1, /does not exist/, /relative to the chapter file/],
    ['script', 'html/removed', 1, /<script>/, /Markdown/],
  ] as const)('%s', (name, ruleId, column, message, hint) => {
    const found = at(name).filter((d) => d.ruleId === ruleId);
    expect(found, JSON.stringify(at(name))).toHaveLength(1);
    expect(found[0]!.column).toBe(column);
    expect(found[0]!.message).toMatch(message);
    expect(found[0]!.hint).toMatch(hint);
  });

  it('and nothing else is reported', () => {
    const expected = new Set(Object.values(lineOf));
    expect(diagnostics.filter((d) => !(d.file === FILE && expected.has(d.line)))).toEqual([]);
  });
});

describe('headings', () => {
  it('are numbered under their section, with slugs or explicit ids', () => {
    const tree = parseMarkdown(
      '## Why it matters\n\n### Evidence\n\n### More evidence {#extra}\n\n## Why it matters\n\n##### Deep\n',
    );
    const index = new AnchorIndex();
    const { anchors, diagnostics: ds } = numberHeadings(
      tree,
      { label: '4', id: 'needs-assessment', file: 'content/04.md', lineOffset: 5 },
      index,
    );
    // The second "Why it matters" is told apart by `-1`, with a warning saying so.
    expect(ds.map((d) => [d.ruleId, d.severity, d.line, d.message])).toEqual([
      [
        'xref/duplicate-heading',
        'warning',
        12,
        'The heading "Why it matters" has the same text as the one at content/04.md:6:1, so its id is "why-it-matters-1" and a link to "#why-it-matters" goes to the other one.',
      ],
    ]);
    expect(anchors.map((a) => [a.number, a.id, a.title, a.line])).toEqual([
      ['4.1', 'why-it-matters', 'Why it matters', 6],
      ['4.1.1', 'evidence', 'Evidence', 8],
      ['4.1.2', 'extra', 'More evidence', 10],
      ['4.2', 'why-it-matters-1', 'Why it matters', 12],
      ['', 'deep', 'Deep', 14],
    ]);
  });

  it('make slugs that are valid ids even from digits or symbols', () => {
    expect(slugify('Crime & ASB: trends (2025–26)')).toBe('crime-asb-trends-202526');
    expect(slugify('2027 targets')).toBe('h-2027-targets');
    expect(slugify('!!!')).toBe('h-heading');
  });

  it('name cross-references by number and title', () => {
    const heading = {
      id: 'x',
      number: '5.2',
      title: 'Our five priorities',
      sectionId: 's',
      kind: 'heading',
      depth: 2,
      file: '',
      line: 1,
      column: 1,
    } as const;
    const appendix = {
      id: 'x',
      number: 'A',
      title: 'Horizon Scan',
      sectionId: 'x',
      kind: 'section',
      depth: 1,
      file: '',
      line: 1,
      column: 1,
    } as const;
    // The site: "section 5.2: Our five priorities".
    expect(anchorText(heading)).toBe('section 5.2: Our five priorities');
    expect(anchorText(appendix)).toBe('appendix A: Horizon Scan');
    // The PDF adds the page, with a comma inside brackets so that brackets never nest.
    expect(anchorText(heading, { page: '24' })).toBe('section 5.2, Our five priorities (page 24)');
    expect(anchorText(heading, { page: '24', before: 'as set out (', inBrackets: true })).toBe(
      'section 5.2, Our five priorities, page 24',
    );
    // After "Appendix A (", the label is not repeated.
    expect(anchorText(appendix, { before: 'is in Appendix A (', inBrackets: true })).toBe('Horizon Scan');
    expect(anchorText(appendix, { page: '68', before: 'is in Appendix A (', inBrackets: true })).toBe(
      'Horizon Scan, page 68',
    );
  });
});
