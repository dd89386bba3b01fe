/**
 * `strategy init DIR`: scaffolds a new strategy an officer can fill in, as its own repository with
 * this tool as a dependency. It writes the ten chapters (content/NN-<id>.md, from the fixed section
 * list) with guidance on what each must contain; one data file of every kind (data/*.yaml) with a
 * small valid starter entry that passes `strategy check` with warnings only, each naming its schema in
 * the installed tool (node_modules/<tool>/schemas/) for editors; package.json with the tool and the
 * commands; a README for officers; .gitignore; the GitHub workflows; VS Code settings; and
 * data/police-uk/ with a note on the files that go there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../diagnostics/diagnostic.js';
import { SECTIONS } from '../model/sections.js';
import { schemaFileFor } from '../schema/generate.js';
import { DATA_INPUTS } from '../schema/index.js';
import { CHART_SCHEMA_FILE } from './chart-schema.js';
import { GUIDANCE } from './guidance.js';
import { officerReadme, POLICE_UK_NOTE } from './readme.js';

// Found from the package's top, which is two folders up from both scripts/init and the compiled lib/init.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STARTER_DIR = path.join(PACKAGE_ROOT, 'scripts/init/starter');
const WORKFLOWS_DIR = path.join(PACKAGE_ROOT, 'scripts/init/workflows');

/** This tool's package name and version, as a partnership's package.json depends on it. */
export function toolPackage(): { name: string; version: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}

/** The GitHub workflows a partnership's repository runs, by file name (see the README). */
export const WORKFLOWS: ReadonlyMap<string, string> = new Map(
  fs
    .readdirSync(WORKFLOWS_DIR)
    .filter((n) => n.endsWith('.yml'))
    .sort()
    .map((n) => [n, fs.readFileSync(path.join(WORKFLOWS_DIR, n), 'utf8')]),
);

/** Where a schema is for a file in the new strategy: inside the installed tool. */
const schemaPath = (name: string) =>
  `node_modules/${toolPackage().name}/${name.includes('/') ? name : `schemas/${name}`}`;

/** A package name npm accepts, from the folder's name. */
function packageName(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name || 'community-safety-strategy';
}

/** The text of each file `init` writes, by path relative to the new strategy folder, in order. */
export function scaffoldFiles(dir = 'community-safety-strategy'): Map<string, string> {
  const tool = toolPackage();
  const files = new Map<string, string>();
  for (const s of SECTIONS) {
    const guidance = GUIDANCE[s.id];
    if (guidance === undefined) throw new Error(`No init guidance for section ${s.id}`);
    files.set(s.file, `---\nsection: ${s.number}\ntitle: ${s.title}\n---\n${guidance}`);
  }
  for (const input of Object.values(DATA_INPUTS)) {
    const starter = fs.readFileSync(path.join(STARTER_DIR, input.file), 'utf8');
    files.set(
      `data/${input.file}`,
      `# yaml-language-server: $schema=../${schemaPath(schemaFileFor(input.file))}\n${starter}`,
    );
  }
  files.set('data/police-uk/README.md', POLICE_UK_NOTE);
  files.set(
    'package.json',
    `${JSON.stringify(
      {
        name: packageName(dir),
        version: '0.1.0',
        private: true,
        description: 'Our Community Safety Partnership strategy: chapters in content/, figures in data/.',
        type: 'module',
        engines: { node: '>=20.19' },
        scripts: { check: 'strategy check', build: 'strategy build', dev: 'strategy dev', diff: 'strategy diff' },
        devDependencies: { [tool.name]: `^${tool.version}` },
      },
      null,
      2,
    )}\n`,
  );
  files.set('README.md', officerReadme(tool.name));
  // The published output, the installed tool and editors' and office programs' own files are not source.
  files.set(
    '.gitignore',
    [
      '# Made by the tool: run `npm run build` again to get them back',
      'dist/',
      '.cache/',
      'node_modules/',
      '',
      '# Editors and office programs',
      '.DS_Store',
      'Thumbs.db',
      '~$*',
      '.~lock.*#',
      '*.swp',
      '*.log',
      '',
    ].join('\n'),
  );
  for (const [name, text] of WORKFLOWS) files.set(`.github/workflows/${name}`, text);
  // VS Code (with the YAML extension) checks each file against its schema as officers type; the
  // headers say the same for other editors. Chart files get Vega-Lite's schema inside ours.
  const schemas: Record<string, string[]> = {};
  for (const input of Object.values(DATA_INPUTS))
    schemas[`./${schemaPath(schemaFileFor(input.file))}`] = [`data/${input.file}`];
  schemas[`./${schemaPath(CHART_SCHEMA_FILE)}`] = ['data/charts/*.yaml', 'data/charts/*.yml'];
  files.set(
    '.vscode/settings.json',
    `${JSON.stringify({ 'yaml.schemas': schemas, 'files.trimTrailingWhitespace': true, 'files.insertFinalNewline': true, '[markdown]': { 'editor.wordWrap': 'on' } }, null, 2)}\n`,
  );
  files.set('.vscode/extensions.json', `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`);
  return files;
}

export function initStrategy(dir: string): { written: string[] } {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) {
      throw new EnvironmentError(
        `${dir} is a file, not a folder.`,
        'Give `strategy init` the name of a new folder, e.g. `npx strategy init my-strategy`.',
      );
    }
    if (fs.readdirSync(target).length > 0) {
      throw new EnvironmentError(
        `The folder ${dir} is not empty, so a new strategy was not written there.`,
        'Run `strategy init` with a new or empty folder, e.g. `npx strategy init my-strategy`; nothing has been changed.',
      );
    }
  }
  const written: string[] = [];
  for (const [rel, text] of scaffoldFiles(target)) {
    const file = path.join(target, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(rel);
  }
  return { written };
}
