/**
 * Page furniture as artefacts. Chromium tags the document's content (each piece a marked-content
 * sequence with an MCID, in the structure tree) but draws the CSS paged-media margin boxes (running
 * head, "Page X of Y") and page backgrounds outside any marked content: neither tagged nor marked as
 * artefacts, which PDF/UA forbids and which some screen readers read out on every page. Here every
 * run of drawing that stands outside all marked content is wrapped in `/Artifact BMC … EMC`.
 *
 * Only content streams change: no MCID, structure element, ParentTree entry, annotation or outline is
 * touched (tests/emit/pdf-finish.test.ts checks they stay equivalent). A run is wrapped only where that
 * keeps the stream valid: it must open and close within the same text object (BT … ET) state.
 */
import zlib from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  type PDFDocument,
  PDFName,
  type PDFPage,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from 'pdf-lib';

/** Byte classes of PDF syntax, as lookup tables: this loop runs over every byte of every page. */
const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
/** Bytes that start a number (an operand), never an operator. */
const NUMERIC = new Uint8Array(256);
for (const c of '0123456789+-.') NUMERIC[c.charCodeAt(0)] = 1;
/** Operators that put marks on the page. */
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'Tj', 'TJ', "'", '"', 'EI']);

interface Op {
  op: string;
  /** Offset of its first operand (or of the operator when it has none). */
  start: number;
  /** Offset just past the operator. */
  end: number;
}

/** The operators of a content stream with their byte ranges (strings, dicts, arrays and inline images skipped). */
export function operators(s: Uint8Array): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let operandStart = -1;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (WHITE[c]) {
      i++;
      continue;
    }
    if (c === 0x25 /* % */) {
      while (i < n && s[i] !== 0x0a && s[i] !== 0x0d) i++;
      continue;
    }
    const at = i;
    if (c === 0x28 /* ( */) {
      let depth = 0;
      for (; i < n; i++) {
        if (s[i] === 0x5c /* \ */) i++;
        else if (s[i] === 0x28) depth++;
        else if (s[i] === 0x29 && --depth === 0) break;
      }
      i++;
    } else if (c === 0x3c /* < */ && s[i + 1] === 0x3c) i += 2;
    else if (c === 0x3e /* > */ && s[i + 1] === 0x3e) i += 2;
    else if (c === 0x3c) {
      while (i < n && s[i] !== 0x3e) i++;
      i++;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) i++;
    else if (c === 0x2f /* / */) {
      i++;
      while (i < n && !WHITE[s[i]!] && !DELIM[s[i]!]) i++;
    } else {
      while (i < n && !WHITE[s[i]!] && !DELIM[s[i]!]) i++;
      let word = '';
      if (!NUMERIC[c]) for (let k = at; k < i; k++) word += String.fromCharCode(s[k]!);
      if (word !== '' && word !== 'true' && word !== 'false' && word !== 'null') {
        if (word === 'ID') {
          // Inline image data runs to whitespace, EI, whitespace.
          i++;
          while (i < n && !(WHITE[s[i - 1]!] && s[i] === 0x45 && s[i + 1] === 0x49 && (i + 2 >= n || WHITE[s[i + 2]!])))
            i++;
          ops.push({ op: 'EI', start: operandStart < 0 ? at : operandStart, end: i + 2 });
          i += 2;
          operandStart = -1;
          continue;
        }
        ops.push({ op: word, start: operandStart < 0 ? at : operandStart, end: i });
        operandStart = -1;
        continue;
      }
    }
    if (operandStart < 0) operandStart = at;
  }
  return ops;
}

/**
 * The ranges [start, end) of drawing outside all tagged content (marked content with an MCID) and
 * artefacts, that can be wrapped as artefacts. Marked content without an MCID met on the way (Chromium's `/Span` with an
 * ActualText for a special space) stays inside the run, nested in the artefact.
 */
export function untaggedRuns(ops: readonly Op[], source: Uint8Array): { runs: [number, number][]; left: number } {
  const runs: [number, number][] = [];
  let left = 0;
  /** Open marked-content sequences: true for tagged ones (with an MCID). */
  const stack: boolean[] = [];
  let tagged = 0;
  let text = 0;
  let run: { from: number; to: number; text: number; lowest: number; paints: boolean; open: number } | undefined;
  const close = () => {
    if (run?.paints) {
      if (run.lowest >= run.text && text === run.text && stack.length === run.open) runs.push([run.from, run.to]);
      else left++;
    }
    run = undefined;
  };
  for (const o of ops) {
    if (o.op === 'BDC' || o.op === 'BMC') {
      // Tagged content (an MCID) or an artefact already: covered, and the end of any run.
      const src = String.fromCharCode(...source.subarray(o.start, o.end));
      const isTagged = /^\/Artifact\b/.test(src) || (o.op === 'BDC' && /\/MCID\b/.test(src));
      if (isTagged) {
        close();
        tagged++;
      }
      stack.push(isTagged);
      if (!isTagged && run) run.to = o.end;
      continue;
    }
    if (o.op === 'EMC') {
      // A run that began inside this (untagged) sequence ends before its EMC, so the two nest.
      if (run && !stack.at(-1) && stack.length === run.open) close();
      if (stack.pop()) tagged--;
      else if (run) run.to = o.end;
      continue;
    }
    if (tagged > 0) {
      if (o.op === 'BT') text++;
      else if (o.op === 'ET') text--;
      continue;
    }
    if (!run) run = { from: o.start, to: o.end, text, lowest: text, paints: false, open: stack.length };
    if (o.op === 'BT') text++;
    else if (o.op === 'ET') text--;
    run.to = o.end;
    run.lowest = Math.min(run.lowest, text);
    if (PAINT.has(o.op)) run.paints = true;
  }
  close();
  return { runs, left };
}

const ascii = (s: string) => new TextEncoder().encode(s);

/**
 * A raw stream's decoded bytes. Flate alone (what Chromium writes) goes through Node's zlib, some thirty
 * times faster than pdf-lib's JavaScript inflater; any other filter chain through pdf-lib.
 */
function decoded(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const flate = filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'));
  return flate ? zlib.inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
}

/** A page's content stream, its parts joined (they are one stream split anywhere), and the objects it came from. */
export function pageContent(doc: PDFDocument, page: PDFPage): { whole: Uint8Array; refs: unknown[] } | undefined {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const parts: Uint8Array[] = [];
  for (const r of refs) {
    const stream = r instanceof PDFRef ? doc.context.lookup(r) : r;
    if (stream instanceof PDFRawStream) parts.push(decoded(stream));
    else if (stream instanceof PDFStream) parts.push(stream.getContents());
    else return undefined;
  }
  const whole = new Uint8Array(parts.reduce((a, p) => a + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    whole.set(p, at);
    whole[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return { whole, refs };
}

/** Wrap every page's untagged drawing as artefacts; returns how many runs were wrapped and left. */
export function markArtifacts(doc: PDFDocument): { wrapped: number; left: number } {
  let wrapped = 0;
  let left = 0;
  for (const page of doc.getPages()) {
    const content = pageContent(doc, page);
    if (!content) {
      left++;
      continue;
    }
    const { whole, refs } = content;
    const found = untaggedRuns(operators(whole), whole);
    left += found.left;
    if (!found.runs.length) continue;
    const open = ascii('/Artifact BMC\n');
    const shut = ascii('\nEMC');
    const out = new Uint8Array(whole.length + found.runs.length * (open.length + shut.length));
    let from = 0;
    let to = 0;
    for (const [a, b] of found.runs) {
      out.set(whole.subarray(from, a), to);
      to += a - from;
      out.set(open, to);
      to += open.length;
      out.set(whole.subarray(a, b), to);
      to += b - a;
      out.set(shut, to);
      to += shut.length;
      from = b;
    }
    out.set(whole.subarray(from), to);
    wrapped += found.runs.length;
    // The new stream takes the first stream's object number; the others are dropped (nothing else refers to them).
    // Deflated by Node's zlib at a fixed level: fast, and the same bytes on every build.
    const stream = doc.context.stream(zlib.deflateSync(out, { level: 6 }), { Filter: 'FlateDecode' });
    const [first, ...rest] = refs;
    if (first instanceof PDFRef) {
      doc.context.assign(first, stream);
      page.node.set(PDFName.of('Contents'), first);
    } else page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    for (const r of rest) if (r instanceof PDFRef) doc.context.delete(r);
  }
  return { wrapped, left };
}
