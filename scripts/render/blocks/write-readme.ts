/** `npm run readme`: rewrite the README's list of data blocks from the registry. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockListMarkdown, README_END, README_START, withBlockList } from './docs.js';
import { BLOCKS } from './index.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md');
const updated = withBlockList(fs.readFileSync(file, 'utf8'), blockListMarkdown(BLOCKS.values()));
if (updated === undefined) {
  console.error(`README.md has no list of data blocks: put the lines\n${README_START}\n${README_END}\nwhere it goes.`);
  process.exitCode = 1;
} else fs.writeFileSync(file, updated);
