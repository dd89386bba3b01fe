/**
 * Heading ids and numbers. Sections are numbered 1–10 (appendices A, B…) and their headings below
 * them (5.1, 5.1.1), identically on the site and in the PDF. A heading's id is its explicit
 * `{#my-id}` suffix, or a slug of its text, unique across the whole document.
 */
import type { Heading, Root, Text } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import { closest } from '../../diagnostics/suggest.js';

export interface Anchor {
  id: string;
  /** "5", "5.2", "A.1"; empty for unnumbered (level 5+) headings. */
  number: string;
  title: string;
  /** The id of the section (page) the anchor is on. */
  sectionId: string;
  kind: 'section' | 'heading';
  depth: number;
  file: string;
  line: number;
  column: number;
}

/** Deterministic, GitHub-like slug: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' || /^[0-9]/.test(slug) ? `h-${slug || 'heading'}` : slug;
}

const EXPLICIT_ID = /\s*\{#([A-Za-z0-9][A-Za-z0-9-]*)\}\s*$/;

/** Registry of ids across the whole document, so every id is unique and cross-references resolve. */
export class AnchorIndex {
  readonly byId = new Map<string, Anchor>();
  add(anchor: Anchor, diagnostics: Diagnostic[]): boolean {
    const existing = this.byId.get(anchor.id);
    if (existing) {
      diagnostics.push(
        diag('xref/duplicate-id', anchor.file, anchor, [
          anchor.id,
          `${existing.file}:${existing.line}:${existing.column}`,
        ]),
      );
      return false;
    }
    this.byId.set(anchor.id, anchor);
    return true;
  }
  /** A fresh slug: `risks`, then `risks-1`, `risks-2`… */
  unique(base: string): string {
    if (!this.byId.has(base)) return base;
    for (let i = 1; ; i++) if (!this.byId.has(`${base}-${i}`)) return `${base}-${i}`;
  }
  closest(id: string): string | undefined {
    return closest(id, [...this.byId.keys()]);
  }
}

/**
 * Give every heading of a chapter its id and number, in place: the id goes to `data.hProperties`, the
 * number to a leading `<span class="heading-number">`. Level-1 headings are an error (the chapter's
 * title comes from its front matter).
 */
export function numberHeadings(
  tree: Root,
  section: { label: string; id: string; file: string; lineOffset: number },
  index: AnchorIndex,
): { anchors: Anchor[]; diagnostics: Diagnostic[] } {
  const anchors: Anchor[] = [];
  const diagnostics: Diagnostic[] = [];
  const counters = [0, 0, 0, 0, 0, 0, 0];
  visit(tree, 'heading', (node: Heading) => {
    const line = (node.position?.start.line ?? 1) + section.lineOffset;
    const column = node.position?.start.column ?? 1;
    if (node.depth === 1) {
      diagnostics.push(diag('markdown/heading-level', section.file, { line, column }, ['1']));
      return;
    }
    // Explicit id: `## Title {#my-id}` at the end of the last text child.
    let explicit: string | undefined;
    const last = node.children.at(-1);
    if (last && last.type === 'text') {
      const m = EXPLICIT_ID.exec(last.value);
      if (m) {
        explicit = m[1]!.toLowerCase();
        last.value = last.value.slice(0, m.index);
      }
    }
    const title = mdastText(node).trim();
    counters[node.depth]! += 1;
    for (let d = node.depth + 1; d < counters.length; d++) counters[d] = 0;
    const number =
      node.depth <= 4 ? [section.label, ...counters.slice(2, node.depth + 1).map((n) => String(n || 1))].join('.') : '';
    const slug = slugify(title);
    const id = explicit ?? index.unique(slug);
    // Two headings with the same text: the second silently gets `-1`, and a link to `#slug` goes to the first.
    const same = explicit === undefined && id !== slug ? index.byId.get(slug) : undefined;
    if (same?.kind === 'heading')
      diagnostics.push(
        diag('xref/duplicate-heading', section.file, { line, column }, [
          title,
          `${same.file}:${same.line}:${same.column}`,
          id,
          slug,
        ]),
      );
    const anchor: Anchor = {
      id,
      number,
      title,
      sectionId: section.id,
      kind: 'heading',
      depth: node.depth,
      file: section.file,
      line,
      column,
    };
    if (index.add(anchor, diagnostics)) anchors.push(anchor);
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    if (number) {
      const numberNode = {
        type: 'text',
        value: number,
        data: {
          hName: 'span',
          hProperties: { className: ['heading-number'] },
          hChildren: [{ type: 'text', value: number }],
        },
      } as unknown as Text;
      node.children.unshift(numberNode, { type: 'text', value: ' ' });
    }
  });
  return { anchors, diagnostics };
}
