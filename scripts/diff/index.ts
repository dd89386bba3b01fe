/**
 * `strategy diff [<ref>]`: what changed in the strategy since a git ref (default: where this branch
 * left the default branch), by meaning rather than by text.
 *
 *   git ls-tree / cat-file at <ref>  -> the files as they were, in a temporary folder (nothing checked out)
 *   load + model (the build's own stages) on both versions
 *   compare                           -> groups of changes, old -> new
 *   format                            -> Markdown for a pull request comment, or JSON
 *
 * The old version goes through exactly the loader the build uses (containment, size limits, schemas),
 * from a private temporary folder that is removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject } from '../load/project.js';
import { buildModel } from '../model/strategy.js';
import YAML from 'yaml';
import { DATA_INPUTS } from '../schema/index.js';
import { type Change, type ChangeGroup, compareVersions, GROUPS, type Version } from './compare.js';
import { defaultBase, filesAt, isContained, repositoryOf, resolveCommit } from './git.js';
import { diffValues, sameValue } from './values.js';

export interface DiffResult {
  /** The ref compared with, as given or found, and its commit. */
  base: { ref: string; commit: string };
  groups: ChangeGroup[];
}

export function loadVersion(root: string): Version {
  const project = loadProject(root);
  return { project, model: buildModel(project) };
}

/** Write files read from git into a fresh private folder and load them as a strategy. */
export function loadFiles(files: Map<string, Buffer>): Version {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-diff-'));
  try {
    fs.mkdirSync(path.join(dir, 'content'));
    fs.mkdirSync(path.join(dir, 'data'));
    for (const [rel, bytes] of files) {
      if (!isContained(rel)) continue;
      const file = path.join(dir, ...rel.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes, { flag: 'wx' });
    }
    const version = loadVersion(dir);
    // Positions and file names stay relative; the temporary folder is not part of the result.
    return version;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function diffStrategy(options: {
  root: string;
  ref?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<DiffResult> {
  const root = fs.realpathSync(options.root);
  const repo = await repositoryOf(root);
  const base = options.ref
    ? { ref: options.ref, commit: await resolveCommit(repo, options.ref) }
    : await defaultBase(repo, options.env);
  const oldFiles = await filesAt(repo, base.commit);
  const before = loadFiles(oldFiles);
  const after = loadVersion(root);
  const groups = compareVersions(before, after);
  const files = otherDataFiles(oldFiles, root, [before, after]);
  if (files.length) {
    const other = groups.find((g) => g.id === 'other');
    if (other) other.changes.push(...files);
    else {
      groups.push({ id: 'other', title: GROUPS.find(([id]) => id === 'other')![1], changes: files });
      groups.sort((a, b) => GROUPS.findIndex(([id]) => id === a.id) - GROUPS.findIndex(([id]) => id === b.id));
    }
  }
  return { base, groups };
}

/**
 * Files under data/ that no data input covers (officer charts, police.uk exports): added, removed or
 * changed. A YAML file is compared by its value, so reformatting a chart reports nothing; other files
 * by their bytes, line endings aside. KPI actuals files were compared result by result already.
 */
/** For a YAML file, which of its top-level parts changed: ": title, spec". */
function changedParts(rel: string, a: Buffer, b: Buffer): string {
  if (!/\.ya?ml$/.test(rel)) return '';
  try {
    const parts = [
      ...new Set(
        diffValues(YAML.parse(a.toString('utf8')), YAML.parse(b.toString('utf8'))).map((l) => l.path[0] ?? ''),
      ),
    ].filter(Boolean);
    return parts.length ? ` (${parts.join(', ')})` : '';
  } catch {
    return '';
  }
}

function otherDataFiles(oldFiles: Map<string, Buffer>, root: string, versions: Version[]): Change[] {
  const covered = new Set([
    ...Object.values(DATA_INPUTS).map((i) => `data/${i.file}`),
    ...versions.flatMap((v) => v.model.kpis.flatMap((k) => (k.actuals_csv ? [`data/${k.actuals_csv}`] : []))),
  ]);
  const now = new Map<string, Buffer>();
  const data = path.join(root, 'data');
  if (fs.existsSync(data)) {
    for (const entry of fs.readdirSync(data, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      now.set(rel, fs.readFileSync(path.join(root, rel)));
    }
  }
  const was = new Map([...oldFiles].filter(([rel]) => rel.startsWith('data/')));
  const same = (rel: string, a: Buffer, b: Buffer) => {
    if (/\.ya?ml$/.test(rel)) {
      try {
        return sameValue(YAML.parse(a.toString('utf8')), YAML.parse(b.toString('utf8')));
      } catch {
        // unreadable YAML: compare the text
      }
    }
    const text = (x: Buffer) => x.toString('utf8').replace(/\r\n?/g, '\n').trimEnd();
    return text(a) === text(b);
  };
  const changes: Change[] = [];
  for (const rel of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    if (covered.has(rel)) continue;
    const a = was.get(rel);
    const b = now.get(rel);
    const what = rel.startsWith('data/charts/') ? 'chart file' : 'data file';
    if (!a) changes.push({ subject: rel, text: `${what} added` });
    else if (!b) changes.push({ subject: rel, text: `${what} removed` });
    else if (!same(rel, a, b)) changes.push({ subject: rel, text: `${what} changed${changedParts(rel, a, b)}` });
  }
  return changes;
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Markdown for a pull request comment: a heading, one list per group, old → new in each line. */
export function formatDiffMarkdown(result: DiffResult): string {
  const short = result.base.commit.slice(0, 7);
  const since = result.base.commit.startsWith(result.base.ref) ? short : `${result.base.ref} (${short})`;
  const total = result.groups.reduce((n, g) => n + g.changes.length, 0);
  const lines = ['## What changed in the strategy', ''];
  if (total === 0) {
    lines.push(
      `No change to what the strategy says since ${since}: the text and figures are the same (any edits only changed layout or order).`,
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${count(total, 'change')} since ${since}, compared by meaning (layout and order of the files make no difference).`,
  );
  for (const group of result.groups) {
    lines.push('', `### ${group.title}`, '');
    for (const c of group.changes) lines.push(`- **${md(c.subject)}**: ${md(c.text)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Text from the strategy is shown as text: Markdown and HTML characters in it are escaped. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function formatDiffJson(result: DiffResult): string {
  return `${JSON.stringify({ base: result.base, groups: result.groups }, null, 2)}\n`;
}
