/**
 * The tagged structure of the example's PDF, read with pdf.js: it is marked as tagged, has a title
 * and language, and each chart is ONE Figure whose alt text is the chart's title and description,
 * with its marks and axis labels untagged inside it (not a Figure per mark, nor a second, unnamed
 * Figure around the chart and its data table).
 *
 * Chromium maps both an ARIA img and an HTML <figure> to a Figure tag whose Alt is the accessible
 * name (printing/common/metafile_utils.cc); scripts/figures/figure.ts prints charts accordingly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chartAltText } from '../../scripts/figures/figure.js';
import { altText, renderDiagram } from '../../scripts/figures/diagrams/index.js';
import { loadProject } from '../../scripts/load/project.js';
import { buildModel } from '../../scripts/model/strategy.js';
import { REPO_ROOT } from '../support/example-build.js';
import { PDFDocument } from 'pdf-lib';
import { operators, pageContent, untaggedRuns } from '../../scripts/emit/pdf-artifacts.js';
import { elements, hasClass, readPage, text } from '../support/html.js';
import { taggedText } from '../support/pdf-text.js';
import { readTree } from '../support/pdf-tree.js';

const dist = inject('exampleOut');
const pdfFile = fs.readdirSync(dist).find((f) => f.endsWith('.pdf'));

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs')['getDocument']>['promise']>;
interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  children?: StructNode[];
}
interface FigureTag {
  page: number;
  alt: string;
  /** Structure elements (not marked content) inside the Figure: would be tagged marks or labels. */
  structChildren: string[];
  /** Inside another Figure. */
  nested: boolean;
}

/** The diagrams' alt texts as printed (each diagram is one Figure too), from the example's model. */
async function diagramAlts(): Promise<string[]> {
  const model = buildModel(loadProject(REPO_ROOT));
  const drawn = await Promise.all([
    renderDiagram('theory-of-change', model, {}, undefined, 'print'),
    renderDiagram('governance', model, {}, undefined, 'print'),
    ...model.priorities.map((p) => renderDiagram('logic-model', model, { priority: p.id }, undefined, 'print')),
  ]);
  return drawn.flatMap((d) => [d!.placed, ...d!.continued].map(altText));
}

let doc: PdfDoc;
let diagrams: string[] = [];
const figures: FigureTag[] = [];
const chartTablesOnPage = new Map<number, number>();

/** The charts as the site shows them: title and description from each chart SVG in the single page. */
const siteCharts = (() => {
  const tree = readPage(dist, 'full.html');
  return elements(tree, (el) => el.tagName === 'figure' && hasClass(el, 'chart')).map((fig) => {
    const svg = elements({ type: 'root', children: [fig] }, (el) => el.tagName === 'svg')[0]!;
    const child = (tag: string) => elements({ type: 'root', children: [svg] }, (el) => el.tagName === tag)[0];
    const title = child('title');
    const desc = child('desc');
    return { id: String(fig.properties['id']), title: title ? text(title) : '', description: desc ? text(desc) : '' };
  });
})();

function collect(node: StructNode, page: number, inFigure: boolean): void {
  if (node.role === 'Figure') {
    figures.push({
      page,
      alt: node.alt ?? '',
      structChildren: (node.children ?? [])
        .filter((c) => c.type !== 'content' && c.type !== 'object' && c.type !== 'annotation')
        .map((c) => c.role ?? '?'),
      nested: inFigure,
    });
  }
  for (const c of node.children ?? []) collect(c, page, inFigure || node.role === 'Figure');
}

beforeAll(async () => {
  expect(pdfFile, 'the build wrote a PDF').toBeDefined();
  diagrams = await diagramAlts();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  doc = await pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(path.join(dist, pdfFile!))),
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) collect(tree, n, false);
    // Every chart's data table is printed right below it, captioned "Data for the chart: …".
    const words = (await page.getTextContent()).items
      .map((i) => ('str' in i ? i.str : ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    const count = words.match(/Data for the chart/g)?.length ?? 0;
    if (count) chartTablesOnPage.set(n, count);
  }
});

describe('the PDF structure', () => {
  it('is tagged, with a title and the language of the site', async () => {
    expect((await doc.getMarkInfo())?.Marked).toBe(true);
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    expect(typeof info['Title']).toBe('string');
    expect(String(info['Title']).trim().length).toBeGreaterThan(0);
    const siteLang = /<html lang="([^"]+)"/.exec(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1];
    expect(info['Language']).toBe(siteLang);
  });

  it('the example has charts to check', () => {
    expect(siteCharts.length).toBeGreaterThanOrEqual(10);
    for (const c of siteCharts) {
      expect(c.title, `${c.id} has a title`).not.toBe('');
      expect(c.description, `${c.id} has a description`).not.toBe('');
    }
    expect([...chartTablesOnPage.values()].reduce((a, b) => a + b, 0)).toBe(siteCharts.length);
  });

  it('has one Figure per chart and per diagram, named by its title and description, and no other Figure', () => {
    const expected = [...siteCharts.map((c) => chartAltText(c)), ...diagrams].sort();
    expect(figures.map((f) => f.alt).sort()).toEqual(expected);
  });

  it('tags no mark or axis label inside a chart, and nests no Figure in another', () => {
    for (const f of figures) {
      expect(f.structChildren, `Figure "${f.alt.slice(0, 60)}" on page ${f.page} holds only drawn content`).toEqual([]);
      expect(f.nested, `Figure "${f.alt.slice(0, 60)}" on page ${f.page} is not inside another Figure`).toBe(false);
    }
  });

  it('prints each chart’s data table on the page of its Figure or the next', () => {
    const figuresOnPage = new Map<number, number>();
    for (const f of figures)
      if (!diagrams.includes(f.alt)) figuresOnPage.set(f.page, (figuresOnPage.get(f.page) ?? 0) + 1);
    const last = Math.max(...figuresOnPage.keys(), ...chartTablesOnPage.keys());
    expect(last).toBeGreaterThan(0);
    // Counted up to each page: no data table before its Figure, and none more than a page after it.
    let figuresSoFar = 0;
    let tablesSoFar = 0;
    for (let page = 1; page <= last; page++) {
      const figuresBefore = figuresSoFar;
      figuresSoFar += figuresOnPage.get(page) ?? 0;
      tablesSoFar += chartTablesOnPage.get(page) ?? 0;
      expect(tablesSoFar, `page ${page}: data tables so far vs Figures so far`).toBeLessThanOrEqual(figuresSoFar);
      expect(
        tablesSoFar,
        `page ${page}: a Figure on an earlier page still waits for its data table`,
      ).toBeGreaterThanOrEqual(figuresBefore);
    }
    expect(tablesSoFar).toBe(figuresSoFar);
  });

  it('has no NonStruct wrappers (Chromium writes one per div or span; finishing splices them out), and a ParentTree that agrees with the tree', async () => {
    const pdf = await PDFDocument.load(fs.readFileSync(path.join(dist, pdfFile!)), { updateMetadata: false });
    const tree = readTree(pdf);
    expect(tree.elements.length).toBeGreaterThan(1000);
    expect(tree.elements.filter((e) => e.role === 'NonStruct').length).toBe(0);
    expect(tree.problems).toEqual([]);
  });

  it('marks the running head, the page numbers and backgrounds as artefacts: nothing drawn is left outside tagged content or an artefact', async () => {
    const bytes = fs.readFileSync(path.join(dist, pdfFile!));
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const untagged = pdf.getPages().flatMap((p, i) => {
      const { whole } = pageContent(pdf, p)!;
      const r = untaggedRuns(operators(whole), whole);
      return r.runs.length + r.left ? [`page ${i + 1}`] : [];
    });
    expect(untagged).toEqual([]);
    // pdf.js reads "Page N of M" inside an Artifact on every page that has one, never as tagged text.
    let numbered = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let line = '';
      let inArtifact = false;
      for (const { str, tags } of await taggedText(await doc.getPage(n))) {
        const art = tags.includes('Artifact');
        if (art !== inArtifact) line = '';
        inArtifact = art;
        line += str;
        if (/Page \d+ of \d+/.test(line)) {
          expect(art, `page ${n}: the page number`).toBe(true);
          numbered++;
          line = '';
        }
      }
    }
    expect(numbered).toBeGreaterThan(doc.numPages - 5);
  });
});
