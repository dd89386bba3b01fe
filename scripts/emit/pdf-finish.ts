/**
 * Finishing the PDF Chromium printed, with pdf-lib (pure JavaScript: no system package to install, and
 * one save does everything below):
 *
 * - an XMP metadata stream (title, language, author and publisher, dates) beside the Info dictionary,
 *   both dated by the edition (build.date), never the clock, so two builds give the same bytes;
 * - bookmark titles spelled exactly as the headings: Chromium builds them from the heading's laid-out
 *   lines and drops the space at each line break ("Strategic NeedsAssessment"), so a title that equals
 *   a heading once spaces (and case, from text-transform) are ignored gets the heading's own text back;
 * - Chromium's `NonStruct` wrappers (one per div or span) spliced out of the structure tree, their kids
 *   given to the parent, as the format reads them anyway (pdf-structure.ts);
 * - page furniture (running heads, page numbers, backgrounds) marked as artefacts (pdf-artifacts.ts);
 * - object streams: the thousands of small structure-tree objects are packed into compressed streams,
 *   which halves the file. Fonts are already subset by Chromium.
 *
 * Everything else (the rest of the structure tree, /Lang, /MarkInfo, outlines, link annotations,
 * destinations) is carried over object for object; tests/emit/pdf-finish.test.ts checks it stays equivalent.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { markArtifacts } from './pdf-artifacts.js';
import { unwrapNonStruct } from './pdf-structure.js';

export interface PdfMetadata {
  title: string;
  /** Author and publisher: the partnership. */
  author: string;
  subject: string;
  language: string;
  /** `YYYY-MM-DD`: the edition date. */
  date: string;
  keywords?: string[];
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function xmpPacket(meta: PdfMetadata, producer: string): string {
  const stamp = `${meta.date}T00:00:00Z`;
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:publisher><rdf:Bag><rdf:li>${xml(meta.author)}</rdf:li></rdf:Bag></dc:publisher>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>
   <dc:date><rdf:Seq><rdf:li>${meta.date}</rdf:li></rdf:Seq></dc:date>
   <xmp:CreateDate>${stamp}</xmp:CreateDate>
   <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
   <xmp:CreatorTool>csp-strategy (Chromium)</xmp:CreatorTool>
   <pdf:Producer>${xml(producer)}</pdf:Producer>${meta.keywords?.length ? `\n   <pdf:Keywords>${xml(meta.keywords.join(', '))}</pdf:Keywords>` : ''}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
}

/** A heading's shape: no white space, lower case (a heading may be set in capitals by CSS). */
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const titleText = (v: unknown): string | undefined =>
  v instanceof PDFHexString || v instanceof PDFString ? v.decodeText() : undefined;

/** Give each bookmark the exact text of its heading, where they differ only by white space. */
function respellOutline(doc: PDFDocument, headings: string[]): number {
  const byShape = new Map<string, string>();
  for (const h of headings) if (!byShape.has(squash(h))) byShape.set(squash(h), h);
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let fixed = 0;
  const seen = new Set<PDFDict>();
  const walk = (first: unknown) => {
    let item = first instanceof PDFRef ? doc.context.lookupMaybe(first, PDFDict) : undefined;
    while (item && !seen.has(item)) {
      seen.add(item);
      const title = titleText(item.get(PDFName.of('Title')));
      const heading = title === undefined ? undefined : byShape.get(squash(title));
      if (title !== undefined && heading !== undefined && heading !== title) {
        item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
        fixed++;
      }
      walk(item.get(PDFName.of('First')));
      const next = item.get(PDFName.of('Next'));
      item = next instanceof PDFRef ? doc.context.lookupMaybe(next, PDFDict) : undefined;
    }
  };
  if (outlines) walk(outlines.get(PDFName.of('First')));
  return fixed;
}

/** The finished PDF: metadata, bookmark titles, structure tree, artefacts and object streams. Deterministic: same input, same bytes. */
export async function finishPdf(pdf: Uint8Array, meta: PdfMetadata, headings: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  const producer = doc.getProducer() ?? 'Chromium';
  const date = new Date(`${meta.date}T00:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator('csp-strategy (Chromium)');
  doc.setProducer(producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage(meta.language);
  // UTF-8 bytes: pdf-lib would write a string's characters as single bytes.
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta, producer)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  respellOutline(doc, headings);
  unwrapNonStruct(doc);
  markArtifacts(doc);
  return doc.save({
    useObjectStreams: true,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
}
