/**
 * The registry of data blocks finds its blocks by itself: every file in scripts/render/blocks/ whose
 * default export is a block (or a list of blocks) adds them, so a new block is one new file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BLOCKS, discoverBlocks } from '../../../scripts/render/blocks/index.js';
import { REPO_ROOT } from '../../support/example-build.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const blockFile = (name: string) =>
  `export default { name: '${name}', description: 'A test block.', attributes: [], example: '::${name}', render: () => ({ site: { value: '<p>${name}</p>' }, print: { value: '<p>${name}</p>' } }) };\n`;

describe('the registry of data blocks', () => {
  it('has the default-exported blocks of every file in scripts/render/blocks/, in file order, and nothing else', async () => {
    const dir = path.join(REPO_ROOT, 'scripts/render/blocks');
    const exported: string[] = [];
    for (const file of fs.readdirSync(dir).sort()) {
      if (file === 'index.ts' || file === 'write-readme.ts') continue;
      const mod = (await import(path.join(dir, file))) as { default?: unknown };
      const list = Array.isArray(mod.default) ? mod.default : mod.default ? [mod.default] : [];
      exported.push(...list.map((b: { name: string }) => b.name));
    }
    expect([...BLOCKS.keys()]).toEqual(exported);
    // The blocks the example and the README rely on, each once.
    for (const name of ['priorities', 'kpi-table', 'risk-register', 'chart', 'funding-chart', 'csv-table', 'eqia'])
      expect(
        exported.filter((n) => n === name),
        name,
      ).toHaveLength(1);
    expect(new Set(exported).size).toBe(exported.length);
  });

  it('takes in a new block file without any other change, and skips files that export no block', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-blocks-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, 'zebra-crossings.js'), blockFile('zebra-crossings'));
    fs.writeFileSync(path.join(dir, 'bus-stops.js'), blockFile('bus-stops'));
    fs.writeFileSync(path.join(dir, 'helpers.js'), 'export const helper = 1;\n');
    const found = await discoverBlocks(dir);
    expect([...found.keys()]).toEqual(['bus-stops', 'zebra-crossings']);
    const out = await found.get('bus-stops')!.render({} as never, {});
    expect(out.site.value).toBe('<p>bus-stops</p>');
  });

  it('refuses two blocks of the same name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-blocks-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, 'a.js'), blockFile('twice'));
    fs.writeFileSync(path.join(dir, 'b.js'), blockFile('twice'));
    await expect(discoverBlocks(dir)).rejects.toThrow(/Two data blocks are called "twice"/);
  });
});
