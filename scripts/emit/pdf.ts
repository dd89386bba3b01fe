/**
 * The PDF: puppeteer driving a system Chromium prints the print document to a tagged A4 PDF with
 * bookmarks (the document outline). Page furniture (running heads, "Page X of Y") is CSS paged media
 * in print.css, not the browser's header and footer template.
 *
 * Page numbers (contents, cross-references) come from a cheap first pass: the same document with
 * two-digit placeholders, printed untagged and without an outline; each named destination's page is
 * read straight from that PDF (pdf-dests.ts). The tagged print then carries the true numbers, and its
 * own destinations are read back to prove them: if any moved (a number of another width reflowed a
 * line), it is printed again with the corrected numbers, at most twice more. When the build has a
 * guess (the numbers of the last build of the same strategy), the first pass is left out: the tagged
 * print carries the guess, and the read-back proves it (one print instead of two) or corrects it (a
 * second tagged print). A wrong guess costs a print and is never published.
 *
 * A print document larger than `splitThreshold()` (12 MB; the example is about 2.5 MB) is printed section
 * by section and the tagged parts merged into one PDF (pdf-split.ts, pdf-merge.ts): one print of a
 * 1,800-page document needs some 4 GB of Chromium, and its tagged print stalls. Pages, text, page numbers
 * and links are those of a print in one piece (tests/emit/pdf-split.test.ts compares the two).
 *
 * The browser is started by the build before the chapters are rendered (startBrowser), so its launch
 * overlaps the work. A browser that will not start, crashes or hangs gives a clear error after a
 * bounded wait, and its process is killed.
 *
 * Containment: JavaScript is off, and every request that is not for the build's own files is blocked
 * and reported: a remote image or font is an error (returned as a diagnostic, the print not made),
 * never a silent network call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type BrowserContext } from 'puppeteer-core';
import { type Diagnostic, EnvironmentError } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import { BROWSER_ARGS, findBrowser } from './browser.js';
import { namedDestinationPages } from './pdf-dests.js';
import type { PdfJob } from './pdf-job.js';

export type { PdfJob } from './pdf-job.js';

/** How long to wait, in ms. `STRATEGY_BROWSER_TIMEOUT` (seconds) overrides both, e.g. on a slow CI machine. */
export function browserTimeouts(env: NodeJS.ProcessEnv = process.env): {
  launch: number;
  print: (htmlBytes: number) => number;
} {
  const override = Number(env['STRATEGY_BROWSER_TIMEOUT']);
  if (Number.isFinite(override) && override > 0) return { launch: override * 1000, print: () => override * 1000 };
  // Two minutes, plus a second for every 10 kB of print document: a 300-page strategy is about 6 MB
  // of HTML (SVG charts included), so about 12 minutes at most on a slow machine.
  return { launch: 60_000, print: (bytes) => 120_000 + Math.ceil(bytes / 10_000) * 1000 };
}

/**
 * Chromium dies with the build. It runs in its own process group (puppeteer starts it detached), so the
 * whole group (renderers too) is killed when the build exits or gets SIGINT, SIGTERM or SIGHUP; and it
 * talks to the build over a pipe, so that even when the build is killed with SIGKILL (no handler runs)
 * the pipe closes and Chromium exits rather than running on.
 */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = findBrowser(env);
  const { launch } = browserTimeouts(env);
  let launching: Promise<Browser> | undefined;
  // Aborted when our deadline passes: puppeteer then kills the browser's process group, so a browser
  // that never answers is not left running after the build has given up on it.
  const giveUp = new AbortController();
  try {
    launching = puppeteer.launch({
      signal: giveUp.signal,
      executablePath,
      headless: true,
      args: BROWSER_ARGS,
      timeout: launch,
      protocolTimeout: 30 * 60_000,
      pipe: true,
      handleSIGINT: true,
      handleSIGTERM: true,
      handleSIGHUP: true,
    });
    // Over a pipe, puppeteer's own timeout waits for a silent browser to exit; our deadline does not.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer after ${Math.round(launch / 1000)} s`)), launch);
    });
    const browser = await Promise.race([launching, deadline]).finally(() => clearTimeout(timer));
    const pid = browser.process()?.pid;
    if (pid !== undefined && process.platform !== 'win32') {
      const killGroup = () => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
      process.once('exit', killGroup);
      browser.once('disconnected', () => {
        process.off('exit', killGroup);
        killGroup();
      });
    }
    return browser;
  } catch (err) {
    giveUp.abort();
    // A browser that answers after the deadline is closed as soon as it does.
    launching?.then((b) => b.close()).catch(() => undefined);
    throw new EnvironmentError(
      `The browser at ${executablePath} could not be started within ${Math.round(launch / 1000)} s: ${(err as Error).message.split('\n')[0]}`,
      'Check that Chromium is installed completely (`sudo apt-get install -y chromium`), or set CHROME_PATH to another browser. On a slow machine, allow more time with STRATEGY_BROWSER_TIMEOUT=<seconds>.',
      { cause: err },
    );
  }
}

/** A browser started early: the build awaits it only when the print document is ready. */
export interface BrowserHandle {
  browser: () => Promise<Browser>;
  close: () => Promise<void>;
}

export function startBrowser(env: NodeJS.ProcessEnv = process.env): BrowserHandle {
  const started = launchBrowser(env);
  started.catch(() => undefined); // reported when awaited; never an unhandled rejection meanwhile
  return {
    browser: () => started,
    close: async () => {
      const b = await started.catch(() => undefined);
      if (b) await b.close().catch(() => b.process()?.kill('SIGKILL'));
    },
  };
}

/** Run one browser step with a deadline; a crash or a hang ends in a clear error, and a hung browser is killed. */
async function bounded<T>(browser: Browser, what: string, ms: number, step: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onGone: (() => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      browser.process()?.kill('SIGKILL');
      reject(
        new EnvironmentError(
          `Chromium did not finish ${what} within ${Math.round(ms / 1000)} s, so it was stopped.`,
          'Try again; if it happens again, allow more time with STRATEGY_BROWSER_TIMEOUT=<seconds>, or build the website alone with --no-pdf.',
        ),
      );
    }, ms);
    onGone = () =>
      reject(
        new EnvironmentError(
          `Chromium stopped while ${what} (it crashed or was killed).`,
          'Try again; if it happens again, check that the machine has memory to spare, or build the website alone with --no-pdf.',
        ),
      );
    browser.once('disconnected', onGone);
  });
  try {
    return await Promise.race([step(), failure]);
  } catch (err) {
    // A step that failed because the browser went away: the clearer message wins.
    if (!browser.connected) throw await failure.catch((e: unknown) => e);
    throw err;
  } finally {
    clearTimeout(timer);
    if (onGone) browser.off('disconnected', onGone);
  }
}

export interface PrintOptions {
  /** The final print: tagged, with bookmarks. The first pass is neither (only page numbers are wanted). */
  tagged: boolean;
  /** The print document's size in bytes, for the time allowed. */
  htmlBytes: number;
  /**
   * Called once the document has loaded and Chromium has been asked to print it: from then until the PDF
   * comes back, Chromium needs nothing of this process, which may do other work (the build assembles the
   * site) without holding the print up.
   */
  onPrinting?: (() => void) | undefined;
  /**
   * Where the page opens: a context of its own has its own renderer, so a print there may run beside
   * another tagged print (in one renderer, two at once number their structure elements by how they
   * interleave). Default: the browser's default context.
   */
  context?: BrowserContext | undefined;
  /**
   * A selector for an element that must start a new page in print (a part of a split print: its
   * first section); the print is refused when it would not.
   */
  startsPage?: string;
}

/**
 * What one print gives: the PDF bytes, or, when the document asked for anything that is not the
 * build's own (a remote image or font), no PDF and a `pdf/remote-request` error for each such request.
 */
export type Printed =
  | { pdf: Uint8Array; headings: string[]; diagnostics: [] }
  | { pdf: undefined; diagnostics: Diagnostic[] };

/**
 * The text of every heading (h1–h6), white space collapsed, in document order, read from the loaded
 * page (the bookmarks are respelled from it; reading it here spares parsing the whole document again).
 */
const HEADINGS = `[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent || '').replace(/\\s+/g, ' ').trim())`;

/** Print the job's document once. */
export async function printPdf(browser: Browser, job: PdfJob, opts: PrintOptions): Promise<Printed> {
  const { print } = browserTimeouts();
  const ms = print(opts.htmlBytes);
  const page = await bounded(browser, 'opening a page', ms, () => (opts.context ?? browser).newPage());
  const root = `${pathToFileURL(path.resolve(job.dir)).href}/`;
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
    return await bounded(browser, 'printing the PDF', ms, async (): Promise<Printed> => {
      await page.goto(root + job.htmlFile, { waitUntil: 'load', timeout: 0 });
      await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
      if (blocked.length) {
        const diagnostics = [...new Set(blocked)].map((url) =>
          diag('pdf/remote-request', job.htmlFile, undefined, [url]),
        );
        return { pdf: undefined, diagnostics };
      }
      if (opts.startsPage !== undefined) {
        await page.emulateMediaType('print');
        const breaks = (await page.evaluate(
          `(() => { const e = document.querySelector(${JSON.stringify(opts.startsPage)}); return e ? getComputedStyle(e).breakBefore : 'missing'; })()`,
        )) as string;
        if (!['page', 'left', 'right', 'recto', 'verso'].includes(breaks))
          throw new EnvironmentError(
            `The print document is too large to print in one piece, and printing it section by section needs each section to start a new page, but ${breaks === 'missing' ? 'a part has no section' : `a section breaks "${breaks}"`}.`,
            'Keep `.print-section { break-before: page; }` in templates/assets/print.css (or your own print stylesheet).',
          );
      }
      const headings = opts.tagged ? ((await page.evaluate(HEADINGS)) as string[]) : [];
      const printing = page.pdf({
        printBackground: true,
        tagged: opts.tagged,
        outline: opts.tagged,
        preferCSSPageSize: true,
        timeout: 0,
        // The fonts were awaited above; without a second wait, the print is asked for in this call, so
        // `onPrinting` runs only once Chromium has it.
        waitForFonts: false,
      });
      opts.onPrinting?.();
      const pdf = await printing;
      return { pdf: stampDate(pdf, job.date), headings, diagnostics: [] };
    });
  } finally {
    if (browser.connected) await page.close().catch(() => undefined);
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

/**
 * Print documents larger than this (bytes) print section by section (pdf-split.ts): one Chromium print
 * of the whole needs some 100 times its size in memory. The example is about 2.5 MB; 16 times it, 40 MB.
 * `STRATEGY_SPLIT_PRINT_MB` overrides it.
 */
export function splitThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env['STRATEGY_SPLIT_PRINT_MB']);
  return Number.isFinite(mb) && mb > 0 ? mb * 1_000_000 : 12_000_000;
}

/** The 1-based page each named destination (element id) lands on, read back from a printed PDF. */
export function pageNumbersOf(pdf: Uint8Array): Map<string, number> {
  return namedDestinationPages(pdf).destinations;
}

const samePages = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * Print with true page numbers: a cheap untagged pass finds them (unless there is a `guess`), the
 * tagged print carries them and is read back to prove them; a print whose pages moved is made again
 * with the numbers read back. `write` puts the print document for the given numbers (placeholders
 * when undefined) into the job's folder and returns its size in bytes. `onPrinting` is called when the
 * first print has been asked for (see PrintOptions).
 */
export async function printWithPageNumbers(
  browser: Browser,
  job: PdfJob,
  write: (pageNumbers?: Map<string, number>) => number,
  guess?: Map<string, number>,
  onPrinting?: () => void,
  opts: { splitAbove?: number } = {},
): Promise<
  | { pdf: Uint8Array; headings: string[]; pageNumbers: Map<string, number>; prints: number; diagnostics: [] }
  | { pdf: undefined; diagnostics: Diagnostic[] }
> {
  const splitAbove = opts.splitAbove ?? splitThreshold();
  // The document for the guess (or with placeholders) is written once, and printed as it is below.
  let written: number | undefined = write(guess);
  if (written > splitAbove) {
    const { printSplit } = await import('./pdf-split.js');
    const html = fs.readFileSync(path.join(job.dir, job.htmlFile), 'utf8');
    let asked = false;
    const split = await printSplit(job, write, html, guess, (htmlFile, o) => {
      const first = !asked;
      asked = true;
      return printPdf(browser, { ...job, htmlFile }, { ...o, onPrinting: first ? onPrinting : undefined });
    });
    if (split) return split;
  }
  let prints = 0;
  let numbers = guess;
  if (!numbers) {
    const first = await printPdf(browser, job, { tagged: false, htmlBytes: written, onPrinting });
    written = undefined;
    prints++;
    if (!first.pdf) return first;
    numbers = pageNumbersOf(first.pdf);
  }
  for (let tries = 0; tries < 3; tries++) {
    const printed = await printPdf(browser, job, {
      tagged: true,
      htmlBytes: written ?? write(numbers),
      onPrinting: prints === 0 ? onPrinting : undefined,
    });
    written = undefined;
    prints++;
    if (!printed.pdf) return printed;
    const pages = pageNumbersOf(printed.pdf);
    if (samePages(pages, numbers)) return { ...printed, pageNumbers: numbers, prints };
    numbers = pages;
  }
  throw new EnvironmentError(
    'The PDF’s page numbers did not settle: each print with corrected numbers moved the pages again.',
    'Report this with the strategy folder; meanwhile build the website alone with --no-pdf.',
  );
}
