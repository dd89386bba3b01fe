/**
 * The allowlist sanitiser for chapter HTML. Chapters come from many hands through pull requests and are
 * published on a council's website, so after Markdown (and any raw HTML, parsed by rehype-raw) becomes
 * a hast tree, only what officers legitimately need survives: headings with ids, paragraphs, lists,
 * tables, abbreviations, details/summary, quotes, code, GFM footnotes and task lists, links to http(s),
 * mailto, tel or within the site, and images by relative path. Scripts, styles, frames, objects, forms,
 * SVG/MathML, event handlers, style attributes and `javascript:`/`data:`/`vbscript:` URLs never do.
 *
 * The work is the pure `sanitizeHast(tree)`; the chapter pipeline (pipeline.ts) runs it as a plugin.
 * `findUnsafeHtml(tree, file)` lists what will be removed, as warnings with positions, so an officer
 * learns why the pasted embed vanished. The elements dropped with their contents are the project's one
 * list (util/html-elements.ts), which the template guard checks too.
 */
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import { CONTENT_STRIPPED } from '../../util/html-elements.js';

/** Ids the build numbers and cross-references: lower-case letters, digits and hyphens (slugs). */
export const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** URL schemes a link may use; anything else with a scheme (javascript:, data:, vbscript:, file:…) is dropped. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto', 'tel'] as const;

/** Class names content may carry (each class of a `class="a b"` list is checked on its own). */
const CLASS_NAMES: (string | RegExp)[] = [
  /^govuk-[a-z0-9-]+$/,
  'chart',
  /^kpi-[a-z0-9-]+$/,
  /^rag-[a-z0-9-]+$/,
  'footnotes',
  'sr-only',
  'data-footnote-backref',
  'task-list-item',
  'contains-task-list',
  'heading-number',
  /^language-[a-z0-9+#._-]+$/i,
];

/** ARIA roles that only describe structure; widget roles (button, link, dialog…) are not content's to claim. */
const ROLES = [
  'note',
  'region',
  'group',
  'figure',
  'img',
  'list',
  'listitem',
  'table',
  'row',
  'cell',
  'columnheader',
  'rowheader',
  'presentation',
  'none',
  'doc-footnote',
  'doc-endnotes',
  'doc-noteref',
  'doc-backlink',
];

/** Elements dropped with everything inside them (the project's one list, shared with the template guard). */
const STRIP = CONTENT_STRIPPED;

const TAG_NAMES = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
];

const cellAttributes = [
  ['align', 'left', 'center', 'right'] as [string, ...string[]],
  'colSpan',
  'rowSpan',
  'headers',
] as const;

/** The schema: rehype-sanitize's GitHub-like default, narrowed to what a strategy needs. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  allowComments: false,
  allowDoctypes: false,
  tagNames: TAG_NAMES,
  strip: [...STRIP],
  ancestors: { ...defaultSchema.ancestors, caption: ['table'], col: ['table'], colgroup: ['table'] },
  attributes: {
    '*': [
      ['className', ...CLASS_NAMES],
      ['id', SAFE_ID],
      'title',
      'lang',
      ['dir', 'ltr', 'rtl', 'auto'],
      ['role', ...ROLES],
      'ariaLabel',
      ['ariaDescribedBy', SAFE_ID],
      ['ariaLabelledBy', SAFE_ID],
    ],
    a: ['href', 'hrefLang', 'dataFootnoteRef', 'dataFootnoteBackref'],
    img: ['src', 'alt', 'width', 'height'],
    th: [...cellAttributes, ['scope', 'col', 'row', 'colgroup', 'rowgroup'], 'abbr'],
    td: [...cellAttributes],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', ['type', '1', 'a', 'A', 'i', 'I']],
    details: ['open'],
    section: ['dataFootnotes'],
    time: ['dateTime'],
    input: [
      ['type', 'checkbox'],
      ['disabled', true],
      ['checked', true],
    ],
  },
  // Ids are kept as written (the build numbers headings and resolves cross-references by id); instead
  // of GitHub's `user-content-` prefix they are restricted to slugs by SAFE_ID.
  clobber: [],
  clobberPrefix: '',
  protocols: {
    href: [...LINK_PROTOCOLS],
    // No scheme is allowed for images; `isRelativePath` also refuses `//host` and `/path` afterwards.
    src: ['relative-paths-only'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
};

/**
 * A URL's scheme as a browser sees it (tabs and newlines removed, leading spaces and controls ignored),
 * lower-cased. Anything before a colon that comes ahead of the first `/`, `?` or `#` counts, even when
 * it is not a valid scheme (`java\uFFFDscript:`), so such a prefix is never mistaken for a relative path.
 */
function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const u = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const end = u.search(/[/?#]/);
  const head = end === -1 ? u : u.slice(0, end);
  const colon = head.indexOf(':');
  return colon > 0 ? head.slice(0, colon).toLowerCase() : undefined;
}

/** Whether a link target is safe: no scheme (relative, `#fragment`, `/path`) or an allowed one. */
export function isSafeHref(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || (LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

/** Whether an image source is a path relative to the page: no scheme, no `//host`, no `/`, no `\`. */
export function isRelativePath(url: string): boolean {
  const u = url.replace(/[\t\n\r]/g, '');
  // eslint-disable-next-line no-control-regex
  if (u === '' || /^[\u0000-\u0020/\\]/.test(u) || u.includes('\\')) return false;
  const end = u.search(/[/?#]/);
  return !(end === -1 ? u : u.slice(0, end)).includes(':');
}

const sanitizeWithSchema = rehypeSanitize(sanitizeSchema);

const isElement = (n: unknown): n is Element =>
  typeof n === 'object' && n !== null && (n as { type?: unknown }).type === 'element';

/**
 * Mark a node the build generated itself (a data block built from escaped values, never from raw
 * text) so `sanitizeHast` leaves it as it is. Markdown and raw HTML cannot set `data`, so content
 * cannot claim this; never mark a subtree holding `raw` nodes or officer-written properties.
 */
export function markTrusted<T extends Element>(node: T): T {
  node.data = { ...node.data, trusted: true } as unknown as T['data'];
  return node;
}

function isTrusted(node: Element): boolean {
  return (node.data as { trusted?: unknown } | undefined)?.trusted === true;
}

/** Make a hast tree safe to publish. Pure: the input is not changed. */
export function sanitizeHast(tree: Root): Root {
  const slots: Element[] = [];
  const prepared = prepare(tree, slots) as Root;
  const clean = sanitizeWithSchema(prepared);
  return finish(clean, slots) as Root;
}

/**
 * Before the schema runs: set trusted subtrees aside behind a placeholder, and drop inputs that are not
 * checkboxes (the schema would otherwise turn a text field into a disabled checkbox).
 */
function prepare(node: Nodes, slots: Element[]): Nodes {
  if (!('children' in node)) return node;
  const children: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (isElement(child)) {
      if (isTrusted(child)) {
        slots.push(child);
        children.push({
          type: 'element',
          tagName: 'span',
          properties: {},
          children: [],
          data: { safeSlot: slots.length - 1 } as unknown as Element['data'],
        });
        continue;
      }
      if (child.tagName === 'input' && String(child.properties['type'] ?? '').toLowerCase() !== 'checkbox') continue;
      // `HTTPS://…` is a fine link, but the schema compares schemes case-sensitively: normalise it.
      const href = child.properties['href'];
      const scheme = typeof href === 'string' ? schemeOf(href) : undefined;
      if (typeof href === 'string' && scheme && isSafeHref(href)) {
        const trimmed = href.trim();
        const rest = trimmed.slice(trimmed.indexOf(':'));
        children.push(
          prepare({ ...child, properties: { ...child.properties, href: scheme + rest } }, slots) as RootContent,
        );
        continue;
      }
    }
    children.push(prepare(child, slots) as RootContent);
  }
  return { ...node, children } as Nodes;
}

/** After the schema: URL checks the schema cannot express, and the trusted subtrees put back. */
function finish(node: Nodes, slots: Element[]): Nodes {
  if (isElement(node)) {
    const slot = (node.data as { safeSlot?: unknown } | undefined)?.safeSlot;
    if (node.tagName === 'span' && typeof slot === 'number' && slots[slot]) return slots[slot];
    const props: Properties = { ...node.properties };
    if (typeof props['href'] === 'string' && !isSafeHref(props['href'])) delete props['href'];
    if (props['src'] !== undefined && !(typeof props['src'] === 'string' && isRelativePath(props['src'])))
      delete props['src'];
    // A list attribute whose every value was refused (class="evil") is dropped, not printed as class="".
    for (const [key, value] of Object.entries(props)) if (Array.isArray(value) && value.length === 0) delete props[key];
    node = { ...node, properties: props };
  }
  if (!('children' in node)) return node;
  return { ...node, children: node.children.map((c) => finish(c, slots)) } as Nodes;
}

const URL_PROPERTIES = [
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'srcSet',
  'poster',
  'background',
  'cite',
  'longDesc',
  'data',
  'codeBase',
];

/**
 * The dangerous raw HTML in a tree (before sanitising), as `html/removed` warnings: elements that are
 * dropped (script, iframe, form…), event handler and style attributes, and unsafe URLs. Harmless
 * unknown tags that are merely unwrapped are not reported.
 */
export function findUnsafeHtml(tree: Nodes, file: string, options: { lineOffset?: number } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lineOffset = options.lineOffset ?? 0;
  const walk = (node: Nodes, at: { line: number; column: number }): void => {
    // hast-util-raw leaves some nodes with an empty `position`; fall back to the nearest positioned parent.
    const start = (node.position as { start?: { line?: number; column?: number } } | undefined)?.start;
    const here = start?.line && start.column ? { line: start.line + lineOffset, column: start.column } : at;
    if (isElement(node)) {
      if (isTrusted(node)) return;
      const tag = node.tagName;
      const report = (what: string) => out.push(diag('html/removed', file, here, [what]));
      if (
        STRIP.includes(tag.toLowerCase()) ||
        (tag === 'input' && String(node.properties['type'] ?? '').toLowerCase() !== 'checkbox')
      ) {
        report(`the <${tag}> element`);
        return;
      }
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key)) report(`the ${key.toLowerCase()} event handler on <${tag}>`);
        else if (key === 'style') report(`the style attribute on <${tag}>`);
        else if (URL_PROPERTIES.includes(key) && value !== null && value !== undefined) {
          const url = Array.isArray(value) ? value.join(' ') : String(value);
          const scheme = schemeOf(url);
          const unsafe =
            key === 'href'
              ? !isSafeHref(url)
              : key === 'src'
                ? !isRelativePath(url)
                : scheme !== undefined && !['http', 'https'].includes(scheme);
          const attr = key === 'xLinkHref' ? 'xlink:href' : key.toLowerCase();
          if (unsafe)
            report(
              scheme
                ? `the "${scheme}:" address in the ${attr} of <${tag}>`
                : `the address outside the strategy folder in the ${attr} of <${tag}>`,
            );
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child, here);
  };
  walk(tree, { line: 1 + lineOffset, column: 1 });
  return out;
}
