/**
 * A strategy may bring its own templates/ (designers change the look without touching TypeScript),
 * and those arrive through pull requests like any content. The pages they make are therefore checked
 * like content: no script (but the dev server's own), no event handlers, no javascript: addresses, no
 * frames or plugins, and the Content-Security-Policy still in place. Built-in templates are not
 * checked here; their tests do that.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import type { OutputPage } from './pages.js';

const FORBIDDEN = new Set(['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'form', 'portal']);
const URL_PROPS = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster'];

export function checkTemplatePages(pages: readonly { page: OutputPage; template: string; site: boolean }[], opts: { devReload: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { page, template, site } of pages) {
    const file = `templates/${template}.hbs`;
    const report = (what: string, at?: { line: number; column: number }) => out.push(diag('template/unsafe', file, at, [page.path, what]));
    const tree = fromHtml(page.html);
    let csp = false;
    visit(tree, 'element', (el: Element) => {
      const at = el.position ? { line: el.position.start.line, column: el.position.start.column } : undefined;
      if (el.tagName === 'script') {
        const src = String(el.properties['src'] ?? '');
        if (!(opts.devReload && src === 'assets/dev-reload.js')) report('a <script> element', at);
      }
      if (FORBIDDEN.has(el.tagName)) report(`a <${el.tagName}> element`, at);
      if (el.tagName === 'meta' && String(el.properties['httpEquiv'] ?? '').toLowerCase() === 'content-security-policy') csp = true;
      for (const [key, value] of Object.entries(el.properties)) {
        if (/^on/i.test(key)) report(`an event handler (${key.toLowerCase()}) on <${el.tagName}>`, at);
        if (URL_PROPS.includes(key) && /^\s*(javascript|vbscript|data):/i.test(String(value).replace(/[\u0000-\u001f]/g, ''))) {
          report(`a ${String(value).split(':')[0]}: address on <${el.tagName}>`, at);
        }
      }
    });
    if (site && !csp) report('no Content-Security-Policy meta tag (it is in the built-in partials/head.hbs)');
  }
  return out;
}
