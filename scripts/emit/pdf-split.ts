/**
 * The split print, for very large print documents only (pdf.ts decides by the document's size): one
 * Chromium print of a 1,800-page document lays the whole of it out at once (some 4 GB) and its tagged
 * print stalls. Here the print document is cut into parts, the front matter (cover, contents, about,
 * plan) and then each top-level section (`<section class="print-section …">` in templates/print.hbs),
 * each printed in turn in its own page of the same browser (closed before the next), and the tagged
 * parts are joined into one tagged PDF by pdf-merge.ts.
 *
 * Layout does not change: every section starts a new page (print.css `.print-section { break-before:
 * page }`), which each part checks in the browser before it prints; a section that would not start a
 * page is an error, never a different layout. What a part needs to print as its pages would in one piece:
 *
 * - the same head (styles, named pages) and the draft watermark, if any (a fixed element repeated on
 *   every page);
 * - a blank first page (an empty block that breaks after it), left out by the merge: the stylesheet's
 *   `@page :first` (the cover's bare sheet) falls on it, not on the section's first page. (A stylesheet
 *   with `:left`/`:right` page rules would see the parity of a part's pages shifted by it; print.css
 *   has none.)
 * - page numbers that continue: `@page :first { counter-increment: page N }` on the blank page, so
 *   the part's first page counts N + 1; and `counter(pages)` in the stylesheets replaced by the total
 *   (a copy of each stylesheet that uses it, beside it, removed after the print);
 * - links to elements of other parts, printed as links to `<print document>#id` and turned back into
 *   named destinations by the merge; and, for each of its elements another part links to, a hidden link
 *   to it, because Chromium writes a named destination only for an element something links to.
 *
 * Known gap: the example forced through the split (STRATEGY_SPLIT_PRINT_MB=0.000001) prints the same
 * 113 pages with the same structure tree (5,012 elements, same roles and attributes), but on three runs
 * of pages a block falls one page later than in the one-piece print (a contents entry, 2 -> 3; risk
 * register rows, 100 -> 102; the last appendix's table, 112 -> 113). The contents' numbers stay true (they
 * are read back from the split print itself); the cause is not yet found (the small document of
 * tests/emit/pdf-split.test.ts prints identically). Until it is, only documents too large to print in
 * one piece are split.
 *
 * Page numbers (contents, cross-references) are found as for one print: an untagged pass part by part
 * (or the last build's numbers as a guess), then the tagged print part by part, read back to prove
 * them. The numbers kept also hold each part's page count (keys ` part N`, which no element id can be,
 * as ids hold no spaces), so a guess proves the running page numbers too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EnvironmentError } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { namedDestinationPages } from './pdf-dests.js';
import { mergeTaggedPdfs } from './pdf-merge.js';
import type { PdfJob } from './pdf-job.js';

/** A print document cut into parts: part 0 the front matter, then one part per top-level section. */
export interface SplitDocument {
  /** Everything up to and including `<body …>`. */
  head: string;
  /** Elements repeated in every part (the draft watermark). */
  shared: string;
  /** Each part's body, in order. */
  bodies: string[];
  /** From `</body>` on. */
  tail: string;
}

const SECTION = /<section\b[^>]*\bclass\s*=\s*"print-section\b/g;
const WATERMARK = /^\s*<div\b[^>]*\bclass\s*=\s*"print-watermark\b[^>]*>[^<]*<\/div>/;

/** Cut a print document at its top-level sections; undefined when it has fewer than two parts. */
export function splitPrintHtml(html: string): SplitDocument | undefined {
  const open = /<body\b[^>]*>/i.exec(html);
  const close = html.lastIndexOf('</body>');
  if (!open || close < 0) return undefined;
  const start = open.index + open[0].length;
  const body = html.slice(start, close);
  const cuts = [...body.matchAll(SECTION)].map((m) => m.index!);
  if (!cuts.length) return undefined;
  const bodies = [0, ...cuts].map((at, i, all) => body.slice(at, all[i + 1] ?? body.length));
  const shared = WATERMARK.exec(bodies[0]!)?.[0].trim() ?? '';
  return { head: html.slice(0, start), shared, bodies, tail: html.slice(close) };
}

const unescapeAttr = (s: string) =>
  s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'lt' ? '<' : e === 'gt' ? '>' : "'",
  );
const fragment = (raw: string) => {
  const s = unescapeAttr(raw);
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
const ID = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const HREF = /(\shref\s*=\s*)(?:"#([^"]*)"|'#([^']*)')/g;

/**
 * Each part's body as it prints alone: links to other parts' elements point at `linkFile#id`, and
 * hidden links at the end name its own elements that other parts link to.
 */
export function partBodies(split: SplitDocument, linkFile: string): string[] {
  const owner = new Map<string, number>();
  split.bodies.forEach((b, k) => {
    for (const m of b.matchAll(ID)) {
      const id = unescapeAttr(m[1] ?? m[2] ?? '');
      if (!owner.has(id)) owner.set(id, k);
    }
  });
  /** Per part, the hrefs (as written) of its elements that other parts link to. */
  const wanted = split.bodies.map(() => new Map<string, string>());
  const bodies = split.bodies.map((b, k) =>
    b.replace(HREF, (all, lead: string, dq: string | undefined, sq: string | undefined) => {
      const raw = dq ?? sq ?? '';
      const at = owner.get(fragment(raw));
      if (at === undefined || at === k) return all;
      wanted[at]!.set(fragment(raw), raw);
      const q = dq !== undefined ? '"' : "'";
      return `${lead}${q}${linkFile}#${raw}${q}`;
    }),
  );
  return bodies.map((b, k) =>
    wanted[k]!.size
      ? `${b}<div hidden>${[...wanted[k]!.values()].map((raw) => `<a href="#${raw.replace(/"/g, '&quot;')}"></a>`).join('')}</div>\n`
      : b,
  );
}

const PAGES = /counter\(\s*pages\s*(?:,\s*[\w-]+\s*)?\)/g;
const LINK = /<link\b[^>]*\brel\s*=\s*"stylesheet"[^>]*>/g;

/**
 * The head with `counter(pages)` replaced by the total: in its own <style> blocks, and in each linked
 * stylesheet that uses it (a copy beside it, named in `written` for removal).
 */
export function headWithTotal(head: string, dir: string, total: number, written: Set<string>): string {
  const literal = `"${total}"`;
  return head
    .replace(
      /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g,
      (_, a: string, css: string, b: string) => a + css.replace(PAGES, literal) + b,
    )
    .replace(LINK, (tag) => {
      const href = /\bhref\s*=\s*"([^"]*)"/.exec(tag)?.[1];
      if (!href || /^[a-z]+:/i.test(href)) return tag;
      const file = path.join(dir, unescapeAttr(href));
      let css: string;
      try {
        css = fs.readFileSync(file, 'utf8');
      } catch {
        return tag;
      }
      if (!PAGES.test(css)) return tag;
      PAGES.lastIndex = 0;
      const copy = `${file}.split.css`;
      fs.writeFileSync(copy, css.replace(PAGES, literal));
      written.add(copy);
      return tag.replace(/(\bhref\s*=\s*")([^"]*)"/, (_, a: string, h: string) => `${a}${h}.split.css"`);
    });
}

/** One part's whole document: part 0 as it is; every later part after a blank first page, numbered on from `firstPage`. */
export function partHtml(split: SplitDocument, head: string, body: string, index: number, firstPage: number): string {
  if (index === 0) return head + body + split.tail;
  const counter = `<style>@page :first { counter-increment: page ${firstPage - 1}; }</style>`;
  const at = head.search(/<\/head>/i);
  const withCounter = at < 0 ? head : head.slice(0, at) + counter + head.slice(at);
  return `${withCounter}\n<div class="print-split-blank" style="break-after: page"></div>\n${split.shared}\n${body}${split.tail}`;
}

const partKey = (k: number) => ` part ${k}`;

export type PrintPart = (
  htmlFile: string,
  opts: { tagged: boolean; htmlBytes: number; startsPage?: string },
) => Promise<{ pdf: Uint8Array; headings: string[] } | { pdf: undefined; diagnostics: Diagnostic[] }>;

export type SplitResult =
  | { pdf: Uint8Array; headings: string[]; pageNumbers: Map<string, number>; prints: number; diagnostics: [] }
  | { pdf: undefined; diagnostics: Diagnostic[] };

/**
 * Print the document `write` puts in the job's folder in parts and merge them (see the module comment).
 * `html` is the document written for `guess` (or with placeholders); undefined when it does not split.
 */
export async function printSplit(
  job: PdfJob,
  write: (pageNumbers?: Map<string, number>) => number,
  first: string,
  guess: Map<string, number> | undefined,
  print: PrintPart,
): Promise<SplitResult | undefined> {
  const firstSplit = splitPrintHtml(first);
  if (!firstSplit) return undefined;
  const parts = firstSplit.bodies.length;
  const base = job.htmlFile.replace(/\.html?$/i, '');
  const written = new Set<string>();
  const read = (numbers: Map<string, number> | undefined) => {
    write(numbers);
    const split = splitPrintHtml(fs.readFileSync(path.join(job.dir, job.htmlFile), 'utf8'));
    if (split?.bodies.length !== parts)
      throw new EnvironmentError(
        'The print document changed its sections between two prints.',
        'Report this with the strategy folder.',
      );
    return split;
  };
  /** Print every part once; the numbers it reads back (destinations and each part's pages). */
  const round = async (split: SplitDocument, numbers: Map<string, number> | undefined, tagged: boolean) => {
    const bodies = partBodies(split, job.htmlFile);
    const total = numbers
      ? Array.from({ length: parts }, (_, k) => numbers.get(partKey(k)) ?? 0).reduce((a, b) => a + b, 0)
      : 0;
    const head = headWithTotal(split.head, job.dir, total, written);
    const found = new Map<string, number>();
    const pdfs: Uint8Array[] = [];
    const headings: string[] = [];
    let offset = 0;
    for (const [k, body] of bodies.entries()) {
      const html = partHtml(split, head, body, k, offset + 1);
      const file = `${base}.part-${k}.html`;
      fs.writeFileSync(path.join(job.dir, file), html);
      written.add(path.join(job.dir, file));
      const printed = await print(file, {
        tagged,
        htmlBytes: Buffer.byteLength(html),
        ...(k > 0 ? { startsPage: 'body > .print-split-blank ~ section.print-section' } : {}),
      });
      fs.rmSync(path.join(job.dir, file), { force: true });
      if (!printed.pdf) return printed;
      const skip = k > 0 ? 1 : 0;
      const read = namedDestinationPages(printed.pdf);
      for (const [id, page] of read.destinations)
        if (page > skip && !found.has(id)) found.set(id, page - skip + offset);
      found.set(partKey(k), read.pages - skip);
      offset += read.pages - skip;
      if (tagged) {
        pdfs.push(printed.pdf);
        headings.push(...printed.headings);
      }
    }
    return { found, pdfs, headings };
  };
  const same = (a: Map<string, number>, b: Map<string, number>) =>
    a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
  try {
    let prints = 0;
    let numbers =
      guess && Array.from({ length: parts }, (_, k) => guess.has(partKey(k))).every(Boolean) ? guess : undefined;
    let split = numbers ? read(numbers) : firstSplit;
    if (!numbers) {
      const untagged = await round(split, undefined, false);
      prints++;
      if (!('found' in untagged)) return untagged;
      numbers = untagged.found;
      split = read(numbers);
    }
    for (let tries = 0; tries < 3; tries++) {
      const printed = await round(split, numbers, true);
      prints++;
      if (!('found' in printed)) return printed;
      if (same(printed.found, numbers)) {
        const pdf = await mergeTaggedPdfs(
          printed.pdfs.map((p, k) => ({ pdf: p, skip: k > 0 ? 1 : 0 })),
          { linkBase: `${new URL(job.htmlFile, `${pathToFileURL(path.resolve(job.dir)).href}/`).href}#` },
        );
        return { pdf, headings: printed.headings, pageNumbers: numbers, prints, diagnostics: [] };
      }
      numbers = printed.found;
      split = read(numbers);
    }
    throw new EnvironmentError(
      'The PDF’s page numbers did not settle: each print with corrected numbers moved the pages again.',
      'Report this with the strategy folder; meanwhile build the website alone with --no-pdf.',
    );
  } finally {
    for (const file of written) fs.rmSync(file, { force: true });
  }
}
