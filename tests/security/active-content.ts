/**
 * A reference Markdown-to-HTML path around the build's own sanitiser (rehypeSafe: the same
 * findUnsafeHtml and sanitizeHast that renderChapter runs): remark-parse, remark-gfm, remark-rehype
 * with raw HTML kept, rehype-raw, the sanitiser, rehype-stringify. It is not the build's path itself
 * (that one also parses directives, prefixes ids by section and places blocks; chapter-fuzz.test.ts
 * drives it). Plus `activeContent(html)`, which parses the output again and lists anything a browser
 * could run or load: a test asserts that list is empty.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { rehypeSafe } from '../../scripts/render/markdown/sanitize.js';

export function renderMarkdown(
  markdown: string,
  file = 'content/test.md',
  lineOffset = 0,
): { html: string; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSafe, { file, lineOffset, report: (d) => warnings.push(d) })
    .use(rehypeStringify)
    .processSync(markdown);
  return { html: String(html), warnings };
}

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'noscript',
  'template',
  'portal',
  'video',
  'audio',
  'xmp',
  'plaintext',
  'isindex',
  'body',
  'html',
  'head',
  'title',
]);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'srcSet',
  'poster',
  'background',
  'data',
  'cite',
  'longDesc',
  'codeBase',
  'dynsrc',
  'lowsrc',
];
const ACTIVE_SCHEMES = /^(javascript|vbscript|data|livescript|mocha):/;

/** What a browser would see as the URL's scheme: tabs/newlines removed, leading controls and spaces trimmed. */
function browserScheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+/, '')
    .toLowerCase();
}

/** Everything active left in `html`: forbidden elements, handlers, style attributes, script URLs. Empty when safe. */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  if (/<\s*script/i.test(html)) found.push('the text "<script" in the markup');
  const tree = fromHtml(html, { fragment: true });
  const walk = (node: Nodes): void => {
    if (node.type === 'element') {
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(tag)) found.push(`<${tag}>`);
      if (tag === 'input' && !(el.properties['type'] === 'checkbox' && el.properties['disabled'] === true))
        found.push('<input> that is not a disabled checkbox');
      for (const [key, value] of Object.entries(el.properties)) {
        if (/^on/i.test(key)) found.push(`${key} on <${tag}>`);
        if (key === 'style') found.push(`style on <${tag}>`);
        if (URL_ATTRIBUTES.includes(key) && value !== null && value !== undefined) {
          const url = Array.isArray(value) ? value.join(' ') : String(value);
          if (ACTIVE_SCHEMES.test(browserScheme(url))) found.push(`${key}="${url}" on <${tag}>`);
          if (
            tag === 'img' &&
            key === 'src' &&
            (/^[a-z][a-z0-9+.-]*:/i.test(browserScheme(url)) || /^[/\\]/.test(browserScheme(url)))
          )
            found.push(`remote or rooted image ${url}`);
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** Fragments of hostile Markdown and HTML (from the corpus) that the fuzz tests mix into random text. */
export const DANGER = [
  '<script>alert(1)</script>',
  '<script',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg>',
  '<math>',
  '<iframe src=x>',
  '<object data=x>',
  '<embed src=x>',
  '<style>',
  '<form action=x>',
  '<input ',
  '<button>',
  '<textarea>',
  '<select>',
  '<base href=x>',
  '<meta http-equiv=refresh content=0>',
  '<link rel=stylesheet href=x>',
  '<details open ontoggle=alert(1)>',
  '<noscript>',
  '</noscript>',
  '<xmp>',
  '<template>',
  '<title>',
  '<plaintext>',
  '<a href="',
  '<a href=',
  '<img src="',
  '<div ',
  '<p ',
  '">',
  '"',
  "'",
  '`',
  '<',
  '>',
  '/>',
  '=',
  ' on',
  'onerror=',
  'onclick=',
  'style=',
  'href=',
  'src=',
  'srcdoc=',
  'xlink:href=',
  'formaction=',
  'javascript:',
  'JaVaScRiPt:',
  'java\tscript:',
  'jav&#x09;ascript:',
  '&#106;avascript:',
  '&#0000106',
  '&colon;',
  'vbscript:',
  'data:text/html,',
  'alert(1)',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '[x](',
  '](',
  ')',
  '![y](',
  '<javascript:alert(1)>',
  '[r]: ',
  '[r]',
  '[^1]',
  '[^1]: ',
  '| a |\n|---|\n',
  '- [ ] ',
  '```',
  '`',
  '    ',
  '\n',
  '\n\n',
  '\t',
  '\u0000',
  '\uFEFF',
  '&',
];
