/**
 * The PDF: puppeteer driving a system Chromium prints the print document to a tagged A4 PDF with
 * bookmarks (the document outline) and page numbers in the footer. It is printed twice: the first
 * pass finds the page every section and heading starts on (from the PDF's named destinations), the
 * second prints those true page numbers in the contents.
 *
 * Containment: JavaScript is off, and every request that is not for the build's own files is blocked
 * and reported: a remote image or font is an error, never a silent network call.
 * Reproducibility: Chromium stamps the current time into the PDF; it is replaced by the edition's date.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ContentError, EnvironmentError } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { esc } from '../render/html.js';
import { BROWSER_ARGS, findBrowser } from './browser.js';

export interface PdfJob {
  /** The folder holding the print document and its assets (the build's temporary output). */
  dir: string;
  /** The print document, relative to `dir`. */
  htmlFile: string;
  /** Where to write the PDF, relative to `dir`. */
  pdfFile: string;
  /** Footer text, e.g. the document title. */
  footer: string;
  /** `YYYY-MM-DD`: the date stamped into the PDF's metadata. */
  date: string;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  try {
    return await puppeteer.launch({ executablePath, headless: true, args: BROWSER_ARGS, timeout: 60_000 });
  } catch (err) {
    throw new EnvironmentError(`The browser at ${executablePath} could not be started: ${(err as Error).message.split('\n')[0]}`, 'Check that Chromium is installed completely (`sudo apt-get install -y chromium`), or set CHROME_PATH to another browser.', { cause: err });
  }
}

/** Print one pass. Returns the PDF bytes. */
export async function printPdf(browser: Browser, job: PdfJob): Promise<Uint8Array> {
  const page = await browser.newPage();
  const root = pathToFileURL(path.resolve(job.dir)).href + '/';
  const blocked: string[] = [];
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith(root) || url.startsWith('data:')) void req.continue();
      else {
        blocked.push(url);
        void req.abort('blockedbyclient');
      }
    });
    await page.goto(root + job.htmlFile, { waitUntil: 'load', timeout: 120_000 });
    await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
    if (blocked.length) {
      throw new ContentError(blocked.map((url) => diag('pdf/remote-request', job.htmlFile, undefined, [url])));
    }
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-family: Arial, 'Liberation Sans', sans-serif; font-size: 8pt; color: #505a5f; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;"><span>${esc(job.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' },
      timeout: 180_000,
    });
    return stampDate(pdf, job.date);
  } finally {
    await page.close();
  }
}

/** Replace Chromium's creation and modification times by the edition date, in place (same length, so offsets hold). */
export function stampDate(pdf: Uint8Array, date: string): Uint8Array {
  const buf = Buffer.from(pdf);
  const digits = `${date.replace(/-/g, '')}000000`;
  const re = /\/(?:CreationDate|ModDate) ?\(D:(\d{14})([+-]\d{2}'\d{2}'?)?/g;
  const text = buf.toString('latin1');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const at = m.index + m[0].length - (m[2]?.length ?? 0) - 14;
    buf.write(digits, at, 'latin1');
    if (m[2]) buf.write(`+00'00'`.slice(0, m[2].length), at + 14, 'latin1');
  }
  return new Uint8Array(buf);
}

/** The 1-based page each named destination (element id) lands on, read back from a printed PDF. */
export async function pageNumbersOf(pdf: Uint8Array): Promise<Map<string, number>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const dests = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    const out = new Map<string, number>();
    for (const [name, dest] of Object.entries(dests)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') out.set(name, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
