/**
 * The split print (scripts/emit/pdf-split.ts, pdf-merge.ts), forced on a small print document with a
 * threshold of 0 bytes and compared with the same document printed in one piece: the same pages and
 * text (running heads and "Page X of Y" included), the same page numbers in the contents, one structure
 * tree whose ParentTree agrees with it, every internal link on a destination on the page the one-piece
 * print links to, the outline complete and in order, pdfinfo and pdf.js content, and the same bytes twice.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../scripts/emit/pdf-finish.js';
import { mergeTaggedPdfs, PdfMergeError } from '../../scripts/emit/pdf-merge.js';
import { launchBrowser, printWithPageNumbers, type PdfJob } from '../../scripts/emit/pdf.js';
import { partBodies, splitPrintHtml } from '../../scripts/emit/pdf-split.js';
import { readTree } from '../support/pdf-tree.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const SECTIONS = ['Executive Summary', 'Legal Duties', 'Partnership Context'];
const slug = (s: string) => s.toLowerCase().replace(/\s+/g, '-');
const words =
  'Partners share data on violence each quarter, and the board reviews the results against the plan agreed with the community. ';

/** A print document shaped as templates/print.hbs makes one: cover, contents, about, then sections. */
function printHtml(numbers: Map<string, number> | undefined): string {
  const page = (id: string) => (numbers ? String(numbers.get(id) ?? '??') : '00');
  const pageStyles = [
    '@page { @bottom-left { content: "Example Partnership · Strategy"; } }',
    '.print-front { page: front; }',
    ...SECTIONS.flatMap((t, i) => [
      `@page s${i} { @top-left { content: "${i + 1}\u2002${t}"; } @top-right { content: "Strategy"; } }`,
      `.print-page-${i} { page: s${i}; }`,
    ]),
  ].join('\n');
  const contents = SECTIONS.map(
    (t, i) =>
      `<li class="print-contents__section"><a href="#${slug(t)}"><span class="print-contents__number">${i + 1}</span><span class="print-contents__text">${t}</span><span class="print-contents__page">${page(slug(t))}</span></a>
      <ol class="print-contents__sub"><li><a href="#${slug(t)}-detail"><span class="print-contents__number">${i + 1}.1</span><span class="print-contents__text">Detail</span><span class="print-contents__page">${page(`${slug(t)}-detail`)}</span></a></li></ol></li>`,
  ).join('\n');
  const section = (t: string, i: number) => {
    const next = SECTIONS[(i + 1) % SECTIONS.length]!;
    const paras = Array.from(
      { length: 14 + i * 6 },
      (_, n) =>
        `<p>${words.repeat(3)}${n === 3 ? `See <a href="#${slug(next)}-detail">section ${((i + 1) % SECTIONS.length) + 1}.1 (page ${page(`${slug(next)}-detail`)})</a> and <a href="#about-this-document">about</a>.` : ''}</p>`,
    ).join('\n');
    return `<section class="print-section prose print-page-${i}">
  <h1 class="section-title" id="${slug(t)}"><span class="section-title__number">${i + 1}</span>${t}</h1>
  ${paras}
  <h2 id="${slug(t)}-detail">Detail</h2>
  <div class="table-wrap"><table><caption>Figures for ${t}</caption>
  <thead><tr><th scope="col">Measure</th><th scope="col">2027-28</th><th scope="col">2028-29</th></tr></thead>
  <tbody>${Array.from({ length: 12 }, (_, r) => `<tr><th scope="row">Measure ${r + 1}</th><td>${r * 3}</td><td>${r * 4}</td></tr>`).join('')}</tbody></table></div>
  <p>Back to the <a href="#${slug(t)}">start of this section</a>.</p>
</section>
`;
  };
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Strategy</title>
<link rel="stylesheet" href="assets/plan.css">
<link rel="stylesheet" href="assets/print.css">
<style>${pageStyles}</style>
</head>
<body>
<div class="print-watermark" aria-hidden="true">Draft</div>
<div class="cover"><p class="cover__title">Community Safety Strategy</p></div>
<nav class="print-contents print-front" aria-labelledby="print-contents-title">
  <p class="print-contents__title" id="print-contents-title">Contents</p>
  <ol class="print-contents__list">
    <li class="print-contents__section"><a href="#about-this-document"><span class="print-contents__number"></span><span class="print-contents__text">About this document</span><span class="print-contents__page">${page('about-this-document')}</span></a></li>
    ${contents}
  </ol>
</nav>
<section class="print-about print-front" aria-labelledby="about-this-document">
  <h1 class="print-about__title" id="about-this-document">About this document</h1>
  <p>${words}</p>
</section>
${SECTIONS.map(section).join('')}</body>
</html>
`;
}

let browser: Browser;
let dir: string;
const job = (): PdfJob => ({ dir, htmlFile: 'print.html', pdfFile: 'strategy.pdf', date: '2027-04-01' });
const write = (numbers?: Map<string, number>) => {
  const html = printHtml(numbers);
  fs.writeFileSync(path.join(dir, 'print.html'), html);
  return Buffer.byteLength(html);
};
const meta = {
  title: 'Strategy',
  author: 'Example Partnership',
  subject: 'A strategy',
  language: 'en-GB',
  date: '2027-04-01',
};

type Printed = Awaited<ReturnType<typeof printWithPageNumbers>> & { pdf: Uint8Array };
let whole: Printed;
let split: Printed;
let splitAgain: Printed;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-split-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  for (const f of ['print.css', 'plan.css'])
    fs.copyFileSync(path.join(REPO, 'templates/assets', f), path.join(dir, 'assets', f));
  browser = await launchBrowser();
  whole = (await printWithPageNumbers(browser, job(), write, undefined, undefined, {
    splitAbove: Number.POSITIVE_INFINITY,
  })) as Printed;
  split = (await printWithPageNumbers(browser, job(), write, undefined, undefined, { splitAbove: 0 })) as Printed;
  // The second run starts from the first's numbers, as a rebuild with the page-number guess does.
  splitAgain = (await printWithPageNumbers(browser, job(), write, split.pageNumbers, undefined, {
    splitAbove: 0,
  })) as Printed;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const load = (pdf: Uint8Array) => PDFDocument.load(pdf, { updateMetadata: false });

async function pdfjsPages(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items as { str?: string }[];
    out.push(
      items
        .map((i) => i.str ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await doc.destroy();
  return out;
}

/** Each link annotation as "page: target page" (named or explicit destination), page by page in order. */
function linkTargets(doc: PDFDocument): string[] {
  const pages = doc.getPages().map((p) => p.ref);
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const pageOf = (dest: unknown): number => {
    const array =
      dest instanceof PDFName ? dests?.lookupMaybe(dest, PDFArray) : dest instanceof PDFArray ? dest : undefined;
    const ref = array?.get(0);
    return ref instanceof PDFRef ? pages.indexOf(ref) + 1 : -1;
  };
  const out: string[] = [];
  doc.getPages().forEach((page, i) => {
    for (const a of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = doc.context.lookup(a, PDFDict);
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.get(PDFName.of('URI'));
      if (uri instanceof PDFString || uri instanceof PDFHexString) out.push(`${i + 1}: ${uri.decodeText()}`);
      else out.push(`${i + 1}: page ${pageOf(annot.get(PDFName.of('Dest')))}`);
    }
  });
  return out;
}

/** The outline as indented titles, in order. */
function outline(doc: PDFDocument): string[] {
  const out: string[] = [];
  const walk = (ref: unknown, depth: number) => {
    let item = ref instanceof PDFRef ? doc.context.lookupMaybe(ref, PDFDict) : undefined;
    while (item) {
      const title = item.get(PDFName.of('Title'));
      out.push(
        `${'  '.repeat(depth)}${title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '?'}`,
      );
      walk(item.get(PDFName.of('First')), depth + 1);
      const next = item.get(PDFName.of('Next'));
      item = next instanceof PDFRef ? doc.context.lookupMaybe(next, PDFDict) : undefined;
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')), 0);
  return out;
}

describe('a print document cut into parts', () => {
  it('cuts at each top-level section, keeps the watermark for every part, and links across parts by file', () => {
    const cut = splitPrintHtml(printHtml(undefined))!;
    expect(cut.bodies).toHaveLength(SECTIONS.length + 1);
    expect(cut.shared).toContain('print-watermark');
    cut.bodies.slice(1).forEach((b) => expect(b.startsWith('<section class="print-section')).toBe(true));
    const bodies = partBodies(cut, 'print.html');
    // The contents (part 0) links to the sections in other parts through the print document's file.
    expect(bodies[0]).toContain('href="print.html#executive-summary"');
    expect(bodies[0]).not.toContain('href="#executive-summary"');
    // A link within its own part stays as it was; a part linked to holds a hidden link to each target.
    expect(bodies[1]).toContain('href="#executive-summary"');
    expect(bodies[1]).toMatch(/<div hidden>.*<a href="#executive-summary-detail"><\/a>/);
    expect(splitPrintHtml('<html><body><p>one piece</p></body></html>')).toBeUndefined();
  });
});

describe('the split print of a small document, against the same document in one piece', () => {
  it('prints in parts (one untagged and one tagged pass), and once when the numbers are guessed right', () => {
    expect(split.pageNumbers.get(' part 0')).toBeGreaterThan(0);
    expect(split.prints).toBe(2);
    expect(splitAgain.prints).toBe(1);
    expect(whole.pageNumbers.has(' part 0')).toBe(false);
  });

  it('finds the same page numbers and prints the same pages with the same text, running heads and page numbers', async () => {
    const numbers = new Map([...split.pageNumbers].filter(([k]) => !k.startsWith(' ')));
    expect(numbers).toEqual(whole.pageNumbers);
    const [a, b] = [await pdfjsPages(whole.pdf), await pdfjsPages(split.pdf)];
    expect(b.length).toBe(a.length);
    expect(b).toEqual(a);
    expect(b.at(-1)).toContain(`Page ${b.length} of ${b.length}`);
  });

  it('has one structure tree, whose ParentTree names the element holding each MCID and link', async () => {
    for (const pdf of [split.pdf, await finishPdf(split.pdf, meta, split.headings)]) {
      const doc = await load(pdf);
      const tree = readTree(doc);
      expect(tree.problems).toEqual([]);
      const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
      expect(root.get(PDFName.of('K'))).toBeInstanceOf(PDFRef);
      expect(tree.elements.filter((e) => e.parent === -1).map((e) => e.role)).toEqual(['Document']);
      // As many tagged pieces of content and elements of each role as the one-piece print.
      const single = readTree(await load(whole.pdf));
      if (pdf === split.pdf) {
        const roles = (t: typeof tree) => t.elements.map((e) => e.role).join(' ');
        expect(roles(tree)).toBe(roles(single));
        const count = (t: typeof tree) => [...t.mcids.values()].map((m) => m.length);
        expect(count(tree)).toEqual(count(single));
      }
      const next = root.get(PDFName.of('ParentTreeNextKey')) as PDFNumber;
      expect(next.asNumber()).toBeGreaterThan(doc.getPageCount());
    }
  });

  it('gives structure element ids once each, and table cells name header ids that exist', async () => {
    const doc = await load(split.pdf);
    const ids: string[] = [];
    const headers: string[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || !obj.has(PDFName.of('S'))) continue;
      const id = obj.get(PDFName.of('ID'));
      if (id instanceof PDFString) ids.push(id.decodeText());
      const a = obj.get(PDFName.of('A'));
      for (const attr of a instanceof PDFArray ? a.asArray() : [a])
        if (attr instanceof PDFDict)
          for (const h of attr.lookupMaybe(PDFName.of('Headers'), PDFArray)?.asArray() ?? [])
            headers.push((h as PDFString).decodeText());
    }
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.filter((h) => !ids.includes(h))).toEqual([]);
  });

  it('points every internal link at a destination on the page the one-piece print links to', async () => {
    const [a, b] = [linkTargets(await load(whole.pdf)), linkTargets(await load(split.pdf))];
    expect(b.length).toBeGreaterThan(SECTIONS.length * 3);
    expect(b.filter((l) => l.includes('file:') || l.endsWith('page -1') || l.endsWith('page 0'))).toEqual([]);
    expect(b).toEqual(a);
  });

  it('has the whole outline in order, and the same catalog entries', async () => {
    const [a, b] = [await load(whole.pdf), await load(split.pdf)];
    expect(outline(b)).toEqual(outline(a));
    expect(outline(b).filter((t) => !t.startsWith(' '))).toEqual([
      'About this document',
      ...SECTIONS.map((t, i) => `${i + 1}${t}`),
    ]);
    const keys = (d: PDFDocument) => d.catalog.keys().map(String).sort();
    expect(keys(b)).toEqual(keys(a));
    expect(String(b.catalog.get(PDFName.of('Lang')))).toBe(String(a.catalog.get(PDFName.of('Lang'))));
  });

  it('satisfies pdfinfo, and gives the same bytes twice', async () => {
    const file = path.join(dir, 'merged.pdf');
    const finished = await finishPdf(split.pdf, meta, split.headings);
    fs.writeFileSync(file, finished);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${(await load(whole.pdf)).getPageCount()}`));
    expect(Buffer.compare(Buffer.from(split.pdf), Buffer.from(splitAgain.pdf))).toBe(0);
    expect(
      Buffer.compare(Buffer.from(finished), Buffer.from(await finishPdf(splitAgain.pdf, meta, splitAgain.headings))),
    ).toBe(0);
  });
});

describe('a stylesheet that runs sections together', () => {
  it('stops the split print with a plain message naming the rule to keep, not a changed layout', async () => {
    const runTogether = (numbers?: Map<string, number>) => {
      const html = printHtml(numbers).replace(
        '</head>',
        '<style>.print-section { break-before: auto !important; }</style>\n</head>',
      );
      fs.writeFileSync(path.join(dir, 'print.html'), html);
      return Buffer.byteLength(html);
    };
    const failed = printWithPageNumbers(browser, job(), runTogether, undefined, undefined, { splitAbove: 0 });
    await expect(failed).rejects.toThrow(/to start a new page, but a section breaks "auto"/);
    await expect(failed).rejects.toMatchObject({ hint: expect.stringContaining('break-before: page') });
  }, 120_000);
});

describe('the merge', () => {
  it('refuses a blank page that something refers to', async () => {
    const doc = await load(whole.pdf);
    // The first page (the cover) is declared blank, but destinations and the tree point into the part.
    const bytes = await doc.save({ useObjectStreams: false });
    const parts = [
      { pdf: bytes, skip: 0 },
      { pdf: bytes, skip: 2 },
    ];
    await expect(mergeTaggedPdfs(parts)).rejects.toThrow(PdfMergeError);
  });
});
