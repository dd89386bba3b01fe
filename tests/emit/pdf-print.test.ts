/**
 * The example's PDF as a print designer checks it, parsed with pdf.js (a dev dependency, for tests only):
 * everything the site hides in disclosures is printed (every KPI definition), no page ends with a
 * heading, a table caption or a table's header row, the funding total prints once, every font is
 * embedded and no text is below 7.5pt, the XMP metadata stream is there, and bookmarks are spelled
 * exactly as the headings.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import YAML from 'yaml';
import { REPO_ROOT } from '../support/example-build.js';
import { elements, hasClass, readPage, text } from '../support/html.js';

const dist = inject('exampleOut');
const pdfFile = path.join(dist, fs.readdirSync(dist).find((f) => f.endsWith('.pdf'))!);

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs')['getDocument']>['promise']>;
interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}
let doc: PdfDoc;
const pages: Page[] = [];
const squash = (s: string) => s.replace(/\s+/g, '');

type Page = { text: string; sizes: number[]; tree: StructNode | null };

/** Every page's text, glyph sizes and structure tree, read with pdf.js. */
async function readPdf(file: string): Promise<{ doc: PdfDoc; pages: Page[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(file)),
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((i) => 'str' in i && i.str.trim() !== '') as {
      str: string;
      transform: number[];
    }[];
    pages.push({
      text: items
        .map((i) => i.str)
        .join(' ')
        .replace(/\s+/g, ' '),
      // The size a glyph is drawn at: the text matrix's vertical scale (charts are scaled SVG, so this is what prints).
      sizes: items.map((i) => Math.hypot(i.transform[2]!, i.transform[3]!)),
      tree: (await page.getStructTree()) as StructNode | null,
    });
  }
  return { doc, pages };
}

beforeAll(async () => {
  const read = await readPdf(pdfFile);
  doc = read.doc;
  pages.push(...read.pages);
}, 180_000);

/** The roles from the root to each piece of tagged content on a page, in reading order. */
function leaves(node: StructNode, path: StructNode[] = [], out: StructNode[][] = []): StructNode[][] {
  if (node.type === 'content') out.push(path);
  for (const c of node.children ?? []) leaves(c, node.role ? [...path, node] : path, out);
  return out;
}

/** Pages that end with a heading, a table caption, or a table's header row with no row under it. */
function strandedEnds(pages: readonly Page[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, i) => {
    if (!page.tree) return;
    const all = leaves(page.tree);
    const last = all.at(-1);
    if (!last) return;
    const roles = last.map((n) => n.role);
    const heading = roles.find((r) => /^H[1-6]$/.test(r ?? ''));
    if (heading) problems.push(`page ${i + 1} ends with a ${heading}`);
    if (roles.includes('Caption')) problems.push(`page ${i + 1} ends with a table caption`);
    const table = [...last].reverse().find((n) => n.role === 'Table');
    if (table) {
      // The rows of that table printed on this page: if the last content is in the first of them, only
      // the header row (or the caption and header) stands here.
      const rows = leaves(page.tree)
        .filter((l) => l.includes(table))
        .map((l) => l.find((n) => n.role === 'TR'))
        .filter((r, k, a) => r && a.indexOf(r) === k);
      if (rows.length === 1 && last.find((n) => n.role === 'TR') === rows[0] && last.some((n) => n.role === 'TH'))
        problems.push(`page ${i + 1} ends with a table's header row`);
    }
  });
  return problems;
}

describe('the printed PDF', () => {
  it('prints every KPI definition, which the site keeps in a disclosure', () => {
    const all = squash(pages.map((p) => p.text).join(' '));
    const kpis = (
      YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/kpis.yaml'), 'utf8')) as {
        kpis: { id: string; definition: string }[];
      }
    ).kpis;
    expect(kpis.length).toBeGreaterThan(10);
    for (const k of kpis) expect(all, `the definition of ${k.id}`).toContain(squash(k.definition));
    expect(all).toContain(squash('How each indicator is defined'));
  });

  it('ends no page with a heading, a table caption or a table header row', () => {
    expect(strandedEnds(pages)).toEqual([]);
  });

  it('prints the funding grand total once, after the last row, not at the foot of every page', () => {
    const site = readPage(dist, 'full.html');
    const table = elements(site, (el) => el.tagName === 'table' && hasClass(el, 'funding-table'))[0]!;
    const foot = elements({ type: 'root', children: [table] }, (el) => el.tagName === 'tfoot')[0]!;
    const cells = elements({ type: 'root', children: [foot] }, (el) => el.tagName === 'td');
    const total = text(cells.at(-1)!);
    expect(total).toMatch(/^£[\d,.]+/);
    const count = (s: string) => s.split(total).length - 1;
    // The site's text without its charts' drawn labels (which the PDF draws as artwork of a Figure).
    const noSvg = structuredClone(site);
    for (const svg of elements(noSvg, (el) => el.tagName === 'svg')) svg.children = [];
    expect(count(text(noSvg))).toBeGreaterThanOrEqual(1);
    expect(count(pages.map((p) => p.text).join(' '))).toBe(count(text(noSvg)));
  });

  it('embeds every font, and prints nothing below 7.5pt', () => {
    const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
    const sizes = pages.map((p) => Math.min(...p.sizes));
    // 7.5pt is drawn as 7.4856pt (Chromium lays out in CSS pixels): allow that rounding, nothing more,
    // on every page: diagrams are laid out for their page and printed at full size.
    const small = sizes.flatMap((size, i) => (size < 7.48 ? [`page ${i + 1}: ${size.toFixed(2)}pt`] : []));
    expect(small).toEqual([]);
    // Body text is 11pt: the most common size on a page of prose.
    // The first page of section 1 (after the cover, contents, about page and plan on a page).
    const prose = pages.find((p) => /^\s*1 Executive Summary/.test(p.text))!;
    expect(prose, 'a page of section 1').toBeDefined();
    const counts = new Map<number, number>();
    for (const s of prose.sizes) counts.set(Math.round(s * 10) / 10, (counts.get(Math.round(s * 10) / 10) ?? 0) + 1);
    expect([...counts].sort((a, b) => b[1] - a[1])[0]![0]).toBe(11);
  });

  it('carries an XMP metadata stream with the title, language, publisher and the edition date', async () => {
    const { metadata, info } = await doc.getMetadata();
    expect(metadata, 'an XMP stream').toBeTruthy();
    const title = (info as Record<string, unknown>)['Title'];
    expect(metadata!.get('dc:title')).toBe(title);
    expect(String(metadata!.get('dc:language'))).toContain('en-GB');
    expect(String(metadata!.get('dc:publisher'))).toContain('Safer Northbridge Partnership');
    expect(String(metadata!.get('xmp:createdate'))).toBe('2028-05-15T00:00:00Z');
    expect((info as Record<string, unknown>)['Author']).toBe('Safer Northbridge Partnership');
    // The title, not the file name, is shown in a reader's title bar.
    expect(await doc.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
  });

  it('names every bookmark exactly as its heading, spaces included', async () => {
    const print: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[]) => {
      for (const o of items) {
        print.push(o.title);
        walk(o.items as { title: string; items: unknown[] }[]);
      }
    };
    walk(((await doc.getOutline()) ?? []) as { title: string; items: unknown[] }[]);
    const headings = new Set(
      ['full.html', 'plan-on-a-page.html'].flatMap((page) =>
        elements(readPage(dist, page), (el) => /^h[1-6]$/.test(el.tagName)).map((el) => text(el)),
      ),
    );
    expect(print.length).toBeGreaterThan(60);
    const unknown = print.filter(
      (t) => !/^(About this document|Version history and decisions|Other formats)$/.test(t) && !headings.has(t),
    );
    expect(unknown).toEqual([]);
    expect(print).toContain('4 Findings from the Strategic Needs Assessment');
    expect(print).toContain('Appendix A Horizon Scan of National and Local Drivers');
  });

  it('opens with a full-bleed cover without page furniture, then numbers pages from the contents on', () => {
    expect(pages[0]!.text).not.toMatch(/Page \d+ of/);
    expect(pages[1]!.text).toMatch(new RegExp(`Page 2 of ${doc.numPages}`));
    // The running head names the section: the first page of section 2 carries "2 Legal Duties".
    const legal = pages.findIndex(
      (p) => p.text.includes('2.1 The Crime and Disorder Act 1998') && !p.text.includes('Contents'),
    );
    expect(legal).toBeGreaterThan(2);
    expect(pages[legal + 1]!.text).toMatch(/2\s+Legal Duties/);
  });
});

describe("the second example's printed PDF", () => {
  it('ends no page with a heading (one before a landscape diagram included), a caption or a lone header row', async () => {
    const second = inject('secondOut');
    const file = path.join(second, fs.readdirSync(second).find((f) => f.endsWith('.pdf') && !f.startsWith('plan-'))!);
    const { pages: secondPages } = await readPdf(file);
    expect(secondPages.length).toBeGreaterThan(20);
    expect(strandedEnds(secondPages)).toEqual([]);
  }, 180_000);
});
