import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockListMarkdown, README_END, README_START, withBlockList } from '../../../scripts/render/blocks/docs.js';
import { BLOCKS } from '../../../scripts/render/blocks/index.js';
import { REPO_ROOT } from '../../support/example-build.js';

describe("the README's list of data blocks", () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('is the registry, block for block (run `npm run readme` after adding or changing a block)', () => {
    expect(withBlockList(readme, blockListMarkdown(BLOCKS.values()))).toBe(readme);
  });

  it('names every block and every setting', () => {
    const list = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END));
    for (const block of BLOCKS.values()) {
      expect(list).toContain(`\`::${block.name}`);
      for (const a of block.attributes)
        expect(list).toContain(`\`${a.name}\` (${a.required ? 'required' : 'optional'})`);
    }
  });

  it('writes a block as a chapter would and escapes what a table cell cannot hold', () => {
    const table = blockListMarkdown([
      {
        name: 'demo',
        description: 'Shows a | b from data/<x>.yaml',
        attributes: [{ name: 'by', kind: { oneOf: ['a', 'b'] }, required: true }],
        example: '::demo{by=a}',
        render: () => ({ site: { value: '' } as never, print: { value: '' } as never }),
      },
    ]);
    expect(table.split('\n')[2]).toBe(
      '| `::demo{by=…}` | `by` (required): `a` or `b` | Shows a \\| b from data/&lt;x>.yaml |',
    );
    expect(withBlockList('no markers', table)).toBeUndefined();
  });
});
