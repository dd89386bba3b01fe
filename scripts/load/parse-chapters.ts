/**
 * Reading every chapter's Markdown in the sandbox (scripts/util/sandbox/), the last step of load. The
 * checks in ./markdown-limits.ts refuse the inputs known to make the parser slow or deep before it
 * starts; this is the backstop for the ones no check foresaw: each chapter is parsed in a worker within
 * the Markdown budget, and a chapter that a limit stopped is an error at its first line and is left out
 * of the build, as a chapter that failed its limits is.
 *
 *   chapters --(not parsed yet)--> parsed before (./parse-cache.ts: memory, the tool's disk cache) --> kept
 *                                   else sandbox: parseMarkdownText(body), one job each --> trees kept for parseMarkdown
 *                                   over the budget --> markdown/over-budget at the chapter, chapter left out
 *
 * A tree read back from the cache was made by the sandbox from the very same text, so no Markdown is
 * ever parsed outside the sandbox; a strategy whose chapters are all kept starts no worker at all.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { runSandboxed, SandboxLimitError, sandboxBudgets, taskModule } from '../util/sandbox/pool.js';
import type { Root } from 'mdast';
import { splitFrontMatter } from './front-matter.js';
import { isParsed, rememberTree } from './markdown.js';
import { cachedParse, hasCachedParse, parseKey, storeParse } from './parse-cache.js';
import { placementsOf, type Chapter, type Project } from './project.js';
import { readText } from './text.js';

const TASK = { module: taskModule(import.meta.url, './markdown'), name: 'parseMarkdownText' };

/** Chapters a limit stopped, by a hash of their text, so `dev` does not wait for one again on every rebuild. */
const stopped = new Map<string, SandboxLimitError>();
const STOPPED_SIZE = 32;

const hashOf = (body: string) => createHash('sha256').update(body).digest('hex');

/**
 * The project with every chapter's Markdown parsed (kept for `parseMarkdown`), or, when a chapter could
 * not be parsed within the limits, a copy of it without that chapter and with an error at its first line.
 */
export async function parseChapters(project: Project): Promise<Project> {
  const { markdownSeconds } = sandboxBudgets();
  const problems = await Promise.all(project.chapters.map((c) => parseChapter(c, markdownSeconds)));
  if (problems.every((p) => p === undefined)) return project;
  const failed = project.chapters.filter((_c, i) => problems[i]);
  const chapters = project.chapters.filter((_c, i) => !problems[i]);
  return {
    ...project,
    chapters,
    placements: placementsOf(chapters),
    failedChapters: [...project.failedChapters, ...failed.map((c) => c.file)],
    diagnostics: [...project.diagnostics, ...problems.filter((p) => p !== undefined)],
  };
}

/**
 * Whether a chapter of the strategy at `root` will need the sandbox: one whose tree is not kept yet. The
 * build asks before it loads anything, so that a worker it will need starts while the data files load,
 * and one it will not need is never started. Only a guess for that purpose: anything odd says yes.
 */
export function chaptersNeedSandbox(root: string): boolean {
  try {
    const dir = path.join(root, 'content');
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const file = path.join(dir, name);
      if (!fs.lstatSync(file).isFile()) return true;
      const read = readText(file, name);
      if (!read.ok) return true;
      const { body } = splitFrontMatter(read.text);
      if (!isParsed(body) && !hasCachedParse('mdast', parseKey('mdast', body))) return true;
    }
    return false;
  } catch {
    return true;
  }
}

async function parseChapter(chapter: Chapter, seconds: number): Promise<Diagnostic | undefined> {
  if (isParsed(chapter.body)) return undefined;
  const kept = parseKey('mdast', chapter.body);
  const tree = cachedParse<Root>('mdast', kept);
  if (tree) {
    rememberTree(chapter.body, tree);
    return undefined;
  }
  const key = hashOf(chapter.body);
  let err = stopped.get(key);
  if (!err) {
    try {
      const parsed = await runSandboxed<Root>(TASK, chapter.body, seconds);
      storeParse('mdast', kept, parsed);
      rememberTree(chapter.body, parsed);
      return undefined;
    } catch (e) {
      if (!(e instanceof SandboxLimitError)) throw e;
      err = e;
      stopped.set(key, e);
      if (stopped.size > STOPPED_SIZE) stopped.delete(stopped.keys().next().value!);
    }
  }
  const what =
    err.limit === 'time'
      ? `reading it took longer than ${err.seconds} seconds`
      : err.limit === 'memory'
        ? `reading it needed more than ${err.memoryMb} MB of memory`
        : 'it nests deeper than the Markdown reader can follow';
  return diag('markdown/over-budget', chapter.file, { line: chapter.bodyLineOffset + 1, column: 1 }, [what]);
}
