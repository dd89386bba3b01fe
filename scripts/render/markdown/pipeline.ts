/**
 * The production Markdown path: one unified processor of thin plugins, each a few lines over a tested
 * function. The build, the security corpus, the sanitiser fuzz test and the chapter fuzz test all run
 * `renderChapterMarkdown`, so what is tested is what is published.
 *
 *   parse        remark-parse + remark-gfm + remark-directive    load/markdown.ts parseMarkdownText
 *   number       heading ids and numbers (pass 1, per document)  prepareChapter, headings.ts
 *   ---- pass 2, this processor, on the numbered tree ----
 *   blocks       directives and ```chart -> placeholders         placeBlocks
 *   to hast      remark-rehype, raw HTML kept for the next step  (footnote ids prefixed by section)
 *   raw          rehype-raw: raw HTML parsed as a browser would
 *   trust        our placeholders marked trusted                 trustPlaceholders
 *   report       what the sanitiser will remove, at its line     findUnsafeHtml
 *   images       inside the folder, real image files             checkImages
 *   sanitise     only the allowlist is kept                      sanitizeHast
 *   checks       no local links, no template-owned ids           checkLocalLinks, checkReservedIds
 *   tables       officers' tables scroll in a named region       wrapTables
 *   render       data blocks rendered, put in (site and print)   renderBlocks, withBlocks
 *   cross-refs   every #id known to the document                 checkCrossReferences
 *   stringify    per output (page, single page, print) in assemble/links.ts chapterHtml
 *
 * Every plugin reports into the one list carried by the chapter's file (`file.data.diagnostics`);
 * `renderChapterMarkdown` returns it beside the rendered chapter. Nothing is thrown for content.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { BlockOutput } from '../blocks/block.js';
import {
  type ChapterContext,
  checkCrossReferences,
  firstParagraph,
  type PlacedBlocks,
  type PreparedChapter,
  placeBlocks,
  type RenderedChapter,
  renderBlocks,
  trustPlaceholders,
  withBlocks,
  wrapTables,
} from './chapter.js';
import { checkImages } from './images.js';
import { checkLocalLinks } from './local-links.js';
import { checkReservedIds } from './reserved-ids.js';
import { findUnsafeHtml, sanitizeHast } from './sanitize.js';

declare module 'vfile' {
  interface DataMap {
    /** The one list every plugin of the chapter pipeline reports into. */
    diagnostics: Diagnostic[];
    /** The data blocks the chapter places (set by the blocks plugin). */
    blocks: PlacedBlocks;
    /** The rendered blocks, in the order placed (set by the render plugin). */
    blockOutputs: (BlockOutput | undefined)[];
    /** Images the chapter shows, relative to the root (set by the images plugin). */
    images: string[];
  }
}

const report = (file: VFile): Diagnostic[] => (file.data.diagnostics ??= []);

/** Markdown to hast. Footnote ids are prefixed by the section id so they stay unique on the single page. */
const toHastOptions = (sectionId: string): ToHastOptions => ({
  allowDangerousHtml: true,
  clobberPrefix: `${sectionId}-`,
  footnoteLabel: 'Notes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: { className: ['govuk-heading-s', 'footnotes-heading'] },
  footnoteBackLabel: (n: number) => `Back to reference ${n + 1}`,
});

function remarkBlocks(prepared: PreparedChapter, ctx: ChapterContext) {
  return (tree: MdastRoot, file: VFile) => {
    file.data.blocks = placeBlocks(tree, prepared, ctx, report(file));
  };
}

function rehypeTrustBlocks() {
  return (tree: HastRoot, file: VFile) => {
    if (file.data.blocks) trustPlaceholders(tree, file.data.blocks.nonce);
  };
}

function rehypeImages(prepared: PreparedChapter, ctx: ChapterContext) {
  return (tree: HastRoot, file: VFile) => {
    file.data.images = checkImages(tree, ctx.project, prepared.chapter, report(file));
  };
}

/** What the sanitiser will remove, reported at its line (before images lose a refused address). */
function rehypeReportUnsafe(prepared: PreparedChapter) {
  return (tree: HastRoot, file: VFile) => {
    const { chapter } = prepared;
    report(file).push(...findUnsafeHtml(tree, chapter.file, { lineOffset: chapter.bodyLineOffset }));
  };
}

/** The allowlist sanitiser; trusted placeholders pass as they are. */
function rehypeSanitise() {
  return (tree: HastRoot): HastRoot => sanitizeHast(tree);
}

function rehypeContentChecks(prepared: PreparedChapter) {
  return (tree: HastRoot, file: VFile) => {
    const { chapter } = prepared;
    checkLocalLinks(tree, chapter.file, chapter.bodyLineOffset, report(file));
    checkReservedIds(tree, chapter.file, chapter.bodyLineOffset, report(file));
  };
}

function rehypeTableRegions(prepared: PreparedChapter) {
  return (tree: HastRoot) => wrapTables(tree, prepared.title);
}

function rehypeRenderBlocks(prepared: PreparedChapter, ctx: ChapterContext) {
  return async (_tree: HastRoot, file: VFile) => {
    const placed = file.data.blocks ?? { nonce: '', requests: [] };
    file.data.blockOutputs = await renderBlocks(placed, prepared.id, ctx, report(file));
  };
}

function rehypeCrossReferences(prepared: PreparedChapter, ctx: ChapterContext) {
  return (tree: HastRoot, file: VFile) => checkCrossReferences(tree, prepared, ctx.index, report(file));
}

/**
 * Pass 2 of one chapter as a unified processor. It runs on the tree `prepareChapter` parsed and
 * numbered, and gives the sanitised tree with the blocks' placeholders still in it; the file's data
 * holds the rendered blocks, the images and the diagnostics.
 */
export function createChapterProcessor(prepared: PreparedChapter, ctx: ChapterContext) {
  return unified()
    .use(remarkBlocks, prepared, ctx)
    .use(remarkRehype, toHastOptions(prepared.id))
    .use(rehypeRaw)
    .use(rehypeTrustBlocks)
    .use(rehypeReportUnsafe, prepared)
    .use(rehypeImages, prepared, ctx)
    .use(rehypeSanitise)
    .use(rehypeContentChecks, prepared)
    .use(rehypeTableRegions, prepared)
    .use(rehypeRenderBlocks, prepared, ctx)
    .use(rehypeCrossReferences, prepared, ctx)
    .freeze();
}

/**
 * Render one prepared chapter (pass 2): the build's path, and the one the security tests run. The
 * prepared tree is changed in place (blocks become placeholders). Returns the chapter in its site and
 * print variants, with every problem found.
 */
export async function renderChapterMarkdown(
  prepared: PreparedChapter,
  ctx: ChapterContext,
): Promise<{ chapter: RenderedChapter; diagnostics: Diagnostic[] }> {
  const { chapter } = prepared;
  // The file's text is the body, so the raw-HTML parser gives real positions and warnings point at the right line.
  const file = new VFile({ value: chapter.body, data: { diagnostics: [] } });
  const clean = (await createChapterProcessor(prepared, ctx).run(prepared.tree, file)) as HastRoot;
  const nonce = file.data.blocks?.nonce ?? '';
  const outputs = file.data.blockOutputs ?? [];
  return {
    chapter: {
      chapter,
      label: prepared.label,
      order: prepared.order,
      id: prepared.id,
      title: prepared.title,
      isAppendix: prepared.isAppendix,
      site: withBlocks(clean, nonce, outputs, 'site'),
      print: withBlocks(clean, nonce, outputs, 'print'),
      anchors: prepared.anchors,
      summary: chapter.front.summary ?? firstParagraph(prepared.tree),
      images: file.data.images ?? [],
    },
    diagnostics: report(file),
  };
}
