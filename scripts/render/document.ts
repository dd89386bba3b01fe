/**
 * Stage 4 of the pipeline, render: all chapters, in two passes (ids first, so cross-references can
 * point forward), into sanitised trees with their data blocks in place.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../load/project.js';
import type { StrategyModel } from '../model/strategy.js';
import type { ChartEnvironment } from './blocks/block.js';
import { AnchorIndex } from './markdown/headings.js';
import { prepareChapter, renderChapter, type ChapterInfo, type RenderedChapter } from './markdown/chapter.js';

export interface RenderedDocument {
  chapters: RenderedChapter[];
  index: AnchorIndex;
}

export async function renderDocument(
  project: Project,
  model: StrategyModel,
  ordered: ChapterInfo[],
  charts: ChartEnvironment,
  diagnostics: Diagnostic[],
): Promise<RenderedDocument> {
  const index = new AnchorIndex();
  const prepared = ordered.map((info) => prepareChapter(info, index, diagnostics));
  const chartIds = [...(charts.charts?.keys() ?? [])].sort();
  const chapters = await Promise.all(prepared.map((p) => renderChapter(p, { project, model, index, chartIds, charts }, diagnostics)));
  return { chapters, index };
}
