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
import { type ChangeGroup, compareVersions, type Version } from './compare.js';
import { defaultBase, filesAt, isContained, repositoryOf, resolveCommit } from './git.js';

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

export async function diffStrategy(options: { root: string; ref?: string; env?: NodeJS.ProcessEnv }): Promise<DiffResult> {
  const root = fs.realpathSync(options.root);
  const repo = await repositoryOf(root);
  const base = options.ref ? { ref: options.ref, commit: await resolveCommit(repo, options.ref) } : await defaultBase(repo, options.env);
  const before = loadFiles(await filesAt(repo, base.commit));
  const after = loadVersion(root);
  return { base, groups: compareVersions(before, after) };
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Markdown for a pull request comment: a heading, one list per group, old → new in each line. */
export function formatDiffMarkdown(result: DiffResult): string {
  const short = result.base.commit.slice(0, 7);
  const since = result.base.commit.startsWith(result.base.ref) ? short : `${result.base.ref} (${short})`;
  const total = result.groups.reduce((n, g) => n + g.changes.length, 0);
  const lines = ['## What changed in the strategy', ''];
  if (total === 0) {
    lines.push(`No change to what the strategy says since ${since}: the text and figures are the same (any edits only changed layout or order).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${count(total, 'change')} since ${since}, compared by meaning (layout and order of the files make no difference).`);
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
