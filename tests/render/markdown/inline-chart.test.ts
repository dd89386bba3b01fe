/** A chart written inline in a chapter (a ```chart block): drawn like a chart file, checked at chapter lines. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { check } from '../../../scripts/build.js';
import { byTag, elements, readPage, text } from '../../support/html.js';
import { cleanCopies, copyExample, lineOf } from '../../support/example-copy.js';

afterAll(cleanCopies);

describe('inline charts', () => {
  it('the example’s inline chart is drawn with its accessible name and its data as a table', () => {
    const tree = readPage(inject('exampleOut'), 'needs-assessment.html');
    const [figure] = elements(tree, (el) => el.properties['id'] === 'chart-knife-crime-five-years');
    expect(figure).toBeDefined();
    const svg = byTag({ type: 'root', children: [figure!] }, 'svg')[0]!;
    expect(svg.properties['role']).toBe('img');
    expect(text({ type: 'root', children: [figure!] })).toContain(
      'Knife crime offences in Northbridge, 2022-23 to 2026-27',
    );
    const rows = byTag({ type: 'root', children: [figure!] }, 'tbody').flatMap((b) =>
      byTag({ type: 'root', children: [b] }, 'tr'),
    );
    expect(
      rows.map((r) =>
        elements({ type: 'root', children: [r] }, (c) => c.tagName === 'th' || c.tagName === 'td')
          .map(text)
          .join(' '),
      ),
    ).toEqual(['2022-23 548', '2023-24 537', '2024-25 561', '2025-26 589', '2026-27 612']);
  });

  it('a mistake in an inline chart is reported at its line in the chapter', async () => {
    const root = copyExample();
    const file = 'content/04-needs-assessment.md';
    const full = path.join(root, file);
    fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace('y: { field: offences,', 'y: { field: offence,'));
    const ds = (await check({ root })).diagnostics;
    expect(ds.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['chart/missing-field', file, lineOf(root, file, 'field: offence,')],
    ]);
  });
});
