/** The sanitiser's API on hand-built trees and URLs, and the corpus checker's own ability to fail. */
import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findUnsafeHtml,
  isRelativePath,
  isSafeHref,
  markTrusted,
  SAFE_ID,
  sanitizeHast,
} from '../../scripts/render/markdown/sanitize.js';
import { chapterHtml } from '../../scripts/assemble/links.js';
import { prepareChapter } from '../../scripts/render/markdown/chapter.js';
import { renderChapterMarkdown } from '../../scripts/render/markdown/pipeline.js';
import { CONTENT_STRIPPED, TEMPLATE_FORBIDDEN } from '../../scripts/util/html-elements.js';
import { cleanCopies } from '../support/example-copy.js';
import { activeContent } from './active-content.js';
import { chapterOf, loadExampleDocument } from './chapter.js';

beforeAll(loadExampleDocument, 240_000);
afterAll(cleanCopies);

/** A chapter's Markdown through the build's two passes: the section page's HTML and every problem. */
async function renderMarkdown(md: string, file?: string, lineOffset?: number) {
  const { info, ctx } = chapterOf(md, file, lineOffset);
  const pass1 = prepareChapter(info, ctx.index);
  const { chapter, diagnostics } = await renderChapterMarkdown(pass1.prepared, ctx);
  return { html: chapterHtml(chapter, ctx.index, 'page'), warnings: [...pass1.diagnostics, ...diagnostics] };
}

const el = (tagName: string, properties: Element['properties'] = {}, children: Element['children'] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const root = (...children: Root['children']): Root => ({ type: 'root', children });
const html = (tree: Root): string => unified().use(rehypeStringify).stringify(tree);

describe('isSafeHref', () => {
  it.each([
    'https://www.gov.uk',
    'http://example.com',
    'mailto:csp@example.gov.uk',
    'tel:+441234',
    '#legal-duties',
    'other.html',
    '/path',
    '?q=1',
    'a/b:c',
    'HTTPS://WWW.GOV.UK',
  ])('allows %s', (url) => {
    expect(isSafeHref(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:x',
    'java\tscript:x',
    'java\nscript:x',
    'vbscript:x',
    'data:text/html,x',
    'file:///etc/passwd',
    'java\uFFFDscript:x',
    'ftp://x',
  ])('refuses %j', (url) => {
    expect(isSafeHref(url)).toBe(false);
  });
});

describe('isRelativePath', () => {
  it.each(['images/map.png', 'map.png', './images/a.png', 'images/a.png?v=1', 'a/b:c.png', 'images/my%20map.png'])(
    'allows %s',
    (url) => {
      expect(isRelativePath(url)).toBe(true);
    },
  );
  it.each([
    'https://evil.example/t.gif',
    '//evil.example/t.gif',
    ' //evil.example',
    '\t//evil.example',
    '/etc/passwd',
    '\\\\evil\\x',
    'images\\..\\x.png',
    'data:image/png;base64,AA',
    'javascript:alert(1)',
    '',
    'c:/x.png',
  ])('refuses %j', (url) => {
    expect(isRelativePath(url)).toBe(false);
  });
});

describe('sanitizeHast', () => {
  it('keeps slug ids unprefixed and drops other ids', () => {
    const out = html(
      sanitizeHast(
        root(
          el('h2', { id: 'tackling-vawg' }, [{ type: 'text', value: 'A' }]),
          el('h3', { id: 'Bad_Id' }),
          el('h3', { id: '-x' }),
        ),
      ),
    );
    expect(out).toBe('<h2 id="tackling-vawg">A</h2><h3></h3><h3></h3>');
    expect(SAFE_ID.test('user-content-fn-1')).toBe(true);
  });

  it("keeps allowed classes (including the build's heading-number) and drops the rest", () => {
    const out = html(
      sanitizeHast(
        root(
          el('span', {
            className: ['heading-number', 'govuk-tag', 'rag-amber', 'kpi-card', 'chart', 'evil', 'js-hook'],
          }),
        ),
      ),
    );
    expect(out).toBe('<span class="heading-number govuk-tag rag-amber kpi-card chart"></span>');
  });

  it('removes handlers, style and script URLs from a hand-built tree', () => {
    const tree = root(
      el('a', { href: 'javascript:alert(1)', onClick: 'alert(2)', style: 'color:red', target: '_blank' }, [
        { type: 'text', value: 'x' },
      ]),
      el('img', { src: 'https://evil.example/x.png', alt: 'a', onError: 'alert(3)' }),
    );
    expect(html(sanitizeHast(tree))).toBe('<a>x</a><img alt="a">');
  });

  it('normalises an upper-case allowed scheme instead of dropping the link', async () => {
    expect((await renderMarkdown('<a href="HTTPS://www.gov.uk">gov</a>')).html).toBe(
      '<p><a href="https://www.gov.uk">gov</a></p>',
    );
  });

  it('does not change its input', () => {
    const tree = root(
      el('div', { onClick: 'x', id: 'Bad' }, [el('script', {}, [{ type: 'text', value: 'alert(1)' }])]),
    );
    const before = structuredClone(tree);
    sanitizeHast(tree);
    expect(tree).toEqual(before);
  });

  it('passes a block marked trusted through untouched, and only that block', () => {
    const block = () => el('div', { className: ['app-kpi-table'], dataKpi: 'asb-1' }, [{ type: 'text', value: 'KPI' }]);
    const out = html(sanitizeHast(root(markTrusted(block()), block())));
    expect(out).toBe('<div class="app-kpi-table" data-kpi="asb-1">KPI</div><div>KPI</div>');
  });

  it('drops a trusted block placed inside an element that is stripped', () => {
    expect(
      html(sanitizeHast(root(el('script', {}, [markTrusted(el('div', {}, [{ type: 'text', value: 'x' }]))])))),
    ).toBe('');
  });

  it('drops raw HTML strings outright when rehype-raw did not parse them', () => {
    expect(html(sanitizeHast(root({ type: 'raw', value: '<script>alert(1)</script>' } as unknown as Element)))).toBe(
      '',
    );
  });
});

describe('findUnsafeHtml', () => {
  it('gives each removal the chapter line, counting the front matter', async () => {
    const { warnings } = await renderMarkdown(
      'Intro\n\n<p onclick="x">a</p>\n',
      'content/05-strategic-priorities.md',
      4,
    );
    expect(warnings).toEqual([
      {
        file: 'content/05-strategic-priorities.md',
        line: 7,
        column: 1,
        severity: 'warning',
        ruleId: 'html/removed',
        message: 'Unsafe HTML was removed: the onclick event handler on <p>.',
        hint: 'Write the content in Markdown; scripts, styles, frames, forms and event handlers are never published.',
      },
    ]);
  });

  it('falls back to the parent position for nodes without one', () => {
    const tree = root(el('div', {}, [el('script')]));
    (tree.children[0] as Element).position = { start: { line: 3, column: 2 }, end: { line: 3, column: 9 } };
    expect(findUnsafeHtml(tree, 'content/a.md').map((d) => [d.line, d.column, d.message])).toEqual([
      [3, 2, 'Unsafe HTML was removed: the <script> element.'],
    ]);
  });
});

describe('the one list of refused elements', () => {
  it('holds what runs script, embeds a document or plugin, redirects addresses or submits a form', () => {
    for (const tag of ['iframe', 'frame', 'object', 'embed', 'applet', 'portal', 'base', 'form'])
      expect(TEMPLATE_FORBIDDEN).toContain(tag);
    for (const tag of [...TEMPLATE_FORBIDDEN, 'script', 'style', 'svg', 'math', 'template', 'meta', 'link', 'noscript'])
      expect(CONTENT_STRIPPED).toContain(tag);
  });

  it('is what the sanitiser drops with its contents', () => {
    for (const tag of CONTENT_STRIPPED) {
      const tree = root(el('div', {}, [el(tag, {}, [{ type: 'text', value: 'inside' }])]));
      expect(html(sanitizeHast(tree)), tag).toBe('<div></div>');
    }
  });
});

describe('activeContent (the corpus checker) can fail', () => {
  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<img src=x onerror=alert(1)>', 'onError on <img>'],
    ['<a href=" jav&#x09;ascript:alert(1)">x</a>', 'href=" jav\tascript:alert(1)" on <a>'],
    ['<iframe></iframe>', '<iframe>'],
    ['<p style="x">a</p>', 'style on <p>'],
    ['<input type="text">', '<input> that is not a disabled checkbox'],
    ['<img src="//evil.example/x.png">', 'remote or rooted image //evil.example/x.png'],
  ])('finds %s', (markup, finding) => {
    expect(activeContent(markup)).toContain(finding);
  });
});
