/**
 * A strategy may bring its own templates/ (designers change the look without touching TypeScript),
 * and those arrive through pull requests like any content. The pages they make are therefore checked
 * like content: no script (but the dev server's own), no event handlers, no javascript: addresses, no
 * frames or plugins, no `<base>`, no `<meta http-equiv>` but the Content-Security-Policy, no declarative
 * shadow root, and on every site page a Content-Security-Policy in the head, before anything it
 * governs, that is the built-in policy or stricter. Built-in templates are not checked here; their
 * tests do that.
 *
 * Pages are parsed as a browser parses them (parse5), and the contents of every `<template>` are
 * checked too: a `<template shadowrootmode>` is turned into a live shadow root by the parser itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { TEMPLATE_FORBIDDEN } from '../util/html-elements.js';
import { parseDocument } from './html-tree.js';
import { CONTENT_SECURITY_POLICY, type OutputPage } from './pages.js';
import { BUILTIN_TEMPLATES } from './templates.js';

const FORBIDDEN = new Set(TEMPLATE_FORBIDDEN);
const URL_PROPS = [
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'data',
  'poster',
  'srcSet',
  'background',
  'ping',
];
/** Elements that may come before the CSP meta in the head: they load and run nothing. */
const BEFORE_CSP = new Set(['html', 'head', 'meta', 'title']);

export interface GuardOptions {
  devReload: boolean;
  /** The strategy folder: problems are placed on the line of its own template that has them. */
  root?: string;
}

/**
 * Whether every template the strategy's templates/ folder holds is, byte for byte, the built-in one of
 * the same name (a strategy made by copying the example): its pages are then exactly the built-in
 * templates' pages. Anything else there (a changed or extra template, a link) counts as its own.
 */
const builtInTemplates = new Map<string, Buffer | undefined>();
/** A built-in template's bytes (they do not change while the tool runs), or undefined when there is none. */
function builtInTemplate(rel: string): Buffer | undefined {
  if (!builtInTemplates.has(rel)) {
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(path.join(BUILTIN_TEMPLATES, rel));
    } catch {
      bytes = undefined;
    }
    builtInTemplates.set(rel, bytes);
  }
  return builtInTemplates.get(rel);
}

export function templatesSameAsBuiltIn(root: string): boolean {
  const dir = path.join(root, 'templates');
  const same = (rel: string): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return false;
    }
    for (const e of entries) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (!same(child)) return false;
      } else if (e.name.endsWith('.hbs')) {
        if (!e.isFile()) return false;
        const builtIn = builtInTemplate(child);
        try {
          if (!builtIn || !fs.readFileSync(path.join(dir, child)).equals(builtIn)) return false;
        } catch {
          return false;
        }
      }
    }
    return true;
  };
  return same('');
}

/**
 * Pages found safe by the last check, by everything the verdict depends on (the dev server checks the
 * same pages again on every save; only the pages whose bytes changed are parsed again). Problems are
 * never kept: their positions come from the template files, which may have moved.
 */
let safePages = new Set<string>();

export function checkTemplatePages(
  pages: readonly { page: OutputPage; template: string; site: boolean }[],
  opts: GuardOptions,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Built-in templates are not checked here (see above), even when the strategy holds a copy of them.
  if (opts.root !== undefined && templatesSameAsBuiltIn(opts.root)) return out;
  const seen = new Set<string>();
  const safe = new Set<string>();
  for (const { page, template, site } of pages) {
    const verdict = `${site}\0${opts.devReload}\0${page.html}`;
    if (safePages.has(verdict)) {
      safe.add(verdict);
      continue;
    }
    let unsafe = false;
    const report = (what: string, find?: RegExp) => {
      unsafe = true;
      const where = (find && opts.root ? locateInTemplates(opts.root, find) : undefined) ?? {
        file: `templates/${template}.hbs`,
        at: undefined,
      };
      const key = `${where.file}:${where.at?.line}:${what}`;
      if (seen.has(key) && where.at) return;
      seen.add(key);
      out.push(diag('template/unsafe', where.file, where.at, [page.path, what]));
    };
    const tree = parseDocument(page.html);
    let csp: 'missing' | 'ok' | 'late' | 'weaker' = 'missing';
    let weaker = '';
    let beforeCsp = true;
    walk(tree, false, (el, inHead) => {
      const tag = el.tagName;
      if (tag === 'script') {
        const src = String(el.properties['src'] ?? '');
        // The site's own script file (the built-in asset, no inline code) is allowed; so is the dev server's.
        const own = src === 'assets/site.js' && el.children.length === 0;
        if (!own && !(opts.devReload && src === 'assets/dev-reload.js' && el.children.length === 0))
          report('a <script> element', /<script\b/i);
      }
      if (FORBIDDEN.has(tag)) report(`a <${tag}> element`, new RegExp(`<${tag}\\b`, 'i'));
      if (tag === 'template' && Object.keys(el.properties).some((k) => /^shadowroot/i.test(k))) {
        report('a declarative shadow root (<template shadowrootmode>)', /<template\b[^>]*shadowroot/i);
      }
      if (tag === 'meta' && el.properties['httpEquiv'] !== undefined) {
        const kind = String(el.properties['httpEquiv']).trim().toLowerCase();
        if (kind === 'content-security-policy') {
          const policy = String(el.properties['content'] ?? '');
          const looser = looserThanBuiltIn(policy);
          if (!inHead || !beforeCsp) {
            if (csp === 'missing') csp = 'late';
          } else if (looser) {
            if (csp !== 'ok') {
              csp = 'weaker';
              weaker = looser;
            }
          } else csp = 'ok';
        } else if (kind !== 'content-type')
          report(
            `a <meta http-equiv="${kind}"> (only the Content-Security-Policy may be set this way)`,
            /<meta\b[^>]*http-equiv/i,
          );
      }
      if (!BEFORE_CSP.has(tag) && csp !== 'ok') beforeCsp = false;
      for (const [key, value] of Object.entries(el.properties)) {
        if (/^on/i.test(key))
          report(`an event handler (${key.toLowerCase()}) on <${tag}>`, new RegExp(`\\s${key}\\s*=`, 'i'));
        const text = (Array.isArray(value) ? value.join(' ') : String(value)).replace(/[\u0000-\u0020]/g, '');
        if (URL_PROPS.includes(key) && /^(javascript|vbscript|data):/i.test(text))
          report(`a ${text.split(':')[0]!.toLowerCase()}: address on <${tag}>`);
      }
    });
    if (site) {
      if (csp === 'missing') report('no Content-Security-Policy meta tag (it is in the built-in partials/head.hbs)');
      else if (csp === 'late')
        report(
          'its Content-Security-Policy after other content, where it does not protect what comes before it (keep it first in the head, as partials/head.hbs has it)',
        );
      else if (csp === 'weaker')
        report(
          `a Content-Security-Policy that allows more than the built-in one (${weaker}); keep the built-in "{{site.csp}}"`,
          /Content-Security-Policy/i,
        );
    }
    if (!unsafe) safe.add(verdict);
  }
  safePages = safe;
  return out;
}

/** Every element in document order, template contents included, with whether it is in the head. */
function walk(node: Nodes | Root, inHead: boolean, visit: (el: Element, inHead: boolean) => void): void {
  if (node.type === 'element') {
    visit(node, inHead);
    const here = inHead || node.tagName === 'head';
    for (const child of node.children) walk(child, here, visit);
    if (node.tagName === 'template' && node.content) walk(node.content, here, visit);
    return;
  }
  if ('children' in node) for (const child of node.children) walk(child as Nodes, inHead, visit);
}

type Policy = Map<string, Set<string>>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    // A repeated directive is ignored by browsers: the first one counts.
    if (!policy.has(key)) policy.set(key, new Set(sources.map((s) => s.toLowerCase()).filter((s) => s !== "'none'")));
  }
  return policy;
}

const FALLBACK: Record<string, string[]> = {
  'script-src-elem': ['script-src', 'default-src'],
  'script-src-attr': ['script-src', 'default-src'],
  'style-src-elem': ['style-src', 'default-src'],
  'style-src-attr': ['style-src', 'default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'],
  'frame-src': ['child-src', 'default-src'],
};
const FETCH = [
  'script-src',
  'style-src',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'object-src',
  'child-src',
  'manifest-src',
  'prefetch-src',
];
const NAVIGATION = ['base-uri', 'form-action', 'frame-ancestors'];

/** The sources a policy allows for a directive; undefined means anything. */
function allowed(policy: Policy, directive: string): Set<string> | undefined {
  const chain = [directive, ...(FALLBACK[directive] ?? (FETCH.includes(directive) ? ['default-src'] : []))];
  for (const d of chain) {
    const s = policy.get(d);
    if (s) return s;
  }
  return undefined;
}

const BUILT_IN = parsePolicy(CONTENT_SECURITY_POLICY);

/** Why `text` allows more than the built-in policy, or '' when it is the same or stricter. */
export function looserThanBuiltIn(text: string): string {
  const policy = parsePolicy(text);
  const directives = new Set([
    ...BUILT_IN.keys(),
    ...policy.keys(),
    ...Object.keys(FALLBACK),
    ...FETCH,
    ...NAVIGATION.filter((d) => BUILT_IN.has(d)),
  ]);
  const reasons: string[] = [];
  for (const d of [...directives].sort()) {
    const ours = allowed(BUILT_IN, d);
    if (!ours) continue;
    const theirs = allowed(policy, d);
    if (!theirs) reasons.push(`${d} is not limited`);
    // A directive that falls back to another is reported once, under the one the policy wrote.
    else if (policy.has(d) || !FALLBACK[d])
      for (const source of theirs) if (!ours.has(source)) reasons.push(`${d} allows ${source}`);
  }
  return reasons.join(', ');
}

/** The first line of the strategy's own templates that matches `find`, for a diagnostic's position. */
function locateInTemplates(root: string, find: RegExp): { file: string; at: Position } | undefined {
  const dir = path.join(root, 'templates');
  const files: string[] = [];
  const collect = (d: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) collect(path.join(d, e.name), `${rel}${e.name}/`);
      else if (e.isFile() && e.name.endsWith('.hbs')) files.push(`${rel}${e.name}`);
    }
  };
  collect(dir, '');
  for (const rel of files) {
    const lines = fs.readFileSync(path.join(dir, rel), 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      const m = find.exec(line);
      if (m) return { file: `templates/${rel}`, at: { line: i + 1, column: m.index + 1 } };
    }
  }
  return undefined;
}
