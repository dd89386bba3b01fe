/**
 * The PDF pipeline's own parts, on a small document printed by the real Chromium: named destinations
 * read without pdf.js agree with pdf.js; finishing (XMP, bookmark spelling, object streams) keeps the
 * structure tree, /Lang, /MarkInfo, outlines and links equivalent and is deterministic; a browser that
 * will not start, or dies while printing, ends in a clear error after a bounded wait, and leaves no process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, printPdf, printWithPageNumbers } from '../../scripts/emit/pdf.js';
import { namedDestinationPages } from '../../scripts/emit/pdf-dests.js';
import { finishPdf } from '../../scripts/emit/pdf-finish.js';
import { operators, pageContent, untaggedRuns } from '../../scripts/emit/pdf-artifacts.js';
import { PDFDocument } from 'pdf-lib';
import { taggedText } from '../support/pdf-text.js';
import { readTree, withoutNonStruct } from '../support/pdf-tree.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-pdf-finish-'));
const HEADING = 'Findings from the Strategic Needs Assessment of the Borough';
const sections = Array.from(
  { length: 6 },
  (_, i) =>
    `<section style="break-before: page"><h1 id="s${i}">${i + 1} ${i === 2 ? HEADING : `Section ${i + 1}`}</h1>${'<p>Text of the section, long enough to fill some lines. </p>'.repeat(20 + i * 15)}<h2 id="s${i}-a">${i + 1}.1 A heading</h2><p>See <a href="#s${(i + 1) % 6}">the next section</a> and <a href="https://example.org/">a website</a>.</p></section>`,
).join('');
/**
 * Generic boxes, each a NonStruct in Chromium's tree: nested ones, ones in table cells and list items,
 * one around a link, spans in a paragraph that crosses a page break (their MCIDs end up in a paragraph
 * on two pages), and a bare div of text that crosses one (its kids are marked-content references).
 */
const wrappers = `<section style="break-before: page"><h1 id="wrappers">7 Wrappers</h1><div><div><span>Period</span> <span>2027–2031</span></div><div><div><span>Status</span> <a href="#s0"><span>Adopted</span></a></div></div></div><table><thead><tr><th scope="col"><span>Measure</span></th><th scope="col">Value</th></tr></thead><tbody>${Array.from({ length: 12 }, (_, i) => `<tr><td><div><span>Row ${i + 1}</span></div></td><td><span>${i * 7}</span></td></tr>`).join('')}</tbody></table><ul>${'<li><div>An <span>item</span> in a box</div></li>'.repeat(4)}</ul><p style="font-size: 16pt">${'<span>Words in a span</span> and words outside it. '.repeat(70)}</p><div style="font-size: 16pt">${'A bare box of text, long enough to cross a page break. '.repeat(70)}</div></section>`;
const html = (pages?: Map<string, number>) =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>A test strategy</title><style>h1 { font-size: 28pt; width: 90mm; } @page { size: A4; margin: 20mm; @top-left { content: "Running head"; } @bottom-right { content: "Page " counter(page); } } body { background: #eef; }</style></head><body><nav>${Array.from({ length: 6 }, (_, i) => `<p><a href="#s${i}">Section ${i + 1}</a> page ${pages?.get(`s${i}`) ?? '00'}</p>`).join('')}</nav>${sections}${wrappers}</body></html>`;
const job = { dir, htmlFile: 'doc.html', pdfFile: 'doc.pdf', date: '2028-05-15' };
const meta = {
  title: 'A test strategy',
  author: 'Test Partnership',
  subject: 'A test',
  language: 'en-GB',
  date: '2028-05-15',
};

let browser: Browser;
const write = (pages?: Map<string, number>) => {
  const h = html(pages);
  fs.writeFileSync(path.join(dir, job.htmlFile), h);
  return h.length;
};
let raw: Uint8Array;
let headings: string[];
let pageNumbers: Map<string, number>;
let finished: Uint8Array;
type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs')['getDocument']>['promise']>;
const open = async (bytes: Uint8Array): Promise<PdfDoc> => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
};

beforeAll(async () => {
  browser = await launchBrowser();
  const printed = await printWithPageNumbers(browser, job, write);
  if (!printed.pdf) throw new Error(JSON.stringify(printed.diagnostics));
  raw = printed.pdf;
  headings = printed.headings;
  pageNumbers = printed.pageNumbers;
  finished = await finishPdf(raw, meta, headings);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Kill a process group (a browser's: it leads its own), if anything of it is left. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Whether no process of the group is left, waiting a few seconds for it to be killed and reaped. */
async function groupGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(-pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** A node of pdf.js's getStructTree(): an element (role, children) or a leaf (type, id). */
interface PdfjsNode {
  role?: string;
  type?: string;
  id?: string;
  children?: PdfjsNode[];
}
/** A pdf.js structure tree with each NonStruct replaced by its children, as the format reads it. */
function inlineNonStruct(node: PdfjsNode | null): PdfjsNode | null {
  if (!node?.children) return node;
  const children = node.children.flatMap((c) =>
    c.role === 'NonStruct' ? (inlineNonStruct(c)?.children ?? []) : [inlineNonStruct(c)!],
  );
  return { ...node, children };
}

/** Everything a reader or assistive technology uses, in a comparable form (NonStruct read through). */
async function essentials(bytes: Uint8Array) {
  const doc = await open(bytes);
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const annotations = (await page.getAnnotations()).map((a) => ({
      subtype: a.subtype,
      url: a.url,
      dest: a.dest,
      rect: a.rect,
    }));
    pages.push({
      tree: inlineNonStruct(await page.getStructTree()),
      annotations,
      text: (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(''),
    });
  }
  const dests = await doc.getDestinations();
  const outline = async (items: Awaited<ReturnType<PdfDoc['getOutline']>>): Promise<unknown[]> =>
    Promise.all(
      (items ?? []).map(async (o) => ({
        title: o.title.replace(/\s+/g, ''),
        page: Array.isArray(o.dest) ? await doc.getPageIndex(o.dest[0] as { num: number; gen: number }) : o.dest,
        items: await outline(o.items),
      })),
    );
  const { info } = await doc.getMetadata();
  return {
    pages,
    dests: Object.keys(dests).sort(),
    outline: await outline(await doc.getOutline()),
    markInfo: await doc.getMarkInfo(),
    lang: (info as Record<string, unknown>)['Language'],
  };
}

describe('page numbers from named destinations, without pdf.js', () => {
  it('agree with pdf.js for every destination, and are what the final print carries', async () => {
    const doc = await open(raw);
    const mine = namedDestinationPages(raw);
    expect(mine.pages).toBe(doc.numPages);
    const theirs = (await doc.getDestinations()) as Record<string, [{ num: number; gen: number }]>;
    expect(mine.destinations.size).toBe(Object.keys(theirs).length);
    for (const [name, dest] of Object.entries(theirs))
      expect(mine.destinations.get(name), name).toBe((await doc.getPageIndex(dest[0])) + 1);
    // The contents line for each section shows the page its heading is on.
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    for (let i = 0; i < 6; i++)
      expect(text.replace(/\s+/g, ' ')).toContain(`Section ${i + 1} page ${mine.destinations.get(`s${i}`)}`);
    expect(mine.destinations.get('s5')).toBeGreaterThan(6);
  });
});

describe('page numbers from a guess (the last build of the same strategy)', () => {
  it('a right guess is proved by one tagged print, which is the PDF the long way gives', async () => {
    const again = await printWithPageNumbers(browser, job, write, pageNumbers);
    if (!again.pdf) throw new Error(JSON.stringify(again.diagnostics));
    expect(again.prints).toBe(1);
    expect(again.pageNumbers).toEqual(pageNumbers);
    expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(raw))).toBe(0);
  });

  it('a wrong guess is corrected from the read-back, never published', async () => {
    const wrong = new Map([...pageNumbers].map(([id, page]) => [id, page + 3]));
    const fixed = await printWithPageNumbers(browser, job, write, wrong);
    if (!fixed.pdf) throw new Error(JSON.stringify(fixed.diagnostics));
    expect(fixed.prints).toBe(2);
    expect(fixed.pageNumbers).toEqual(pageNumbers);
    expect(Buffer.compare(Buffer.from(fixed.pdf), Buffer.from(raw))).toBe(0);
  });
});

describe('the headings read from the printed page', () => {
  it('are every heading’s text in order, white space collapsed, for respelling the bookmarks', () => {
    expect(headings).toEqual(
      Array.from({ length: 6 }, (_, i) => [
        `${i + 1} ${i === 2 ? HEADING : `Section ${i + 1}`}`,
        `${i + 1}.1 A heading`,
      ])
        .flat()
        .concat('7 Wrappers'),
    );
  });
});

describe('finishing the PDF', () => {
  it('keeps the structure tree, /Lang, /MarkInfo, outline, destinations and links equivalent', async () => {
    const [before, after] = [await essentials(raw), await essentials(finished)];
    expect(after.markInfo).toEqual(before.markInfo);
    expect(after.markInfo?.Marked).toBe(true);
    expect(after.lang).toBe('en-GB');
    expect(after.dests).toEqual(before.dests);
    expect(after.outline).toEqual(before.outline);
    expect(after.pages).toEqual(before.pages);
    expect(after.pages.some((p) => p.annotations.some((a) => a.url === 'https://example.org/'))).toBe(true);
    expect(after.pages.some((p) => p.annotations.some((a) => a.dest))).toBe(true);
  });

  it('spells each bookmark as its heading, where Chromium dropped the space at a line break', async () => {
    const titles = async (bytes: Uint8Array) => ((await (await open(bytes)).getOutline()) ?? []).map((o) => o.title);
    expect(await titles(raw)).not.toContain(`3 ${HEADING}`);
    expect(await titles(finished)).toContain(`3 ${HEADING}`);
  });

  it('marks the running head, page numbers and background as artefacts: nothing is drawn outside marked content', async () => {
    const untagged = async (bytes: Uint8Array) => {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      return doc.getPages().map((p) => {
        const runs = untaggedRuns(operators(pageContent(doc, p)!.whole), pageContent(doc, p)!.whole);
        return runs.runs.length + runs.left;
      });
    };
    // Chromium draws the margin boxes outside any marked content: neither tagged nor artefacts.
    expect((await untagged(raw)).every((n) => n > 0)).toBe(true);
    expect((await untagged(finished)).every((n) => n === 0)).toBe(true);
    // Read back by pdf.js: the running head and the page number stand inside an Artifact sequence, and
    // the tagged text does not.
    const doc = await open(finished);
    for (let n = 1; n <= doc.numPages; n++) {
      const where = new Map<string, string[]>();
      for (const { str, tags } of await taggedText(await doc.getPage(n))) if (str.trim()) where.set(str.trim(), tags);
      expect(where.get('Running head'), `page ${n}`).toEqual(['Artifact']);
      expect(where.get(`Page ${n}`), `page ${n}`).toEqual(['Artifact']);
      const tagged = [...where].filter(([, s]) => !s.includes('Artifact'));
      expect(tagged.length).toBeGreaterThan(0);
    }
  });

  it('adds XMP, packs objects into streams, and gives the same bytes twice', async () => {
    const text = Buffer.from(finished).toString('latin1');
    expect(text).toContain('/ObjStm');
    expect(text).toMatch(/\/Type \/Metadata[\s\S]*?<x:xmpmeta/);
    expect(finished.length).toBeLessThan(raw.length);
    expect(Buffer.compare(Buffer.from(await finishPdf(raw, meta, headings)), Buffer.from(finished))).toBe(0);
  });
});

describe('the structure tree without NonStruct wrappers', () => {
  const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });
  const nonStruct = (t: ReturnType<typeof readTree>) => t.elements.filter((e) => e.role === 'NonStruct');

  it('the fixture has the wrappers to splice: nested, around a link, under elements on two pages, with MCRs', async () => {
    const doc = await load(raw);
    const tree = readTree(doc);
    const { elements } = tree;
    const wrappers = nonStruct(tree);
    expect(wrappers.length).toBeGreaterThan(50);
    expect(wrappers.some((e) => elements[e.parent]?.role === 'NonStruct')).toBe(true);
    expect(wrappers.some((e) => elements[e.parent]?.role === 'Link')).toBe(true);
    expect(wrappers.some((e) => elements[e.parent]?.role === 'TD')).toBe(true);
    // Marked content on more than one page under one wrapper, and a wrapper whose parent holds content
    // on another page than the wrapper's own.
    const pages = (e: (typeof elements)[number]) => new Set(e.content.map((c) => c.split('/')[0]));
    expect(wrappers.some((e) => pages(e).size > 1)).toBe(true);
    expect(
      wrappers.some((e) => {
        const parent = elements[e.parent]!;
        const siblingPages = elements.filter((s) => s.parent === e.parent).flatMap((s) => [...pages(s)]);
        return [...pages(parent), ...siblingPages].some((p) => !pages(e).has(p)) && pages(e).size > 0;
      }),
    ).toBe(true);
    expect(tree.problems).toEqual([]);
  });

  it('leaves none, and every kid names its real parent and every ParentTree entry the element holding it', async () => {
    const after = readTree(await load(finished));
    expect(nonStruct(after)).toEqual([]);
    expect(after.problems).toEqual([]);
    expect(Buffer.from(finished).toString('latin1')).not.toContain('NonStruct');
  });

  it('keeps every page’s MCIDs in reading order, and every other element’s role, order and parent', async () => {
    const [before, after] = [readTree(await load(raw)), readTree(await load(finished))];
    expect([...after.mcids]).toEqual([...before.mcids]);
    expect(after.shared).toEqual(before.shared);
    const kept = withoutNonStruct(before.elements);
    expect(kept.length).toBeGreaterThan(100);
    expect(after.elements.map((e) => e.ref.toString())).toEqual(
      before.elements.filter((e) => e.role !== 'NonStruct').map((e) => e.ref.toString()),
    );
    expect(withoutNonStruct(after.elements)).toEqual(kept);
  });

  it('is read alike by poppler: pdfinfo opens the file and prints the same tree and text, NonStruct read through', () => {
    const file = (name: string, bytes: Uint8Array) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const struct = (f: string) =>
      execFileSync('pdfinfo', ['-struct-text', f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split('\n')
        .filter((line) => !/^\s*NonStruct\b/.test(line))
        .map((line) => line.trim());
    const [before, after] = [struct(file('raw.pdf', raw)), struct(file('finished.pdf', finished))];
    expect(after.length).toBeGreaterThan(100);
    expect(after).toEqual(before);
    expect(execFileSync('pdfinfo', [path.join(dir, 'finished.pdf')], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });
});

describe('a document that asks for something not its own', () => {
  it('is not printed: each remote request is an error returned with the job, not thrown', async () => {
    fs.writeFileSync(
      path.join(dir, 'remote.html'),
      '<!DOCTYPE html><html lang="en"><body><p>Map</p><img src="http://192.0.2.1/map.png" alt="Map"><img src="http://192.0.2.1/map.png" alt="Map again"></body></html>',
    );
    const printed = await printPdf(browser, { ...job, htmlFile: 'remote.html' }, { tagged: true, htmlBytes: 200 });
    expect(printed.pdf).toBeUndefined();
    expect(printed.diagnostics.map((d) => [d.ruleId, d.severity, d.file, d.message])).toEqual([
      [
        'pdf/remote-request',
        'error',
        'remote.html',
        'The PDF tried to load "http://192.0.2.1/map.png", which is not part of the strategy.',
      ],
    ]);
  });
});

describe('a browser that fails', () => {
  it('that never starts gives a clear error after the bounded wait, and is not left running', async () => {
    const fake = path.join(dir, 'hanging-browser.sh');
    const pidFile = path.join(dir, 'hanging-browser.pid');
    fs.writeFileSync(fake, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 300\n`, { mode: 0o755 });
    const started = Date.now();
    let pid: number | undefined;
    try {
      await expect(launchBrowser({ ...process.env, CHROME_PATH: fake, STRATEGY_BROWSER_TIMEOUT: '2' })).rejects.toThrow(
        /could not be started within 2 s/,
      );
      // The fake answers nothing for 300 s: an error long before that shows the wait is bounded (generous, not a timing test).
      expect(Date.now() - started).toBeLessThan(120_000);
      pid = Number(fs.readFileSync(pidFile, 'utf8'));
      // It was started in its own process group (it leads it), and the whole group is gone once the build gave up.
      expect(await groupGone(pid)).toBe(true);
    } finally {
      // Whatever the assertions said, nothing of it outlives the test.
      pid ??= fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : undefined;
      if (pid) killGroup(pid);
    }
    expect(pid === undefined || (await groupGone(pid))).toBe(true);
  });

  it('that dies while printing gives a clear error, not a protocol message', async () => {
    const own = await launchBrowser();
    fs.writeFileSync(
      path.join(dir, 'big.html'),
      `<!DOCTYPE html><html lang="en"><body>${'<p>Many pages of text to print. </p>'.repeat(40_000)}</body></html>`,
    );
    const printing = printPdf(own, { ...job, htmlFile: 'big.html' }, { tagged: true, htmlBytes: 1_000_000 });
    const pid = own.process()?.pid;
    setTimeout(() => own.process()?.kill('SIGKILL'), 300);
    try {
      await expect(printing).rejects.toThrow(/Chromium stopped while/);
      // Its renderers and helpers (the rest of its process group) went with it.
      expect(pid !== undefined && (await groupGone(pid))).toBe(true);
    } finally {
      if (pid) killGroup(pid);
    }
  });
});
