/**
 * Ids the page templates give their own elements (the skip link's target `main-content`, the contents
 * and the footer's headings). A chapter that used one, by a heading (`## Main content`) or by raw HTML
 * (`<div id="main-content">`), would make a second element with it: the skip link and the contents
 * would jump into the chapter instead. Such an id is refused at its position and removed.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';

export const TEMPLATE_IDS: readonly string[] = [
  'main-content',
  'single-contents',
  'print-contents-title',
  'about-this-document',
  'kpi-status-heading',
  'open-data',
  'about-decisions',
  'about-formats',
  'dev-problems',
];

export function checkReservedIds(tree: Root, file: string, lineOffset: number, diagnostics: Diagnostic[]): void {
  visit(tree, 'element', (el: Element) => {
    const id = el.properties['id'];
    if (typeof id !== 'string' || !TEMPLATE_IDS.includes(id)) return;
    const pos = el.position?.start;
    diagnostics.push(
      diag('id/reserved', file, { line: (pos?.line ?? 1) + lineOffset, column: pos?.column ?? 1 }, [id]),
    );
    delete el.properties['id'];
  });
}
