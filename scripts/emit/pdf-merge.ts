/**
 * One tagged PDF from several, printed one after another (pdf-split.ts prints a very large print document
 * a part at a time). pdf-lib's `copyPages` carries a page and what it draws, but none of the document's
 * structure, so the merge copies objects itself with pdf-lib's object copier (every object a part's
 * pages, structure tree, destinations and outline reach, renumbered into the merged file) and joins:
 *
 * - the pages, in order, less the first `skip` of each part (the blank page a part starts with so that
 *   the print stylesheet's `@page :first` rules fall on it, not on the part's first real page); a blank
 *   page that anything refers to is an error, never silently kept;
 * - the structure trees under one root: the first part's `Document` element takes the kids of every
 *   later part's `Document` (their /P renamed); a part whose root holds anything else gives its root's
 *   kids to the merged root;
 * - the ParentTree: each part's keys moved past the keys of the parts before it (by its
 *   /ParentTreeNextKey), and every /StructParents (pages, form XObjects) and /StructParent
 *   (annotations) the part holds moved with them; /ParentTreeNextKey is the total;
 * - /RoleMap and /ClassMap (union); /IDTree (union, every id renamed in order: see renameIds);
 * - named destinations: the union of each part's /Dests (and of /Names /Dests name trees); a name in
 *   two parts keeps the first, as a browser resolves a repeated id to the first element;
 * - the outline: every part's top-level bookmarks chained in order under one /Outlines, /Count summed;
 * - links between parts: a part prints a link to another part's element as a link to
 *   `<linkBase><id>` (a URI), which becomes `/Dest /<id>`, the named destination a one-piece print
 *   would have written;
 * - /Lang, /MarkInfo, /ViewerPreferences and the producer from the first part; /PageLabels, if any,
 *   renumbered by the pages before each part.
 *
 * The result is deterministic (same parts, same bytes) and unfinished: pdf-finish.ts adds the
 * metadata, unwraps NonStruct, marks artefacts and packs object streams, as for a one-piece print.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  PDFPage,
  type PDFPageLeaf,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
} from 'pdf-lib';

export class PdfMergeError extends Error {}

export interface PdfPart {
  pdf: Uint8Array;
  /** Leading pages to leave out (a part's blank first page). */
  skip: number;
}

export interface MergeOptions {
  /** A link whose URI starts with this (then an element id, percent-encoded) becomes a link to that named destination. */
  linkBase?: string;
}

const N = (name: string) => PDFName.of(name);
const K = {
  K: N('K'),
  P: N('P'),
  Pg: N('Pg'),
  S: N('S'),
  Type: N('Type'),
  MCID: N('MCID'),
  Nums: N('Nums'),
  Names: N('Names'),
  Kids: N('Kids'),
  Dests: N('Dests'),
  Dest: N('Dest'),
  A: N('A'),
  URI: N('URI'),
  Annots: N('Annots'),
  Outlines: N('Outlines'),
  First: N('First'),
  Last: N('Last'),
  Next: N('Next'),
  Prev: N('Prev'),
  Parent: N('Parent'),
  Count: N('Count'),
  StructTreeRoot: N('StructTreeRoot'),
  ParentTree: N('ParentTree'),
  ParentTreeNextKey: N('ParentTreeNextKey'),
  StructParents: N('StructParents'),
  StructParent: N('StructParent'),
  RoleMap: N('RoleMap'),
  ClassMap: N('ClassMap'),
  IDTree: N('IDTree'),
  PageLabels: N('PageLabels'),
};

const kidsOf = (dict: PDFDict): PDFObject[] => {
  const k = dict.get(K.K);
  return k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
};

/** A number tree's leaves, in key order (a tree keeps its leaves in order). */
function numberTree(
  ctx: PDFContext,
  node: PDFDict | undefined,
  out: [number, PDFObject][] = [],
): [number, PDFObject][] {
  if (!node) return out;
  const nums = node.lookupMaybe(K.Nums, PDFArray);
  if (nums)
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = nums.get(i);
      if (key instanceof PDFNumber) out.push([key.asNumber(), nums.get(i + 1)]);
    }
  for (const kid of node.lookupMaybe(K.Kids, PDFArray)?.asArray() ?? [])
    numberTree(ctx, ctx.lookupMaybe(kid, PDFDict), out);
  return out;
}

/** A name tree's leaves as [key text (latin1 bytes), key, value]. */
function nameTree(
  ctx: PDFContext,
  node: PDFDict | undefined,
  out: [string, PDFString | PDFHexString, PDFObject][] = [],
): [string, PDFString | PDFHexString, PDFObject][] {
  if (!node) return out;
  const names = node.lookupMaybe(K.Names, PDFArray);
  if (names)
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.get(i);
      if (key instanceof PDFString || key instanceof PDFHexString)
        out.push([Buffer.from(key.asBytes()).toString('latin1'), key, names.get(i + 1)]);
    }
  for (const kid of node.lookupMaybe(K.Kids, PDFArray)?.asArray() ?? [])
    nameTree(ctx, ctx.lookupMaybe(kid, PDFDict), out);
  return out;
}

/** A PDF name's text: `#xx` escapes decoded, read as UTF-8 (how Chromium writes an id). */
export function nameText(name: PDFName): string {
  return Buffer.from(
    name
      .asString()
      .slice(1)
      .replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const stringText = (s: PDFObject | undefined) =>
  s instanceof PDFString || s instanceof PDFHexString ? Buffer.from(s.asBytes()).toString('latin1') : undefined;

/**
 * Structure element ids (/ID, the IDTree's keys, a table cell's /Headers) renamed `node00000001` … in
 * order through the merged file. Chromium numbers them by the renderer's DOM node ids, which count on
 * from print to print in one browser, so the same part can carry other ids after another print (a
 * page-number correction, a guess proved); renamed, the merged file does not depend on what was
 * printed before it. Within a part they keep their order.
 */
function renameIds(
  ctx: PDFContext,
  partIds: { text: string; value: PDFObject }[],
  elements: PDFDict[],
  idTree: Map<string, [PDFString | PDFHexString, PDFObject]>,
  seq: number,
): number {
  const ID = N('ID');
  const Headers = N('Headers');
  const texts = new Set(partIds.map((p) => p.text));
  for (const el of elements) {
    const id = stringText(el.get(ID));
    if (id !== undefined) texts.add(id);
  }
  const renamed = new Map<string, string>();
  for (const text of [...texts].sort(byteOrder)) renamed.set(text, `node${String(++seq).padStart(8, '0')}`);
  const rename = (s: PDFObject) => {
    const text = stringText(s);
    return text !== undefined && renamed.has(text) ? PDFString.of(renamed.get(text)!) : s;
  };
  for (const el of elements) {
    if (el.has(ID)) el.set(ID, rename(el.get(ID)!));
    const a = el.get(K.A);
    const attrs = a instanceof PDFArray ? a.asArray() : a === undefined ? [] : [a];
    for (const attr of attrs) {
      const dict = attr instanceof PDFRef ? ctx.lookupMaybe(attr, PDFDict) : attr instanceof PDFDict ? attr : undefined;
      const headers = dict?.lookupMaybe(Headers, PDFArray);
      if (headers) for (let i = 0; i < headers.size(); i++) headers.set(i, rename(headers.get(i)));
    }
  }
  for (const { text, value } of partIds) {
    const name = renamed.get(text)!;
    if (idTree.has(name)) throw new PdfMergeError(`the structure element id ${name} is given twice`);
    idTree.set(name, [PDFString.of(name), value]);
  }
  return seq;
}

/** Join tagged PDFs into one (see the module comment). */
export async function mergeTaggedPdfs(parts: readonly PdfPart[], opts: MergeOptions = {}): Promise<Uint8Array> {
  if (!parts.length) throw new PdfMergeError('nothing to merge');
  const out = await PDFDocument.create({ updateMetadata: false });
  const ctx = out.context;
  const root = ctx.obj({ Type: 'StructTreeRoot' });
  const rootRef = ctx.register(root);
  /** The merged tree's Document element (the first part's), whose /K takes later parts' kids. */
  let documentRef: PDFRef | undefined;
  let rootKids: PDFObject[] = [];
  const parentTree: PDFObject[] = [];
  let nextKey = 0;
  const roleMap = new Map<string, [PDFName, PDFObject]>();
  const classMap = new Map<string, [PDFName, PDFObject]>();
  const idTree = new Map<string, [PDFString | PDFHexString, PDFObject]>();
  const dests = new Map<string, [PDFName, PDFObject]>();
  const destNames = new Map<string, [PDFString | PDFHexString, PDFObject]>();
  const labels: [number, PDFObject][] = [];
  let anyLabels = false;
  const outlinesRef = ctx.nextRef();
  let outlineFirst: PDFRef | undefined;
  let outlineLast: PDFRef | undefined;
  let outlineCount = 0;
  /** Annotations whose URI names an element in another part: rewritten once every destination is known. */
  const partLinks: PDFDict[] = [];
  let pageOffset = 0;
  let idSeq = 0;

  for (const [index, part] of parts.entries()) {
    const src = await PDFDocument.load(part.pdf, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
    const sctx = src.context;
    const copier = PDFObjectCopier.for(sctx, ctx);
    // The copier's map from the part's objects to the merged file's: seeded so that references to the
    // part's root, Document and outline root land on the merged ones (no copy of them is made).
    const mapped = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
    const copy = <T extends PDFObject>(o: T): T => copier.copy(o) as T;

    const srcRootRef = src.catalog.get(K.StructTreeRoot);
    const srcRoot = src.catalog.lookupMaybe(K.StructTreeRoot, PDFDict);
    if (!srcRoot || !(srcRootRef instanceof PDFRef))
      throw new PdfMergeError(`part ${index + 1} has no structure tree (printed untagged?)`);
    mapped.set(srcRootRef, rootRef);
    const srcOutlinesRef = src.catalog.get(K.Outlines);
    if (srcOutlinesRef instanceof PDFRef) mapped.set(srcOutlinesRef, outlinesRef);

    // Pages first, in order: their object numbers then follow the page order.
    const pages = src.getPages();
    if (part.skip > pages.length) throw new PdfMergeError(`part ${index + 1} has fewer than ${part.skip} pages`);
    const kept = pages.slice(part.skip);
    for (const page of kept) {
      const ref = copy(page.ref);
      out.insertPage(out.getPageCount(), PDFPage.of(ctx.lookup(ref) as PDFPageLeaf, ref, out));
    }

    // The structure tree.
    const srcKids = kidsOf(srcRoot);
    const srcDocument = srcKids.length === 1 && srcKids[0] instanceof PDFRef ? srcKids[0] : undefined;
    const srcDocumentDict = srcDocument ? sctx.lookupMaybe(srcDocument, PDFDict) : undefined;
    if (srcDocument && srcDocumentDict?.has(K.S) && (documentRef === undefined ? rootKids.length === 0 : true)) {
      if (documentRef === undefined) {
        documentRef = copy(srcDocument);
        rootKids = [documentRef];
      } else {
        mapped.set(srcDocument, documentRef);
        const document = ctx.lookup(documentRef, PDFDict);
        const page = srcDocumentDict.get(K.Pg);
        const more = kidsOf(srcDocumentDict).map((kid) =>
          // Marked content on the part's Document's own page keeps that page, named.
          kid instanceof PDFNumber && page instanceof PDFRef
            ? ctx.obj({ Type: 'MCR', Pg: copy(page), MCID: kid })
            : copy(kid),
        );
        document.set(K.K, ctx.obj([...kidsOf(document), ...more]));
      }
    } else {
      if (documentRef !== undefined) {
        // An earlier part had a Document: this part's elements join it.
        rootKids = [documentRef];
        const document = ctx.lookup(documentRef, PDFDict);
        mapped.set(srcRootRef, documentRef);
        document.set(K.K, ctx.obj([...kidsOf(document), ...srcKids.map((k) => copy(k))]));
      } else rootKids.push(...srcKids.map((k) => copy(k)));
    }

    // The ParentTree, its keys after the parts before.
    const offset = nextKey;
    const entries = numberTree(sctx, srcRoot.lookupMaybe(K.ParentTree, PDFDict));
    for (const [key, value] of entries) parentTree.push(PDFNumber.of(key + offset), copy(value));
    const declared = srcRoot.get(K.ParentTreeNextKey);
    const highest = entries.reduce((m, [k]) => Math.max(m, k + 1), 0);
    nextKey = offset + Math.max(highest, declared instanceof PDFNumber ? declared.asNumber() : 0);

    for (const [into, key] of [
      [roleMap, K.RoleMap],
      [classMap, K.ClassMap],
    ] as const) {
      const dict = srcRoot.lookupMaybe(key, PDFDict);
      for (const [name, value] of dict?.entries() ?? [])
        if (!into.has(name.asString())) into.set(name.asString(), [name, copy(value)]);
    }
    const partIds = nameTree(sctx, srcRoot.lookupMaybe(K.IDTree, PDFDict)).map(([text, , value]) => ({
      text,
      value: copy(value),
    }));

    // Named destinations.
    for (const [name, value] of src.catalog.lookupMaybe(K.Dests, PDFDict)?.entries() ?? [])
      if (!dests.has(name.asString())) dests.set(name.asString(), [name, copy(value)]);
    const names = src.catalog.lookupMaybe(K.Names, PDFDict);
    for (const [text, key, value] of nameTree(sctx, names?.lookupMaybe(K.Dests, PDFDict)))
      if (!destNames.has(text)) destNames.set(text, [key, copy(value)]);

    // The outline: this part's top-level bookmarks after the last part's.
    const srcOutlines = src.catalog.lookupMaybe(K.Outlines, PDFDict);
    const first = srcOutlines?.get(K.First);
    const last = srcOutlines?.get(K.Last);
    if (srcOutlines && first instanceof PDFRef && last instanceof PDFRef) {
      const newFirst = copy(first);
      const newLast = copy(last);
      if (outlineLast) {
        ctx.lookup(outlineLast, PDFDict).set(K.Next, newFirst);
        ctx.lookup(newFirst, PDFDict).set(K.Prev, outlineLast);
      } else outlineFirst = newFirst;
      outlineLast = newLast;
      const count = srcOutlines.get(K.Count);
      outlineCount += count instanceof PDFNumber ? count.asNumber() : 0;
    }

    // Page labels, moved by the pages before this part.
    const pageLabels = src.catalog.lookupMaybe(K.PageLabels, PDFDict);
    if (pageLabels) {
      anyLabels = true;
      for (const [at, value] of numberTree(sctx, pageLabels))
        labels.push([pageOffset + Math.max(0, at - part.skip), copy(value)]);
    }

    if (index === 0) {
      for (const key of ['Lang', 'MarkInfo', 'ViewerPreferences']) {
        const value = src.catalog.get(N(key));
        if (value !== undefined) out.catalog.set(N(key), copy(value));
      }
      const producer = src.getProducer();
      if (producer !== undefined) out.setProducer(producer);
    }

    // Everything copied from this part: its /StructParent(s) move with its ParentTree keys; a blank
    // page must not have been reached; links to other parts are noted.
    for (const page of pages.slice(0, part.skip))
      if (mapped.has(page.ref))
        throw new PdfMergeError(`part ${index + 1}: its blank page ${page.ref} is referred to (it carries content)`);
    const done = new Set<PDFObject>();
    const elements: PDFDict[] = [];
    for (const value of mapped.values()) {
      const object = value instanceof PDFRef ? ctx.lookup(value) : value;
      const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
      if (!dict || done.has(dict) || object === root) continue;
      done.add(dict);
      if (dict.has(K.S) && dict.has(K.P)) elements.push(dict);
      for (const key of [K.StructParents, K.StructParent]) {
        const sp = dict.get(key);
        if (sp instanceof PDFNumber && offset) dict.set(key, PDFNumber.of(sp.asNumber() + offset));
      }
      if (opts.linkBase !== undefined && dict.get(N('Subtype')) === N('Link')) {
        const uri = dict.lookupMaybe(K.A, PDFDict)?.get(K.URI);
        if ((uri instanceof PDFString || uri instanceof PDFHexString) && uri.decodeText().startsWith(opts.linkBase))
          partLinks.push(dict);
      }
    }
    idSeq = renameIds(ctx, partIds, elements, idTree, idSeq);
    pageOffset += kept.length;
  }

  root.set(K.K, rootKids.length === 1 ? rootKids[0]! : ctx.obj(rootKids));
  root.set(K.ParentTree, ctx.register(ctx.obj({ Nums: parentTree })));
  root.set(K.ParentTreeNextKey, PDFNumber.of(nextKey));
  const sortedDict = (m: Map<string, [PDFName, PDFObject]>) => {
    const dict = ctx.obj({});
    for (const key of [...m.keys()].sort(byteOrder)) dict.set(m.get(key)![0], m.get(key)![1]);
    return dict;
  };
  if (roleMap.size) root.set(K.RoleMap, sortedDict(roleMap));
  if (classMap.size) root.set(K.ClassMap, sortedDict(classMap));
  const sortedNames = (m: Map<string, [PDFString | PDFHexString, PDFObject]>) =>
    ctx.obj({ Names: [...m.keys()].sort(byteOrder).flatMap((k) => m.get(k)!) });
  if (idTree.size) root.set(K.IDTree, ctx.register(sortedNames(idTree)));
  out.catalog.set(K.StructTreeRoot, rootRef);

  // Destinations keep the order of the first part's dictionary, then each later part's new names.
  if (dests.size) {
    const dict = ctx.obj({});
    for (const [name, value] of dests.values()) dict.set(name, value);
    out.catalog.set(K.Dests, ctx.register(dict));
  }
  if (destNames.size) out.catalog.set(K.Names, ctx.obj({ Dests: ctx.register(sortedNames(destNames)) }));
  if (outlineFirst && outlineLast) {
    ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: outlineFirst, Last: outlineLast, Count: outlineCount }));
    out.catalog.set(K.Outlines, outlinesRef);
  }
  if (anyLabels) {
    const byPage = new Map<number, PDFObject>();
    for (const [at, value] of labels) byPage.set(at, value);
    const nums = [...byPage.keys()].sort((a, b) => a - b).flatMap((k) => [PDFNumber.of(k), byPage.get(k)!]);
    out.catalog.set(K.PageLabels, ctx.register(ctx.obj({ Nums: nums })));
  }

  // Links between parts: to the named destination a one-piece print would have linked to.
  if (partLinks.length) {
    const byText = new Map<string, PDFName>();
    for (const [name] of dests.values()) if (!byText.has(nameText(name))) byText.set(nameText(name), name);
    for (const link of partLinks) {
      const uri = (link.lookup(K.A, PDFDict).get(K.URI) as PDFString | PDFHexString).decodeText();
      const raw = uri.slice(opts.linkBase!.length);
      let id: string;
      try {
        id = decodeURIComponent(raw);
      } catch {
        id = raw;
      }
      link.delete(K.A);
      link.set(K.Dest, byText.get(id) ?? PDFName.of(id));
    }
  }
  return out.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
