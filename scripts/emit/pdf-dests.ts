/**
 * Where each named destination lands, read straight from the PDF Chromium writes (Skia's PDF backend):
 * a classic cross-reference table, a page tree of `/Kids`, and the catalog's `/Dests` dictionary of
 * `/name [page-ref /XYZ x y zoom]`. Skia writes these dictionaries uncompressed, so a few lines of
 * parsing replace a whole PDF library (pdf.js was 74 MB of the install for this one lookup).
 *
 * Anything else (a cross-reference stream, a name tree) is not what Chromium writes: it is reported,
 * never guessed at.
 */

export class PdfReadError extends Error {}

interface Xref {
  text: string;
  offsets: Map<number, number>;
  trailer: string;
}

function readXref(pdf: Uint8Array): Xref {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!start) throw new PdfReadError('the PDF has no startxref at its end');
  const at = Number(start[1]);
  if (!text.startsWith('xref', at))
    throw new PdfReadError('the PDF has a cross-reference stream, not a table (not written by Chromium)');
  const offsets = new Map<number, number>();
  const sub = /(\d+) (\d+)\r?\n/y;
  let pos = at + 4;
  while (/\s/.test(text[pos]!)) pos++;
  for (;;) {
    sub.lastIndex = pos;
    const m = sub.exec(text);
    if (!m) break;
    const first = Number(m[1]);
    const count = Number(m[2]);
    pos = sub.lastIndex;
    for (let k = 0; k < count; k++, pos += 20) {
      const entry = text.slice(pos, pos + 18);
      if (entry.endsWith(' n')) offsets.set(first + k, Number(entry.slice(0, 10)));
    }
  }
  const trailerAt = text.indexOf('trailer', pos);
  if (trailerAt < 0) throw new PdfReadError('the PDF has no trailer');
  return { text, offsets, trailer: text.slice(trailerAt, text.indexOf('startxref', trailerAt)) };
}

function object(x: Xref, num: number): string {
  const at = x.offsets.get(num);
  if (at === undefined) throw new PdfReadError(`object ${num} is missing from the cross-reference table`);
  const end = x.text.indexOf('endobj', at);
  const body = x.text.slice(at, end);
  // A stream's data may hold anything: keep only the dictionary before it (a name such as
  // /funding-streams is not the keyword).
  const stream = /(>>)\s*stream\r?\n/.exec(body);
  return stream ? body.slice(0, stream.index + 2) : body;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** A PDF name's text: `#xx` escapes decoded as UTF-8. */
function decodeName(name: string): string {
  return Buffer.from(
    name.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

/** The page objects in reading order. */
function pageObjects(x: Xref, root: number): number[] {
  const out: number[] = [];
  const walk = (num: number, depth: number) => {
    if (depth > 64) throw new PdfReadError('the page tree is too deep');
    const dict = object(x, num);
    if (/\/Type\s*\/Page\b(?!s)/.test(dict)) {
      out.push(num);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    if (!kids) throw new PdfReadError(`page tree node ${num} has no /Kids`);
    for (const m of kids[1]!.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(m[1]), depth + 1);
  };
  walk(root, 0);
  return out;
}

/** The number of pages and the 1-based page each named destination (an element id) lands on. */
export function namedDestinationPages(pdf: Uint8Array): { pages: number; destinations: Map<string, number> } {
  const x = readXref(pdf);
  const rootNum = ref(x.trailer, 'Root');
  if (rootNum === undefined) throw new PdfReadError('the PDF trailer names no catalog');
  const catalog = object(x, rootNum);
  const pagesNum = ref(catalog, 'Pages');
  if (pagesNum === undefined) throw new PdfReadError('the catalog has no page tree');
  const pageIndex = new Map(pageObjects(x, pagesNum).map((num, i) => [num, i + 1]));
  const destinations = new Map<string, number>();
  const destsNum = ref(catalog, 'Dests');
  if (destsNum === undefined) {
    if (/\/Names\s*<<[^>]*\/Dests/.test(catalog))
      throw new PdfReadError('the PDF keeps its destinations in a name tree (not written by Chromium)');
    return { pages: pageIndex.size, destinations };
  }
  for (const m of object(x, destsNum).matchAll(/\/([^\s/[\]<>()%]+)\s*\[\s*(\d+)\s+0\s+R\s*\/XYZ/g)) {
    const page = pageIndex.get(Number(m[2]));
    if (page === undefined)
      throw new PdfReadError(`the destination ${m[1]} points at object ${m[2]}, which is not a page`);
    destinations.set(decodeName(m[1]!), page);
  }
  return { pages: pageIndex.size, destinations };
}
