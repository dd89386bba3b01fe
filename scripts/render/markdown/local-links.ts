/**
 * Links in a chapter go to a part of the strategy (`#id`) or to a full web address. A relative or rooted
 * link (`plan.pdf`, `../data/kpis.yaml`, `/docs/x`) points at the builder's own files: on the website it
 * is dead, and in the PDF Chromium turns it into `file:///…/<out>.building-<pid>/…`, which leaks the
 * builder's path and makes the PDF differ on every build. Such links are refused at their position and
 * lose their address, so no local path is ever written into the site or the PDF.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function checkLocalLinks(tree: Root, file: string, lineOffset: number, diagnostics: Diagnostic[]): void {
  visit(tree, 'element', (el: Element) => {
    if (el.tagName !== 'a' && el.tagName !== 'area') return;
    const href = el.properties['href'];
    if (typeof href !== 'string') return;
    const trimmed = href.trim();
    if (trimmed.startsWith('#')) return;
    if (SCHEME.test(trimmed) && !/^file:/i.test(trimmed)) return;
    const pos = el.position?.start;
    diagnostics.push(
      diag('link/local', file, { line: (pos?.line ?? 1) + lineOffset, column: pos?.column ?? 1 }, [href]),
    );
    delete el.properties['href'];
  });
}
