/**
 * The structure tree without Chromium's `NonStruct` wrappers. Chromium tags every generic box (a div or
 * span with no role of its own) as a `NonStruct` element: in the example some 4,700 of its 9,700
 * elements, each a separate object. The PDF format defines `NonStruct` as grouping with no meaning, whose
 * kids are read as kids of its parent (ISO 32000-1, 14.8.4.2), so each one is spliced out here:
 *
 * - its kids take its place, in order, in the /K of its nearest ancestor that stays, and each kid
 *   element's /P names that ancestor;
 * - a marked-content id (an integer kid, on the wrapper's /Pg) moved to an ancestor on another page, or
 *   with no page, becomes a marked-content reference naming its page; an ancestor with no /Pg of its own
 *   whose page-bound kids all come from one page takes that page as its /Pg instead (as Chromium writes
 *   a paragraph), so the ids stay plain integers;
 * - the ParentTree entries (a page's MCID -> element array, an annotation's -> element) that named a
 *   wrapper name that ancestor, and the wrapper objects are deleted so they are not written.
 *
 * A `NonStruct` is kept where splicing would lose or change something: it carries anything beside
 * /Type /S /P /Pg /K (Chromium writes nothing else on one, but /Lang, /Alt, /ActualText, /ID, /A would
 * matter), it stands right under the StructTreeRoot (whose /K may hold elements only), or it has
 * page-bound kids but no /Pg to give them. Content streams, MCIDs, annotations and every other element
 * are left as they were; tests/emit/pdf-finish.test.ts checks the reading order and the ParentTree.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';

const NAME = {
  K: PDFName.of('K'),
  P: PDFName.of('P'),
  Pg: PDFName.of('Pg'),
  S: PDFName.of('S'),
  Type: PDFName.of('Type'),
  MCID: PDFName.of('MCID'),
  MCR: PDFName.of('MCR'),
  OBJR: PDFName.of('OBJR'),
  Nums: PDFName.of('Nums'),
  Kids: PDFName.of('Kids'),
  NonStruct: PDFName.of('NonStruct'),
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  ParentTree: PDFName.of('ParentTree'),
};
/** What a wrapper may carry and still say nothing. */
const PLAIN_KEYS = new Set(['/Type', '/S', '/P', '/Pg', '/K']);

/** The kids of an element or of the root: /K is one kid or an array of them. */
export function kidsOf(dict: PDFDict): PDFObject[] {
  const k = dict.get(NAME.K);
  if (k === undefined) return [];
  return k instanceof PDFArray ? k.asArray() : [k];
}

/** A kid that is a structure element (referenced: Chromium writes every element as its own object). */
function elementOf(doc: PDFDocument, kid: PDFObject): PDFDict | undefined {
  if (!(kid instanceof PDFRef)) return undefined;
  const d = doc.context.lookup(kid);
  return d instanceof PDFDict && d.has(NAME.S) ? d : undefined;
}

/** A marked-content or object reference dictionary (direct or referenced). */
function referenceOf(doc: PDFDocument, kid: PDFObject): PDFDict | undefined {
  const d = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
  if (!(d instanceof PDFDict)) return undefined;
  const type = d.get(NAME.Type);
  return type === NAME.MCR || type === NAME.OBJR ? d : undefined;
}

/** A kid whose page comes from its element's /Pg: an MCID, or a reference dictionary without a /Pg. */
function needsPage(doc: PDFDocument, kid: PDFObject): boolean {
  if (kid instanceof PDFNumber) return true;
  const ref = referenceOf(doc, kid);
  return ref !== undefined && !ref.has(NAME.Pg);
}

const pageOf = (dict: PDFDict): PDFRef | undefined => {
  const pg = dict.get(NAME.Pg);
  return pg instanceof PDFRef ? pg : undefined;
};

/** Whether an element is a `NonStruct` that can go: see the module comment for when one stays. */
function isSpliceable(doc: PDFDocument, el: PDFDict): boolean {
  if (el.get(NAME.S) !== NAME.NonStruct) return false;
  if (el.keys().some((k) => !PLAIN_KEYS.has(k.asString()))) return false;
  const parent = el.get(NAME.P);
  const parentDict = parent instanceof PDFRef ? doc.context.lookup(parent) : undefined;
  if (!(parentDict instanceof PDFDict) || parentDict.get(NAME.Type) === NAME.StructTreeRoot) return false;
  return pageOf(el) !== undefined || !kidsOf(el).some((k) => needsPage(doc, k));
}

/** A kid moved up out of a wrapper, with the page it had there if its page came from the wrapper. */
interface Moved {
  kid: PDFObject;
  page: PDFRef | undefined;
}

/** The kids of an element with every spliceable wrapper among them (at any depth) replaced by its kids. */
function flatten(doc: PDFDocument, kids: PDFObject[], removed: PDFRef[]): { kid: PDFObject; moved?: Moved }[] {
  const out: { kid: PDFObject; moved?: Moved }[] = [];
  const unwrap = (wrapper: PDFDict) => {
    const page = pageOf(wrapper);
    for (const kid of kidsOf(wrapper)) {
      const el = elementOf(doc, kid);
      if (el && isSpliceable(doc, el)) {
        removed.push(kid as PDFRef);
        unwrap(el);
      } else out.push({ kid, moved: { kid, page: needsPage(doc, kid) ? page : undefined } });
    }
  };
  for (const kid of kids) {
    const el = elementOf(doc, kid);
    if (el && isSpliceable(doc, el)) {
      removed.push(kid as PDFRef);
      unwrap(el);
    } else out.push({ kid });
  }
  return out;
}

/** A moved kid as its new element must hold it: on `target`, the element's page, or naming its own. */
function placed(doc: PDFDocument, { kid, page }: Moved, target: PDFRef | undefined): PDFObject {
  if (page === undefined || page === target) return kid;
  if (kid instanceof PDFNumber) return doc.context.obj({ Type: 'MCR', Pg: page, MCID: kid });
  // A referenced dictionary is this kid's alone: it takes the page itself, so no orphan copy is written.
  const dict = kid instanceof PDFRef ? referenceOf(doc, kid)! : referenceOf(doc, kid)!.clone(doc.context);
  dict.set(NAME.Pg, page);
  return kid instanceof PDFRef ? kid : dict;
}

/** Every number-tree leaf's value slot: a callback may replace the value. */
function eachNumberTreeValue(doc: PDFDocument, node: PDFDict, visit: (value: PDFObject) => PDFObject): void {
  const nums = node.lookupMaybe(NAME.Nums, PDFArray);
  if (nums) for (let i = 1; i < nums.size(); i += 2) nums.set(i, visit(nums.get(i)));
  const kids = node.lookupMaybe(NAME.Kids, PDFArray);
  if (kids) for (const k of kids.asArray()) eachNumberTreeValue(doc, doc.context.lookup(k, PDFDict), visit);
}

/**
 * Splice every `NonStruct` that says nothing out of the structure tree (see the module comment).
 * Returns how many went and how many stayed.
 */
export function unwrapNonStruct(doc: PDFDocument): { removed: number; kept: number } {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return { removed: 0, kept: 0 };
  /** Each removed wrapper -> the element that now holds its kids. */
  const heir = new Map<PDFRef, PDFRef>();
  let kept = 0;
  const seen = new Set<PDFRef>();
  const visit = (ref: PDFRef) => {
    if (seen.has(ref)) return;
    seen.add(ref);
    const el = doc.context.lookup(ref, PDFDict);
    if (el.get(NAME.S) === NAME.NonStruct) kept++;
    const removed: PDFRef[] = [];
    const kids = flatten(doc, kidsOf(el), removed);
    if (removed.length) {
      for (const r of removed) heir.set(r, ref);
      let target = pageOf(el);
      if (target === undefined && !kids.some((k) => !k.moved && needsPage(doc, k.kid))) {
        const pages = new Set(kids.flatMap((k) => (k.moved?.page ? [k.moved.page] : [])));
        if (pages.size === 1) {
          target = [...pages][0]!;
          el.set(NAME.Pg, target);
        }
      }
      const next = kids.map((k) => (k.moved ? placed(doc, k.moved, target) : k.kid));
      for (const k of next) elementOf(doc, k)?.set(NAME.P, ref);
      el.set(NAME.K, next.length === 1 ? next[0]! : doc.context.obj(next));
    }
    for (const k of kidsOf(el)) if (elementOf(doc, k)) visit(k as PDFRef);
  };
  for (const k of kidsOf(root)) if (elementOf(doc, k)) visit(k as PDFRef);

  const parentTree = root.lookupMaybe(NAME.ParentTree, PDFDict);
  const renamed = (v: PDFObject): PDFObject => (v instanceof PDFRef ? (heir.get(v) ?? v) : v);
  if (parentTree)
    eachNumberTreeValue(doc, parentTree, (value) => {
      const array = value instanceof PDFRef ? doc.context.lookup(value) : value;
      if (array instanceof PDFArray) {
        for (let i = 0; i < array.size(); i++) array.set(i, renamed(array.get(i)));
        return value;
      }
      return renamed(value);
    });
  for (const r of heir.keys()) doc.context.delete(r);
  return { removed: heir.size, kept };
}
