/**
 * The PDF of the example, parsed with pdf.js: A4 pages, metadata, bookmarks for every section in
 * order, a contents page whose page numbers are the true ones, each section on a new page, and
 * reproducible bytes (no clock time).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SECTIONS } from '../../scripts/model/sections.js';

const dist = inject('exampleOut');
const pdfFile = fs.readdirSync(dist).find((f) => f.endsWith('.pdf'))!;
const bytes = fs.readFileSync(path.join(dist, pdfFile));

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs')['getDocument']>['promise']>;
let doc: PdfDoc;
const pageText = new Map<number, string>();

async function textOf(n: number): Promise<string> {
  if (!pageText.has(n)) {
    // Tagged content only: the running head and footer are drawn as artefacts (and so not read aloud).
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
    const open: boolean[] = []; // for each open marked-content sequence: is it an artefact?
    const words: string[] = [];
    for (const i of content.items) {
      if ('type' in i) {
        if (i.type === 'beginMarkedContentProps' || i.type === 'beginMarkedContent')
          open.push((i as { tag?: string }).tag === 'Artifact');
        else if (i.type === 'endMarkedContent') open.pop();
      } else if (open.length > 0 && !open.includes(true)) words.push(i.str);
    }
    pageText.set(n, words.join(' ').replace(/\s+/g, ' ').trim());
  }
  return pageText.get(n)!;
}

async function pageOfDest(dest: unknown): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[]);
  return (await doc.getPageIndex(explicit![0] as { num: number; gen: number })) + 1;
}

beforeAll(async () => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
});

const EXPECTED_BOOKMARKS = [
  ...SECTIONS.map((s) => `${s.number} ${s.title}`),
  'Appendix A Horizon Scan of National and Local Drivers',
  'Appendix B Glossary',
];
const squash = (s: string) => s.replace(/\s+/g, '');
/** The sections' bookmarks: the front matter ("About this document", "Plan on a page") comes first. */
const sectionsOf = <T extends { title: string }>(outline: T[]): T[] =>
  outline.filter((o) => o.title !== 'About this document' && o.title !== 'Plan on a page');

describe('the PDF', () => {
  it('is named after the title, A4, with enough pages for a full strategy', async () => {
    expect(pdfFile).toBe('community-safety-strategy-2027-2031.pdf');
    expect(doc.numPages).toBeGreaterThan(30);
    const [, , w, h] = (await doc.getPage(1)).view;
    expect(Math.round(w!)).toBe(595);
    expect(Math.round(h!)).toBe(842);
  });

  it('carries the title and language in its metadata, and is tagged', async () => {
    const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
    expect(info['Title']).toBe('Community Safety Strategy 2027–2031 – Safer Northbridge Partnership');
    expect(info['Language']).toBe('en-GB');
    expect((await doc.getMarkInfo())?.Marked).toBe(true);
    // Reproducible: the dates are the edition's (build.date in data/partnership.yaml), not the clock's.
    expect(info['CreationDate']).toMatch(/^D:20280515000000(Z|\+00'00')$/);
  });

  it('has a bookmark for every section, in order, with the numbered headings beneath', async () => {
    const all = (await doc.getOutline())!;
    expect(all[0]!.title).toBe('About this document');
    const outline = sectionsOf(all);
    // Spelled exactly: Chromium drops the space where a heading wraps, and the build puts it back.
    expect(outline.map((o) => o.title)).toEqual(EXPECTED_BOOKMARKS);
    const priorities = outline[4]!;
    expect(priorities.items.length).toBeGreaterThan(1);
    priorities.items.forEach((item, i) => expect(item.title).toMatch(new RegExp(`^5\\.${i + 1} `)));
  });

  it('opens with a cover, then a contents page whose page numbers are where each section starts', async () => {
    const cover = await textOf(1);
    expect(cover).toContain('Safer Northbridge Partnership');
    expect(cover).toContain('Community Safety Strategy 2027–2031');
    expect(await textOf(2)).toMatch(/^Contents/);
    const outline = sectionsOf((await doc.getOutline())!);
    let contents = '';
    for (let p = 2; p <= 4; p++) contents += ` ${await textOf(p)}`;
    let previous = 2;
    for (const [i, item] of outline.entries()) {
      const page = await pageOfDest(item.dest);
      expect(page).toBeGreaterThan(previous);
      previous = page;
      // The contents line: "5 Strategic Priorities 24".
      const label = i < 10 ? `${i + 1}` : `Appendix ${String.fromCharCode(65 + i - 10)}`;
      const title = EXPECTED_BOOKMARKS[i]!.replace(/^(Appendix [A-Z]|\d+) /, '');
      expect(squash(contents)).toContain(squash(`${label} ${title} ${page}`));
      // Each section starts a new page: its page opens with its number and title.
      expect(squash(await textOf(page)).startsWith(squash(`${label} ${title}`))).toBe(true);
    }
  });

  it('holds the text of every section, including data blocks', async () => {
    let all = '';
    for (let p = 1; p <= doc.numPages; p++) all += ` ${await textOf(p)}`;
    for (const phrase of [
      'Knife crime offences',
      'Logic model',
      'Theory of change',
      'Risk Register',
      'Equality Impact Assessment',
      'Sexual orientation',
      'Total',
    ]) {
      expect(all).toContain(phrase);
    }
    expect(all).not.toMatch(/::[a-z-]+\{/);
  });
});
