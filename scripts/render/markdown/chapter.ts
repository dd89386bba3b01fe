/**
 * The tested functions one chapter is rendered with; pipeline.ts strings them together as unified
 * plugins. Two passes, so that cross-references can point anywhere in the document:
 *
 *   pass 1 (prepareChapter): parse -> number headings and register ids in the document's index
 *   pass 2 (pipeline.ts):    directives -> placeholders (placeBlocks) -> hast -> raw HTML parsed
 *                            -> sanitised -> checks -> data blocks rendered and put in (renderBlocks,
 *                            withBlocks) -> cross-references checked (checkCrossReferences)
 *
 * The officer's content is sanitised; data blocks are built by our renderers from escaped values and
 * inserted after sanitising, behind a placeholder whose name is derived from the chapter's own text,
 * so content cannot forge one.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Code, Root as MdastRoot, RootContent } from 'mdast';
import type { LeafDirective, TextDirective, ContainerDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import type { Project, SourceRef } from '../../load/project.js';
import type { StrategyModel } from '../../model/strategy.js';
import type { BlockDefinition, BlockOutput, ChartEnvironment } from '../blocks/block.js';
import { checkDirective } from '../blocks/index.js';
import type { AnchorIndex } from './headings.js';
import { markTrusted } from './sanitize.js';
import { chartBlock } from '../blocks/charts.js';
import { safeDecode } from '../../util/url.js';

export type { ChapterInfo } from '../../validate/chapters.js';
// Pass 1 and the chapter types live in ./prepare.ts, which loads none of the data blocks (a `check` that
// finds every chapter rendered before needs only pass 1).
export { prepareChapter, type PreparedChapter, type RenderedChapter } from './prepare.js';
import type { PreparedChapter } from './prepare.js';

export interface BlockRequest {
  block: BlockDefinition;
  attrs: Record<string, string>;
  at: SourceRef;
}

/** What a chapter needs from the rest of the document to render. */
export interface ChapterContext {
  project: Project;
  model: StrategyModel;
  /** Every id and number of the document (pass 1 of every chapter). */
  index: AnchorIndex;
  /** Every chart file's id, known or not. */
  chartIds: readonly string[];
  charts: ChartEnvironment;
}

/** The data blocks a chapter places: their requests in order, behind placeholders marked with `nonce`. */
export interface PlacedBlocks {
  nonce: string;
  requests: (BlockRequest | undefined)[];
}

const PLACEHOLDER = 'dataStrategyBlock';

/**
 * Directives, in place: a leaf directive (`::kpi-table{priority=vawg}`) or an inline ```` ```chart ````
 * block becomes an empty placeholder `<div>` whose name is derived from the chapter's own text (so content
 * cannot forge one), with its checked request beside it; a text directive (a stray "word:thing") goes
 * back to its text; a container directive is refused.
 */
export function placeBlocks(
  tree: MdastRoot,
  prepared: PreparedChapter,
  ctx: Pick<ChapterContext, 'model' | 'chartIds' | 'charts'>,
  diagnostics: Diagnostic[],
): PlacedBlocks {
  const { chapter } = prepared;
  const offset = chapter.bodyLineOffset;
  const nonce = createHash('sha256').update(chapter.file).update('\0').update(chapter.body).digest('hex').slice(0, 16);
  const requests: (BlockRequest | undefined)[] = [];
  let inlineCharts = 0;
  const posOf = (node: { position?: { start: { line: number; column: number } } | undefined }): SourceRef => ({
    file: chapter.file,
    line: (node.position?.start.line ?? 1) + offset,
    column: node.position?.start.column ?? 1,
  });

  visit(tree, (node, i, parent) => {
    if (!parent || i === undefined) return;
    if (node.type === 'textDirective') {
      const d = node as TextDirective;
      const start = d.position?.start.offset;
      const end = d.position?.end.offset;
      const text = start !== undefined && end !== undefined ? chapter.body.slice(start, end) : `:${d.name}`;
      (parent.children as RootContent[]).splice(i, 1, { type: 'text', value: text });
      return SKIP;
    }
    if (node.type === 'containerDirective') {
      const d = node as ContainerDirective;
      diagnostics.push(diag('directive/container', chapter.file, posOf(d), [d.name]));
      (parent.children as RootContent[]).splice(i, 1);
      return [SKIP, i];
    }
    const isInlineChart = node.type === 'code' && (node as Code).lang === 'chart';
    if (node.type === 'leafDirective' || isInlineChart) {
      let request: BlockRequest | undefined;
      if (isInlineChart) {
        request = inlineChart(node as Code, prepared, ctx.charts, inlineCharts++);
      } else {
        const d = node as LeafDirective;
        const at = posOf(d);
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(d.attributes ?? {})) if (typeof v === 'string') attrs[k] = v;
        const block = checkDirective(
          d.name,
          attrs,
          { at, model: ctx.model, charts: ctx.charts.charts },
          ctx.chartIds,
          diagnostics,
        );
        request = block ? { block, attrs, at } : undefined;
      }
      requests.push(request);
      const placeholder = {
        type: 'paragraph',
        children: [],
        data: { hName: 'div', hProperties: { [PLACEHOLDER]: `${nonce}:${requests.length - 1}` } },
      } as unknown as RootContent;
      (parent.children as RootContent[]).splice(i, 1, placeholder);
      return SKIP;
    }
    return undefined;
  });
  return { nonce, requests };
}

/** Mark the chapter's own placeholders trusted (after raw HTML is parsed), so the sanitiser keeps them. */
export function trustPlaceholders(tree: HastRoot, nonce: string): void {
  visit(tree, 'element', (el: Element) => {
    const v = el.properties[PLACEHOLDER];
    if (typeof v === 'string' && v.startsWith(`${nonce}:`)) markTrusted(el);
  });
}

/** Render the placed blocks (charts among them are async and cached); `undefined` where a request failed its checks. */
export async function renderBlocks(
  placed: PlacedBlocks,
  sectionId: string,
  ctx: Pick<ChapterContext, 'project' | 'model' | 'charts'>,
  diagnostics: Diagnostic[],
): Promise<(BlockOutput | undefined)[]> {
  const outputs = await Promise.all(
    placed.requests.map(
      async (r): Promise<BlockOutput | undefined> =>
        r
          ? r.block.render({ project: ctx.project, model: ctx.model, at: r.at, sectionId, charts: ctx.charts }, r.attrs)
          : undefined,
    ),
  );
  for (const out of outputs) if (out?.diagnostics) diagnostics.push(...out.diagnostics);
  return outputs;
}

/** A copy of the sanitised tree with each placeholder replaced by its block's site or print variant. */
export function withBlocks(
  clean: HastRoot,
  nonce: string,
  outputs: readonly (BlockOutput | undefined)[],
  variant: 'site' | 'print',
): HastRoot {
  const copy = structuredClone(clean);
  visit(copy, 'element', (el: Element, i, parent) => {
    const v = el.properties[PLACEHOLDER];
    if (typeof v !== 'string' || !v.startsWith(`${nonce}:`) || !parent || i === undefined) return undefined;
    const out = outputs[Number(v.slice(nonce.length + 1))];
    const replacement: ElementContent = {
      type: 'raw',
      value: out ? out[variant].value : '',
    } as unknown as ElementContent;
    parent.children.splice(i, 1, replacement);
    return SKIP;
  });
  return copy;
}

/**
 * A chart written inline in a chapter, as a fenced block whose language is `chart` and whose text is
 * what a data/charts/ file would hold (title, description, spec); ```chart id=my-chart names it. Load
 * read it and figures checked it (with positions in the chapter); here it is only drawn, the same way
 * as a chart file. One with errors (already reported) leaves its place empty.
 */
function inlineChart(
  node: Code,
  prepared: PreparedChapter,
  charts: ChartEnvironment,
  n: number,
): BlockRequest | undefined {
  const { chapter } = prepared;
  const chart = charts.inline?.get(chapter.file)?.[n];
  if (!chart) return undefined;
  const at = {
    file: chapter.file,
    line: (node.position?.start.line ?? 1) + chapter.bodyLineOffset,
    column: node.position?.start.column ?? 1,
  };
  const block: BlockDefinition = {
    name: 'chart',
    description: 'An inline chart',
    attributes: [],
    example: '```chart',
    render: (ctx) => chartBlock(ctx, { kind: 'officer', id: chart.id }, new Map([[chart.id, chart]])),
  };
  return { block, attrs: {}, at };
}

/**
 * Officers' Markdown tables scroll sideways on a phone inside a region that a keyboard can reach, named
 * after the heading above the table (GFM tables have no caption), as GOV.UK does for wide tables.
 */
export function wrapTables(tree: HastRoot, sectionTitle: string): void {
  let heading = sectionTitle;
  const walk = (parent: HastRoot | Element): void => {
    parent.children.forEach((child, i) => {
      if (child.type !== 'element') return;
      if (/^h[2-6]$/.test(child.tagName)) {
        heading = toText(child).replace(/^[\dA-Z]+(\.\d+)*\s+/, '');
        return;
      }
      if (child.tagName === 'table') {
        parent.children[i] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-wrap'], role: 'region', ariaLabel: `Table: ${heading}`, tabIndex: 0 },
          children: [child],
        };
        return;
      }
      walk(child);
    });
  };
  walk(tree);
}

function toText(node: Element): string {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out.trim();
}

/** The chapter's first paragraph as text, shortened for the contents and search. */
export function firstParagraph(tree: MdastRoot): string {
  const p = tree.children.find((c) => c.type === 'paragraph');
  if (!p) return '';
  let text = '';
  visit(p, 'text', (t: { value: string }) => {
    text += t.value;
  });
  return text.length > 220 ? `${text.slice(0, 217).replace(/\s+\S*$/, '')}…` : text;
}

/** Every `#id` link must point at a known section or heading. */
export function checkCrossReferences(
  tree: HastRoot,
  prepared: PreparedChapter,
  index: AnchorIndex,
  diagnostics: Diagnostic[],
): void {
  visit(tree, 'element', (el: Element) => {
    if (el.tagName !== 'a') return;
    const href = el.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#')) return;
    if (el.properties['dataFootnoteRef'] !== undefined || el.properties['dataFootnoteBackref'] !== undefined) return;
    const id = safeDecode(href.slice(1)) ?? href.slice(1);
    if (id.startsWith(`${prepared.id}-fn`) || id.startsWith(`${prepared.id}-footnote`)) return;
    if (!index.byId.has(id)) {
      const pos = el.position?.start;
      const at = { line: (pos?.line ?? 1) + prepared.chapter.bodyLineOffset, column: pos?.column ?? 1 };
      diagnostics.push(diag('xref/unknown', prepared.chapter.file, at, [id, index.closest(id) ?? '']));
    }
  });
}
