/**
 * Stage 4 of the pipeline, render: all chapters, in two passes (ids first, so cross-references can
 * point forward), into sanitised trees with their data blocks in place.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { chartFileNames, chartIdOf } from '../load/chart.js';
import { resolveInside } from '../load/paths.js';
import type { Project } from '../load/project.js';
import type { StrategyModel } from '../model/strategy.js';
import type { ChartEnvironment } from './blocks/block.js';
import { AnchorIndex } from './markdown/headings.js';
import { prepareChapter, type ChapterInfo, type RenderedChapter } from './markdown/chapter.js';
import { renderChapterMarkdown } from './markdown/pipeline.js';

export interface RenderedDocument {
  chapters: RenderedChapter[];
  index: AnchorIndex;
}

/**
 * Rendered chapters kept between builds by a long-running process (`strategy dev`), so an edit to one
 * chapter re-renders that chapter only. Conservative, after Eleventy: a chapter is reused only when its
 * own text and everything it could depend on are unchanged — all the data, every officer chart, every
 * id and number in the document, and the list of files in content/ (images) — else it is rendered again.
 */
export interface RenderCache {
  chapters: Map<string, { chapter: RenderedChapter; diagnostics: Diagnostic[] }>;
}

export const createRenderCache = (): RenderCache => ({ chapters: new Map() });

function documentKey(project: Project, index: AnchorIndex): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(project.data));
  // Every file under data/ by content: chart files, the data they read (officer and inline charts), CSV.
  const data = path.join(project.root, 'data');
  if (fs.existsSync(data)) {
    for (const e of fs
      .readdirSync(data, { recursive: true, withFileTypes: true })
      .filter((x) => x.isFile())
      .map((x) => path.join(x.parentPath, x.name))
      .sort()) {
      // A link that leads out of the folder is keyed by where it points, never read.
      const inside = resolveInside(project.root, '.', path.relative(project.root, e));
      h.update(`\0${path.relative(data, e)}\0`).update(
        inside.ok ? fs.readFileSync(inside.absolute) : fs.readlinkSync(e),
      );
    }
  }
  h.update(JSON.stringify([...index.byId.values()].map((a) => [a.id, a.number, a.title, a.sectionId, a.kind])));
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
  const docKey = cache ? documentKey(project, index) : '';
  const rendered = await Promise.all(
    prepared.map(async (p) => {
      if (!cache) return renderChapterMarkdown(p, ctx);
      const key = createHash('sha256')
        .update(
          `${docKey}\0${p.chapter.file}\0${p.label}\0${p.id}\0${p.title}\0${p.chapter.bodyLineOffset}\0${p.chapter.body}`,
        )
        .digest('hex');
      const hit = cache.chapters.get(key);
      if (hit) return hit;
      const fresh = await renderChapterMarkdown(p, ctx);
      cache.chapters.set(key, fresh);
      return fresh;
    }),
  );
  // In document order, whatever order the chapters finished in.
  for (const r of rendered) diagnostics.push(...r.diagnostics);
  const chapters = rendered.map((r) => r.chapter);
  if (cache) {
    // Keep only what the current document could use again.
    const live = new Set(chapters);
    for (const [k, v] of cache.chapters) if (!live.has(v.chapter)) cache.chapters.delete(k);
  }
  return { chapters, index };
}
