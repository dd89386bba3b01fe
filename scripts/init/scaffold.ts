/**
 * `strategy init DIR`: scaffolds a new strategy an officer can fill in. It writes the ten chapters
 * (content/NN-<id>.md, from the fixed section list) with guidance on what each must contain, one data
 * file of every kind (data/*.yaml) with a small valid starter entry that passes `strategy check` with
 * warnings only, and the JSON Schemas (schemas/) that each data file declares for editors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../diagnostics/diagnostic.js';
import { SECTIONS } from '../model/sections.js';
import { generateSchemas, schemaFileFor } from '../schema/generate.js';
import { DATA_INPUTS } from '../schema/index.js';
import { GUIDANCE } from './guidance.js';

const STARTER_DIR = fileURLToPath(new URL('./starter/', import.meta.url));

/** The text of each file `init` writes, by path relative to the new strategy folder, in order. */
export function scaffoldFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const s of SECTIONS) {
    const guidance = GUIDANCE[s.id];
    if (guidance === undefined) throw new Error(`No init guidance for section ${s.id}`);
    files.set(s.file, `---\nsection: ${s.number}\ntitle: ${s.title}\n---\n${guidance}`);
  }
  for (const input of Object.values(DATA_INPUTS)) {
    const starter = fs.readFileSync(path.join(STARTER_DIR, input.file), 'utf8');
    files.set(`data/${input.file}`, `# yaml-language-server: $schema=../schemas/${schemaFileFor(input.file)}\n${starter}`);
  }
  for (const [name, text] of generateSchemas()) files.set(`schemas/${name}`, text);
  // The published output and the dev server's preview are made by the tool; they are not source.
  files.set('.gitignore', 'dist/\n.cache/\nnode_modules/\n');
  return files;
}

export function initStrategy(dir: string): { written: string[] } {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) {
      throw new EnvironmentError(`${dir} is a file, not a folder.`, 'Give `strategy init` the name of a new folder, e.g. `npx strategy init my-strategy`.');
    }
    if (fs.readdirSync(target).length > 0) {
      throw new EnvironmentError(
        `The folder ${dir} is not empty, so a new strategy was not written there.`,
        'Run `strategy init` with a new or empty folder, e.g. `npx strategy init my-strategy`; nothing has been changed.',
      );
    }
  }
  const written: string[] = [];
  for (const [rel, text] of scaffoldFiles()) {
    const file = path.join(target, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(rel);
  }
  return { written };
}
