/**
 * The security tests' own checker, separate from the sanitiser's code: `activeContent(html)` parses
 * published HTML again, as a browser would, and lists anything it could run or load (an element on the
 * project's one list of refused elements, event handlers, style attributes, script URLs, remote images);
 * a test asserts that list is empty. Plus
 * DANGER, the fragments of the corpus that the fuzz tests mix into random text. The Markdown the tests
 * feed in goes through the build's own path (chapter.ts here sets it up), never a pipeline of its own.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { CONTENT_STRIPPED } from '../../scripts/util/html-elements.js';

/** Everything the project strips from content (its one list), and the document-level tags on top. */
const FORBIDDEN_ELEMENTS = new Set([...CONTENT_STRIPPED, 'isindex', 'body', 'html', 'head']);
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
