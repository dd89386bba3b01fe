/**
 * Property-based tests over the sanitiser (fast-check, fixed seed, bounded runs): Markdown built from
 * random text mixed with the dangerous fragments of the corpus, rendered by the build's own chapter path
 * (renderChapterMarkdown), and hast trees given straight to sanitizeHast, never crash and never come
 * out with an active script, handler, frame, form or script URL.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterHtml } from '../../scripts/assemble/links.js';
import { prepareChapter } from '../../scripts/render/markdown/chapter.js';
import { renderChapterMarkdown } from '../../scripts/render/markdown/pipeline.js';
import { sanitizeHast } from '../../scripts/render/markdown/sanitize.js';
import { cleanCopies } from '../support/example-copy.js';
import { activeContent, DANGER } from './active-content.js';
import { chapterOf, loadExampleDocument } from './chapter.js';

const RUNS = { seed: 20270401, numRuns: 300 } as const;

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DANGER) },
  { weight: 1, arbitrary: fc.mixedCase(fc.constantFrom(...DANGER)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const markdown = fc.array(fragment, { maxLength: 50 }).map((a) => a.join(''));

/** A chapter's Markdown through the build's two passes, published as a section page. */
async function render(md: string) {
  const { info, ctx } = chapterOf(md);
  const pass1 = prepareChapter(info, ctx.index);
  const { chapter, diagnostics } = await renderChapterMarkdown(pass1.prepared, ctx);
  return { html: chapterHtml(chapter, ctx.index, 'page'), diagnostics: [...pass1.diagnostics, ...diagnostics] };
}

describe('the Markdown pipeline under random and hostile input', () => {
  beforeAll(loadExampleDocument, 240_000);
  afterAll(cleanCopies);

  it('never throws and never outputs active content', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (md) => {
        const { html, diagnostics } = await render(md);
        expect(activeContent(html)).toEqual([]);
        for (const d of diagnostics) expect(d.line >= 1 && d.column >= 1, JSON.stringify(d)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary Unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (md) => {
        expect(activeContent((await render(md)).html)).toEqual([]);
      }),
      RUNS,
    );
  });
});

const TAGS = [
  'script',
  'SCRIPT',
  'a',
  'img',
  'iframe',
  'svg',
  'math',
  'div',
  'p',
  'style',
  'input',
  'form',
  'button',
  'details',
  'summary',
  'table',
  'tr',
  'td',
  'h2',
  'span',
  'object',
  'embed',
  'meta',
  'base',
  'link',
  'section',
  'abbr',
  'noscript',
  'template',
];
const PROPS = [
  'href',
  'src',
  'onClick',
  'onerror',
  'onMouseOver',
  'style',
  'id',
  'className',
  'action',
  'formAction',
  'xLinkHref',
  'srcSet',
  'srcDoc',
  'type',
  'disabled',
  'checked',
  'dataFootnotes',
  'ariaDescribedBy',
  'title',
  'open',
  'background',
  'poster',
  'data',
  'name',
  'target',
  'httpEquiv',
  'content',
  'role',
];
const URLS = [
  'javascript:alert(1)',
  ' javascript:x',
  '\u0001javascript:x',
  'java\tscript:x',
  'JAVASCRIPT:x',
  'data:text/html,x',
  'vbscript:x',
  '//evil.example',
  '/x',
  'x.png',
  '#a',
  'https://ok.example',
  'mailto:a@b',
  'text',
  'checkbox',
  'govuk-tag',
  'evil',
  'alert(1)',
];
const value = fc.oneof(
  fc.constantFrom(...URLS),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.integer(),
  fc.array(fc.constantFrom(...URLS), { maxLength: 3 }),
);

const { node } = fc.letrec<{ node: ElementContent; element: Element }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      type: fc.constant('text' as const),
      value: fc.oneof(fc.constantFrom(...DANGER), fc.string({ maxLength: 8 })),
    }),
    fc.record({ type: fc.constant('comment' as const), value: fc.constantFrom('-->', '<script>x</script>', 'x') }),
    fc.constant({ type: 'raw', value: '<script>alert(1)</script>' } as unknown as ElementContent),
    tie('element'),
  ),
  element: fc.record({
    type: fc.constant('element' as const),
    tagName: fc.oneof(fc.constantFrom(...TAGS), fc.string({ maxLength: 5 })),
    properties: fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 5 }),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
}));
const tree = fc.array(node, { maxLength: 5 }).map((children): Root => ({ type: 'root', children }));

describe('sanitizeHast on arbitrary trees', () => {
  it('leaves no active content', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(activeContent(toHtml(sanitizeHast(t)))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is idempotent: a clean tree stays as it is', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const once = sanitizeHast(t);
        expect(sanitizeHast(once)).toEqual(once);
      }),
      RUNS,
    );
  });
});
