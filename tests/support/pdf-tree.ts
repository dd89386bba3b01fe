/**
 * A PDF's structure tree read with pdf-lib, written for the tests independently of
 * scripts/emit/pdf-structure.ts: the elements in reading order, the marked content each holds, and every
 * way the tree and its ParentTree could disagree.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';

export interface TreeElement {
  ref: PDFRef;
  role: string;
  /** Index of the parent element in `elements`; -1 under the StructTreeRoot. */
  parent: number;
  /** The marked content it holds itself, as "page object number/MCID". */
  content: string[];
}

export interface TreeReading {
  /** Every element in reading (depth-first) order. */
  elements: TreeElement[];
  /** Per page (its object number), its MCIDs in reading order. */
  mcids: Map<number, number[]>;
  /** Everything found wrong, as sentences. */
  problems: string[];
  /**
   * Marked content held by more than one element ("page/mcid"). Chromium writes some (in the example,
   * MCID 0 of a chart's page is held by the chart's Figure and by a Table); a finishing pass keeps them.
   */
  shared: string[];
}

const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);

/** Read the tree, checking each kid's /P, each MCID's page, and the ParentTree against it. */
export function readTree(doc: PDFDocument): TreeReading {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const elements: TreeElement[] = [];
  const mcids = new Map<number, number[]>();
  const problems: string[] = [];
  /** "page/mcid" and "annotation object number" -> the elements that hold it. */
  const holder = new Map<string, PDFRef[]>();
  const hold = (key: string, el: PDFRef) => holder.set(key, [...(holder.get(key) ?? []), el]);
  const kids = (d: PDFDict) => {
    const k = d.get(PDFName.of('K'));
    return k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
  };
  const walk = (ref: PDFRef, parentRef: PDFRef | undefined, parent: number) => {
    const el = doc.context.lookup(ref, PDFDict);
    const content: string[] = [];
    const index = elements.push({ ref, role: name(el.get(PDFName.of('S'))) ?? '?', parent, content }) - 1;
    const p = el.get(PDFName.of('P'));
    if (parentRef ? p !== parentRef : !(p instanceof PDFRef) || doc.context.lookup(p) !== root)
      problems.push(`${ref} (${elements[index]!.role}) has /P ${p}, not its parent ${parentRef ?? 'the root'}`);
    const pg = el.get(PDFName.of('Pg'));
    for (const kid of kids(el)) {
      const d = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      if (kid instanceof PDFNumber || (d instanceof PDFDict && name(d.get(PDFName.of('Type'))) === 'MCR')) {
        const page = d instanceof PDFDict ? (d.get(PDFName.of('Pg')) ?? pg) : pg;
        const mcid = d instanceof PDFDict ? d.get(PDFName.of('MCID')) : kid;
        if (!(page instanceof PDFRef) || !(mcid instanceof PDFNumber)) {
          problems.push(`${ref} holds marked content without a page or MCID: ${kid}`);
          continue;
        }
        mcids.set(page.objectNumber, [...(mcids.get(page.objectNumber) ?? []), mcid.asNumber()]);
        hold(`${page.objectNumber}/${mcid.asNumber()}`, ref);
        content.push(`${page.objectNumber}/${mcid.asNumber()}`);
      } else if (d instanceof PDFDict && name(d.get(PDFName.of('Type'))) === 'OBJR') {
        const obj = d.get(PDFName.of('Obj'));
        if (obj instanceof PDFRef) hold(`annotation ${obj.objectNumber}`, ref);
      } else if (kid instanceof PDFRef && d instanceof PDFDict && d.has(PDFName.of('S'))) walk(kid, ref, index);
      else problems.push(`${ref} has a kid that is none of element, MCID, MCR, OBJR: ${kid}`);
    }
  };
  for (const k of kids(root)) if (k instanceof PDFRef) walk(k, undefined, -1);

  // The ParentTree: a page's /StructParents -> array by MCID; an annotation's /StructParent -> element.
  const values = new Map<number, PDFObject>();
  const leaves = (node: PDFDict) => {
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (nums)
      for (let i = 0; i < nums.size(); i += 2) values.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const more = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (more) for (const k of more.asArray()) leaves(doc.context.lookup(k, PDFDict));
  };
  leaves(root.lookup(PDFName.of('ParentTree'), PDFDict));
  const named = new Set<string>();
  for (const page of doc.getPages()) {
    const key = page.node.get(PDFName.of('StructParents'));
    if (!(key instanceof PDFNumber)) continue;
    const value = values.get(key.asNumber());
    const array = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(array instanceof PDFArray)) {
      problems.push(`page ${page.ref} has no ParentTree array`);
      continue;
    }
    array.asArray().forEach((el, mcid) => {
      const at = `${page.ref.objectNumber}/${mcid}`;
      named.add(at);
      if (!(el instanceof PDFRef) || !holder.get(at)?.includes(el))
        problems.push(`ParentTree names ${el} for MCID ${at}, held by ${holder.get(at)}`);
    });
    for (const a of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = doc.context.lookup(a);
      const sp = annot instanceof PDFDict ? annot.get(PDFName.of('StructParent')) : undefined;
      if (!(sp instanceof PDFNumber) || !(a instanceof PDFRef)) continue;
      const at = `annotation ${a.objectNumber}`;
      named.add(at);
      const el = values.get(sp.asNumber());
      if (!(el instanceof PDFRef) || !holder.get(at)?.includes(el))
        problems.push(`ParentTree names ${el} for ${at}, held by ${holder.get(at)}`);
    }
  }
  for (const at of holder.keys()) if (!named.has(at)) problems.push(`${at} is in the tree but not in the ParentTree`);
  const shared = [...holder].flatMap(([at, els]) => (els.length > 1 ? [at] : []));
  return { elements, mcids, problems, shared };
}

/** Each element that is not a NonStruct: its role and the role and position of its nearest such ancestor. */
export function withoutNonStruct(elements: TreeElement[]): string[] {
  const kept = elements.map((e) => e.role !== 'NonStruct');
  const position = new Map<number, number>();
  for (const [i, k] of kept.entries()) if (k) position.set(i, position.size);
  const ancestor = (i: number): number => (i < 0 || kept[i] ? i : ancestor(elements[i]!.parent));
  return elements.flatMap((e, i) => {
    if (!kept[i]) return [];
    const a = ancestor(e.parent);
    return [`${e.role} in ${a < 0 ? 'root' : `${elements[a]!.role} #${position.get(a)}`}`];
  });
}
