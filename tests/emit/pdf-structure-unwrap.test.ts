/**
 * Splicing NonStruct wrappers out of a structure tree (scripts/emit/pdf-structure.ts), on a small tree
 * built by hand with the shapes Chromium writes and the ones it does not (a wrapper with /Lang, one right
 * under the StructTreeRoot), which must stay. tests/emit/pdf-finish.test.ts does the same on a real print.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { unwrapNonStruct } from '../../scripts/emit/pdf-structure.js';
import { readTree } from '../support/pdf-tree.js';

/** Two pages; a tree whose wrappers hold MCIDs, nested wrappers, a link's object reference. */
async function handBuilt() {
  const doc = await PDFDocument.create();
  const [one, two] = [doc.addPage(), doc.addPage()];
  const ctx = doc.context;
  const ref = () => ctx.nextRef();
  const r = {
    root: ref(),
    document: ref(),
    p1: ref(),
    a: ref(),
    b: ref(),
    p2: ref(),
    c: ref(),
    p3: ref(),
    d: ref(),
    p4: ref(),
    e: ref(),
    link: ref(),
    f: ref(),
    lang: ref(),
    top: ref(),
    annot: ref(),
  };
  const el = (at: PDFRef, S: string, P: PDFRef, K: unknown, more: Record<string, unknown> = {}) =>
    ctx.assign(at, ctx.obj({ Type: 'StructElem', S, P, K, ...more } as never));
  const mcr = (Pg: PDFRef, MCID: number) => ctx.obj({ Type: 'MCR', Pg, MCID });
  el(r.document, 'Document', r.root, [r.p1, r.p2, r.p3, r.p4, r.link, r.lang]);
  // Nested wrappers on the paragraph's own page: their MCIDs stay plain integers.
  el(r.p1, 'P', r.document, [0, r.a], { Pg: one.ref });
  el(r.a, 'NonStruct', r.p1, [1, r.b], { Pg: one.ref });
  el(r.b, 'NonStruct', r.a, 2, { Pg: one.ref });
  // A cell with no page of its own: it takes its wrapper's.
  el(r.p2, 'TD', r.document, [r.c]);
  el(r.c, 'NonStruct', r.p2, 0, { Pg: two.ref });
  // Its own kid names its page; the wrapper's MCID is on page two, which it takes.
  el(r.p3, 'P', r.document, [mcr(one.ref, 3), r.d]);
  el(r.d, 'NonStruct', r.p3, 1, { Pg: two.ref });
  // On page one, with a wrapper on page two: the moved MCID needs a reference naming page two.
  el(r.p4, 'P', r.document, [4, r.e], { Pg: one.ref });
  el(r.e, 'NonStruct', r.p4, [2], { Pg: two.ref });
  // A link whose annotation the wrapper held.
  el(r.link, 'Link', r.document, r.f);
  el(r.f, 'NonStruct', r.link, ctx.obj({ Type: 'OBJR', Obj: r.annot }), { Pg: one.ref });
  el(r.lang, 'NonStruct', r.document, 5, { Pg: one.ref, Lang: PDFString.of('cy') });
  el(r.top, 'NonStruct', r.root, 3, { Pg: two.ref });
  ctx.assign(r.annot, ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], StructParent: 2 }));
  one.node.set(PDFName.of('Annots'), ctx.obj([r.annot]));
  one.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
  two.node.set(PDFName.of('StructParents'), PDFNumber.of(1));
  const parentTree = ctx.obj({
    Nums: [0, [r.p1, r.a, r.b, r.p3, r.p4, r.lang], 1, ctx.register(ctx.obj([r.c, r.d, r.e, r.top])), 2, r.f],
  });
  ctx.assign(
    r.root,
    ctx.obj({ Type: 'StructTreeRoot', K: [r.document, r.top], ParentTree: parentTree, ParentTreeNextKey: 3 }),
  );
  doc.catalog.set(PDFName.of('StructTreeRoot'), r.root);
  return { doc, r, pages: { one: one.ref, two: two.ref } };
}

const dict = (doc: PDFDocument, ref: PDFRef) => doc.context.lookup(ref, PDFDict);
/** A value as a comparable plain form: numbers, names, refs as "n R", arrays and dictionaries. */
function plain(doc: PDFDocument, o: PDFObject | undefined): unknown {
  if (o instanceof PDFArray) return o.asArray().map((x) => plain(doc, x));
  if (o instanceof PDFDict) return Object.fromEntries(o.keys().map((k) => [k.decodeText(), plain(doc, o.get(k))]));
  if (o instanceof PDFRef) return `${o.objectNumber} R`;
  return o instanceof PDFNumber ? o.asNumber() : o?.toString();
}

describe('splicing out NonStruct wrappers', () => {
  it('gives each wrapper’s kids to its parent, in place, and keeps the ones that say something', async () => {
    const { doc, r, pages } = await handBuilt();
    const before = readTree(doc);
    expect(before.problems).toEqual([]);
    expect(unwrapNonStruct(doc)).toEqual({ removed: 6, kept: 2 });
    const K = (ref: PDFRef) => plain(doc, dict(doc, ref).get(PDFName.of('K')));
    const at = (page: PDFRef) => `${page.objectNumber} R`;
    expect(K(r.p1)).toEqual([0, 1, 2]);
    expect(K(r.p2)).toBe(0);
    expect(plain(doc, dict(doc, r.p2).get(PDFName.of('Pg')))).toBe(at(pages.two));
    expect(K(r.p3)).toEqual([{ Type: '/MCR', Pg: at(pages.one), MCID: 3 }, 1]);
    expect(plain(doc, dict(doc, r.p3).get(PDFName.of('Pg')))).toBe(at(pages.two));
    expect(K(r.p4)).toEqual([4, { Type: '/MCR', Pg: at(pages.two), MCID: 2 }]);
    expect(K(r.link)).toEqual({ Type: '/OBJR', Obj: `${r.annot.objectNumber} R` });
    expect(plain(doc, dict(doc, r.link).get(PDFName.of('Pg')))).toBe(at(pages.one));
    // The wrapper with a /Lang, and the one under the root, stay as they were.
    expect(plain(doc, dict(doc, r.lang))).toMatchObject({ S: '/NonStruct', Lang: '(cy)', K: 5 });
    expect(plain(doc, dict(doc, r.top))).toMatchObject({ S: '/NonStruct', K: 3 });
    for (const gone of [r.a, r.b, r.c, r.d, r.e, r.f]) expect(doc.context.lookup(gone)).toBeUndefined();
    const parentTree = dict(doc, r.root).lookup(PDFName.of('ParentTree'), PDFDict);
    expect(plain(doc, parentTree.lookup(PDFName.of('Nums'), PDFArray))).toEqual([
      0,
      [r.p1, r.p1, r.p1, r.p3, r.p4, r.lang].map((x) => `${x.objectNumber} R`),
      1,
      expect.stringMatching(/ R$/),
      2,
      `${r.link.objectNumber} R`,
    ]);

    // Written and read back: the same MCIDs in the same order, every /P and ParentTree entry right.
    const after = readTree(await PDFDocument.load(await doc.save()));
    expect(after.problems).toEqual([]);
    expect([...after.mcids]).toEqual([...before.mcids]);
    expect(after.elements.map((e) => e.role)).toEqual([
      'Document',
      'P',
      'TD',
      'P',
      'P',
      'Link',
      'NonStruct',
      'NonStruct',
    ]);
  });

  it('leaves a document without a structure tree alone', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(unwrapNonStruct(doc)).toEqual({ removed: 0, kept: 0 });
  });
});
