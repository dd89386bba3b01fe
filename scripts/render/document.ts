/**
 * Stage 4 of the pipeline, render: all chapters, in two passes (ids first, so cross-references can
 * point forward), into sanitised trees with their data blocks in place.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { chartFileNames, chartIdOf } from '../load/chart.js';
import type { Project } from '../load/project.js';
import type { StrategyModel } from '../model/strategy.js';
import type { ChartEnvironment } from './blocks/block.js';
import { AnchorIndex } from './markdown/headings.js';
import type { ChapterInfo } from './markdown/chapter.js';
import { prepareChapter, type PreparedChapter, type RenderedChapter } from './markdown/prepare.js';
import { exactJson } from '../load/parse-cache.js';
import { fingerprints, recordReads } from './dependencies.js';
import { toolCacheDir } from '../util/tool-cache.js';

/** The chapter pipeline (the HTML parser, the sanitiser, every data block) loads only when a chapter is rendered. */
const pipeline = () => import('./markdown/pipeline.js');

export interface RenderedDocument {
  chapters: RenderedChapter[];
  index: AnchorIndex;
}

/**
 * Rendered chapters kept between builds by a long-running process (`strategy dev`), so an edit
 * re-renders only the chapters it can change. Conservative, after Eleventy, and recorded rather than
 * declared: while a chapter renders, every field of the project, the model and the charts that it (or
 * any of its blocks) reads is noted (dependencies.ts). The chapter is reused when its own text, the
 * document's ids and numbers and the files in content/ are unchanged, and every field it read has the
 * same content as when it was rendered; else it is rendered again. A chapter edit re-renders that
 * chapter; a KPI edit re-renders the chapters whose blocks read the KPIs.
 */
export interface RenderCache {
  chapters: Map<string, CachedChapter>;
  /** What the last render did, by chapter file (tests, the dev server's log, the bench). */
  stats: { rendered: string[]; reused: string[] };
  /**
   * Also keep each chapter on disk, for the next process (`strategy check` run again): the tool's cache,
   * never the strategy folder. See `keptChapter`.
   */
  dir?: string;
}

interface CachedChapter {
  key: string;
  /** Each field read while rendering, with the fingerprint it had then. */
  reads: Map<string, string>;
  chapter: RenderedChapter;
  diagnostics: Diagnostic[];
}

export const createRenderCache = (options: { dir?: string } = {}): RenderCache => ({
  chapters: new Map(),
  stats: { rendered: [], reused: [] },
  ...(options.dir ? { dir: options.dir } : {}),
});

/** Where `strategy check` keeps rendered chapters between runs. */
export const RENDER_CACHE_DIR = toolCacheDir('rendered');

/**
 * The tool's code, all of which can change what a chapter renders to or the words of its diagnostics
 * (blocks read the model, figures draw, diagnostics word the messages), and the exact package versions
 * the tool asks for. Compiled, lib/.tsbuildinfo stands for every source file (the compiler keeps a hash
 * of each); otherwise every file of the code is read. Worked out once.
 */
let code: string | undefined;
function renderCode(): string {
  if (code !== undefined) return code;
  const tool = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
  const pkg = path.join(tool, '..', 'package.json');
  if (fs.existsSync(pkg)) h.update(fs.readFileSync(pkg));
  const info = path.join(tool, '.tsbuildinfo');
  if (fs.existsSync(info)) h.update('\0tsbuildinfo\0').update(fs.readFileSync(info));
  else
    for (const f of fs
      .readdirSync(tool, { recursive: true, encoding: 'utf8' })
      .filter((n) => /\.(ts|js)$/.test(n))
      .map((n) => n.split(path.sep).join('/'))
      .sort())
      h.update(`\0${f}\0`).update(fs.readFileSync(path.join(tool, f)));
  code = h.digest('hex');
  return code;
}

/**
 * A rendered chapter kept on disk, under a hash of the tool's code, the strategy folder and the chapter's
 * key: `<key>.json` holds what it read (with each field's fingerprint), its diagnostics and its small
 * parts; its trees are in a file named by their own hash, read only when something uses them (`strategy
 * check` never does). A chapter is kept only when JSON holds it exactly. Used as the memory cache is:
 * only when every field it read has the same fingerprint now.
 */
interface KeptChapter {
  key: string;
  reads: [string, string][];
  diagnostics: Diagnostic[];
  summary: string;
  images: string[];
  trees: string;
}

const keptName = (root: string, key: string) =>
  createHash('sha256').update(`${renderCode()}\0${root}\0${key}`).digest('hex');

function readKept(dir: string, root: string, key: string, info: PreparedChapter): CachedChapter | undefined {
  let kept: KeptChapter;
  try {
    kept = JSON.parse(fs.readFileSync(path.join(dir, `${keptName(root, key)}.json`), 'utf8')) as KeptChapter;
  } catch {
    return undefined;
  }
  if (kept.key !== key || !Array.isArray(kept.reads) || !Array.isArray(kept.diagnostics)) return undefined;
  let trees: { site: RenderedChapter['site']; print: RenderedChapter['print'] } | undefined;
  const load = () => {
    trees ??= JSON.parse(fs.readFileSync(path.join(dir, 'trees', `${kept.trees}.json`), 'utf8')) as NonNullable<
      typeof trees
    >;
    return trees;
  };
  // As the pipeline makes it (pipeline.ts), the trees read when first used.
  const chapter = {
    chapter: info.chapter,
    label: info.label,
    order: info.order,
    id: info.id,
    title: info.title,
    isAppendix: info.isAppendix,
  } as RenderedChapter;
  Object.defineProperties(chapter, {
    site: { get: () => load().site, enumerable: true, configurable: true },
    print: { get: () => load().print, enumerable: true, configurable: true },
  });
  Object.assign(chapter, { anchors: info.anchors, summary: kept.summary, images: kept.images });
  return { key, reads: new Map(kept.reads), chapter, diagnostics: kept.diagnostics };
}

function writeKept(dir: string, root: string, entry: CachedChapter): void {
  const { site, print, summary, images } = entry.chapter;
  const trees = exactJson({ site, print });
  if (trees === undefined) return;
  const treesName = createHash('sha256').update(trees).digest('hex');
  const kept = exactJson({
    key: entry.key,
    reads: [...entry.reads],
    diagnostics: entry.diagnostics,
    summary,
    images,
    trees: treesName,
  } satisfies KeptChapter);
  if (kept === undefined) return;
  try {
    fs.mkdirSync(path.join(dir, 'trees'), { recursive: true });
    const write = (file: string, text: string) => {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, file);
    };
    const treesFile = path.join(dir, 'trees', `${treesName}.json`);
    // The trees first: a chapter file is never there before what it names.
    if (!fs.existsSync(treesFile)) write(treesFile, trees);
    write(path.join(dir, `${keptName(root, entry.key)}.json`), kept);
  } catch {
    // The cache only saves time.
  }
}

/** What every chapter depends on besides its text: the document's ids and numbers, content/'s files, the chart ids. */
function documentKey(project: Project, index: AnchorIndex, chartIds: readonly string[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([...index.byId.values()].map((a) => [a.id, a.number, a.title, a.sectionId, a.kind])));
  h.update(`\0${chartIds.join('\0')}`);
  const content = path.join(project.root, 'content');
  for (const e of fs
    .readdirSync(content, { recursive: true, withFileTypes: true })
    .sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    // Chapters are keyed by their own text and ids; other files (images) by name and size.
    if (e.name.endsWith('.md')) continue;
    const full = path.join(e.parentPath, e.name);
    h.update(`\0${full}\0${e.isFile() ? fs.lstatSync(full).size : 'dir'}`);
  }
  return h.digest('hex');
}

export async function renderDocument(
  project: Project,
  model: StrategyModel,
  ordered: ChapterInfo[],
  charts: ChartEnvironment,
  diagnostics: Diagnostic[],
  cache?: RenderCache,
): Promise<RenderedDocument> {
  const index = new AnchorIndex();
  const prepared = ordered.map((info) => {
    const pass1 = prepareChapter(info, index);
    diagnostics.push(...pass1.diagnostics);
    return pass1.prepared;
  });
  // Every chart file counts as known; one with errors has its own diagnostics and is simply not drawn.
  const chartIds = chartFileNames(project.root).map(chartIdOf);
  const ctx = { project, model, index, chartIds, charts };
  if (!cache) {
    const { renderChapterMarkdown } = await pipeline();
    // In document order, whatever order the chapters finished in.
    const rendered = await Promise.all(prepared.map((p) => renderChapterMarkdown(p, ctx)));
    for (const r of rendered) diagnostics.push(...r.diagnostics);
    return { chapters: rendered.map((r) => r.chapter), index };
  }
  const docKey = documentKey(project, index, chartIds);
  const fingerprint = fingerprints({ project, model, charts });
  const stats: RenderCache['stats'] = { rendered: [], reused: [] };
  // One slot per chapter, so diagnostics keep the document's order whatever finishes first.
  const own: Diagnostic[][] = prepared.map(() => []);
  const chapters = await Promise.all(
    prepared.map(async (p, i) => {
      const key = createHash('sha256')
        .update(
          `${docKey}\0${p.chapter.file}\0${p.label}\0${p.id}\0${p.title}\0${p.chapter.bodyLineOffset}\0${p.chapter.body}`,
        )
        .digest('hex');
      const held = cache.chapters.get(p.chapter.file);
      const hit = held?.key === key ? held : cache.dir ? readKept(cache.dir, project.root, key, p) : undefined;
      if (hit && [...hit.reads].every(([field, print]) => fingerprint(field) === print)) {
        stats.reused.push(p.chapter.file);
        own[i] = hit.diagnostics;
        cache.chapters.set(p.chapter.file, hit);
        return hit.chapter;
      }
      stats.rendered.push(p.chapter.file);
      const reads = new Set<string>();
      const { renderChapterMarkdown } = await pipeline();
      const fresh = await renderChapterMarkdown(p, recordReads(ctx, reads));
      own[i] = fresh.diagnostics;
      const entry: CachedChapter = {
        key,
        reads: new Map([...reads].sort().map((field) => [field, fingerprint(field)])),
        chapter: fresh.chapter,
        diagnostics: fresh.diagnostics,
      };
      cache.chapters.set(p.chapter.file, entry);
      if (cache.dir) writeKept(cache.dir, project.root, entry);
      return fresh.chapter;
    }),
  );
  for (const list of own) diagnostics.push(...list);
  // Keep only the chapters the document still has.
  const live = new Set(prepared.map((p) => p.chapter.file));
  for (const file of cache.chapters.keys()) if (!live.has(file)) cache.chapters.delete(file);
  cache.stats = stats;
  return { chapters, index };
}
