/**
 * Stage 4 of the pipeline, render: all chapters, in two passes (ids first, so cross-references can
 * point forward), into sanitised trees with their data blocks in place.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { chartFileNames, chartIdOf } from '../load/chart.js';
import type { Project } from '../load/project.js';
import type { StrategyModel } from '../model/strategy.js';
import type { ChartEnvironment } from './blocks/block.js';
import { AnchorIndex } from './markdown/headings.js';
import { prepareChapter, type ChapterInfo, type RenderedChapter } from './markdown/chapter.js';
import { renderChapterMarkdown } from './markdown/pipeline.js';
import { fingerprints, recordReads } from './dependencies.js';

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
}

interface CachedChapter {
  key: string;
  /** Each field read while rendering, with the fingerprint it had then. */
  reads: Map<string, string>;
  chapter: RenderedChapter;
  diagnostics: Diagnostic[];
}

export const createRenderCache = (): RenderCache => ({ chapters: new Map(), stats: { rendered: [], reused: [] } });

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
      const hit = cache.chapters.get(p.chapter.file);
      if (hit && hit.key === key && [...hit.reads].every(([field, print]) => fingerprint(field) === print)) {
        stats.reused.push(p.chapter.file);
        own[i] = hit.diagnostics;
        return hit.chapter;
      }
      stats.rendered.push(p.chapter.file);
      const reads = new Set<string>();
      const fresh = await renderChapterMarkdown(p, recordReads(ctx, reads));
      own[i] = fresh.diagnostics;
      cache.chapters.set(p.chapter.file, {
        key,
        reads: new Map([...reads].sort().map((field) => [field, fingerprint(field)])),
        chapter: fresh.chapter,
        diagnostics: fresh.diagnostics,
      });
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
