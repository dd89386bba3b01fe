/**
 * Hostile Markdown goes through the build's own chapter path: this only sets up what a chapter needs
 * from the rest of the document, as a chapter put in place of section 3 of a copy of the example
 * strategy (read once), with one real image, `content/images/map.png`. The tests then call
 * `prepareChapter` and `renderChapterMarkdown` themselves, and stringify with the build's `chapterHtml`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCharts } from '../../scripts/figures/vega-lite/check.js';
import { chartFileNames, chartIdOf } from '../../scripts/load/chart.js';
import { loadProject, type Project } from '../../scripts/load/project.js';
import { buildModel } from '../../scripts/model/strategy.js';
import { type ChapterContext, type ChapterInfo, prepareChapter } from '../../scripts/render/markdown/chapter.js';
import { AnchorIndex } from '../../scripts/render/markdown/headings.js';
import { checkChapters } from '../../scripts/validate/chapters.js';
import { copyExample } from '../support/example-copy.js';

/** The first bytes of a PNG file: enough for the build's check of an image's type. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const SECTION = 'partnership-context';

interface ExampleDocument {
  project: Project;
  base: Omit<ChapterContext, 'index'>;
  /** Pass 1 of every other chapter: their ids, so a case can link to `#legal-duties`. */
  others: AnchorIndex;
}
let example: ExampleDocument | undefined;

/**
 * Read the example once (its charts are checked in the sandbox, asynchronously): a test file calls this
 * in `beforeAll` before it calls `chapterOf`.
 */
export async function loadExampleDocument(): Promise<void> {
  if (!example) {
    const root = copyExample();
    fs.mkdirSync(path.join(root, 'content/images'));
    fs.writeFileSync(path.join(root, 'content/images/map.png'), PNG);
    const project = loadProject(root);
    const { charts } = await loadCharts(project);
    const others = new AnchorIndex();
    for (const info of checkChapters(project.chapters).ordered.filter((c) => c.id !== SECTION))
      prepareChapter(info, others);
    example = {
      project,
      others,
      base: {
        project,
        model: buildModel(project),
        chartIds: chartFileNames(project.root).map(chartIdOf),
        charts: { charts, cacheDir: false },
      },
    };
  }
}

function exampleDocument(): ExampleDocument {
  if (!example) throw new Error('Call loadExampleDocument() in beforeAll before chapterOf()');
  return example;
}

/**
 * `body` as section 3 of the example, in `file` (images are looked for beside it), with `lineOffset`
 * lines of front matter above it. Each call has its own copy of the document's index.
 */
export function chapterOf(
  body: string,
  file = 'content/03-partnership-context.md',
  lineOffset = 0,
): { info: ChapterInfo; ctx: ChapterContext } {
  const { project, base, others } = exampleDocument();
  const chapter = project.chapters.find((c) => c.front.section === 3)!;
  const index = new AnchorIndex();
  for (const [id, anchor] of others.byId) index.byId.set(id, anchor);
  return {
    info: {
      chapter: { ...chapter, file, body, bodyLineOffset: lineOffset },
      label: '3',
      order: 3,
      id: SECTION,
      title: 'Partnership Context',
      isAppendix: false,
    },
    ctx: { ...base, index },
  };
}
