/** Reading built pages as trees, for tests that assert on the real HTML. */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export function readPage(dir: string, file: string): Root {
  return fromHtml(fs.readFileSync(path.join(dir, file), 'utf8'));
}

export function elements(tree: Root, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) out.push(el);
  });
  return out;
}

export const byTag = (tree: Root, tag: string): Element[] => elements(tree, (el) => el.tagName === tag);

export function hasClass(el: Element, name: string): boolean {
  const c = el.properties['className'];
  return Array.isArray(c) && c.includes(name);
}

export function text(node: Element | Root): string {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out.replace(/\s+/g, ' ').trim();
}

export function ids(tree: Root): Set<string> {
  return new Set(
    elements(tree, (el) => typeof el.properties['id'] === 'string').map((el) => String(el.properties['id'])),
  );
}
