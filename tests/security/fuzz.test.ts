/**
 * Property-based tests over the sanitiser (fast-check, fixed seed, bounded runs): Markdown and hast
 * trees built from random text mixed with the dangerous fragments of the corpus never crash the
 * pipeline and never come out with an active script, handler, frame, form or script URL.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeHast } from '../../scripts/render/markdown/sanitize.js';
import { activeContent, DANGER, renderMarkdown } from './pipeline.js';

const RUNS = { seed: 20270401, numRuns: 300 } as const;

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DANGER) },
  { weight: 1, arbitrary: fc.mixedCase(fc.constantFrom(...DANGER)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const markdown = fc.array(fragment, { maxLength: 50 }).map((a) => a.join(''));

describe('the Markdown pipeline under random and hostile input', () => {
  it('never throws and never outputs active content', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const { html, warnings } = renderMarkdown(md);
        expect(activeContent(html)).toEqual([]);
        for (const w of warnings) expect(w.line >= 1 && w.column >= 1 && w.ruleId === 'html/removed').toBe(true);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (md) => {
        expect(activeContent(renderMarkdown(md).html)).toEqual([]);
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
