/**
 * The dev server's incremental rebuild, counted rather than timed. Between builds the render cache
 * (render/document.ts) reuses every chapter whose text and recorded reads are unchanged, finished
 * chapter HTML is reused for reused chapters (assemble/chapter-html.ts), and charts come from memory
 * unless their content changed. After each edit, the output is byte for byte a full build's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterHtmlStats } from '../../scripts/assemble/chapter-html.js';
import { siteExtrasStats } from '../../scripts/assemble/site-extras.js';
import { build } from '../../scripts/build.js';
import { drawStats } from '../../scripts/figures/index.js';
import { createRenderCache } from '../../scripts/render/document.js';
import { cleanCopies, copyExample, edit } from '../support/example-copy.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-incremental-'));
afterAll(() => {
  cleanCopies();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every file of an output folder, by path, as bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) out.set(rel.split(path.sep).join('/'), fs.readFileSync(full));
  }
  return out;
}

let fresh = 0;
/** A full build of the same strategy, no cache, as `strategy build --no-pdf` makes it. */
async function fullBuild(root: string): Promise<Map<string, Buffer>> {
  const out = path.join(work, `full-${++fresh}`);
  const r = await build({ root, out, pdf: false, devReload: true, searchIndex: false });
  expect(r.ok).toBe(true);
  return files(out);
}

const counts = () => ({ html: { ...chapterHtmlStats }, charts: { ...drawStats }, extras: { ...siteExtrasStats } });

// Each step builds twice (the dev build and a full one to compare with) on a shared, busy machine.
describe('dev: what an edit re-renders', { timeout: 400_000 }, () => {
  const root = copyExample();
  const out = path.join(work, 'dev');
  const cache = createRenderCache();
  const dev = async () => {
    const before = counts();
    const r = await build({ root, out, pdf: false, devReload: true, cache, searchIndex: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const after = counts();
    return {
      rendered: [...cache.stats.rendered].sort(),
      reused: cache.stats.reused.length,
      htmlFinished: after.html.finished - before.html.finished,
      blocksFinished: after.html.blocksFinished - before.html.blocksFinished,
      blocksReused: after.html.blocksReused - before.html.blocksReused,
      chartsMade: after.charts.drawn + after.charts.fromDisk - before.charts.drawn - before.charts.fromDisk,
      chartsFromMemory: after.charts.fromMemory - before.charts.fromMemory,
      extrasDrawn: after.extras.drawn - before.extras.drawn,
    };
  };
  const total = fs.readdirSync(path.join(root, 'content')).filter((f) => f.endsWith('.md')).length;

  it('the first build renders every chapter; an unchanged one renders nothing, finishes no HTML, draws no chart', async () => {
    expect((await dev()).rendered).toHaveLength(total);
    expect(await dev()).toMatchObject({ rendered: [], reused: total, htmlFinished: 0, chartsMade: 0 });
  });

  it('a chapter edit re-renders that chapter alone; the output is a full build’s', async () => {
    // Diagrams find their link targets in the block placements (project.placements), not in every
    // chapter's text, so a sentence added to one chapter re-renders no other.
    edit(root, 'content/03-partnership-context.md', /\n## /, '\nA sentence added by an officer.\n\n## ');
    const chapter = await dev();
    expect(chapter.rendered).toEqual(['content/03-partnership-context.md']);
    expect(chapter.htmlFinished).toBe(2); // its page and its part of the single page
    // Its words are finished again; its block (the same HTML) is not parsed again, on either page.
    expect(chapter.blocksFinished).toBe(0);
    expect(chapter.blocksReused).toBe(2);
    // The dashboard's trend lines and the priorities' blocks read no chapter: they are not drawn again.
    expect(chapter.extrasDrawn).toBe(0);
    expect(chapter.chartsMade).toBe(0);
    expect(files(out)).toEqual(await fullBuild(root));
  });

  it('moving a block re-renders the chapters whose diagrams link to it', async () => {
    const readers = [...cache.chapters].filter(([, c]) => c.reads.has('project.placements')).map(([f]) => f);
    expect(readers.length).toBeGreaterThan(0);
    edit(root, 'content/06-delivery-plans.md', /^(::kpi-table\{[^}\n]*)\}/m, '$1 }');
    const moved = await dev();
    expect(moved.rendered).toEqual([...new Set(['content/06-delivery-plans.md', ...readers])].sort());
    expect(files(out)).toEqual(await fullBuild(root));
  });

  it('a KPI result (the quarterly spreadsheet) re-renders the chapters that show KPIs and that KPI’s chart only', async () => {
    edit(root, 'data/kpi-actuals.csv', /^(sv-01,2027-28 Q1,)\d+/m, '$1640');
    const kpi = await dev();
    expect(kpi.rendered).toContain('content/06-delivery-plans.md');
    for (const untouched of ['content/01-executive-summary.md', 'content/03-partnership-context.md'])
      expect(kpi.rendered).not.toContain(untouched);
    expect(kpi.rendered.length).toBeLessThan(total / 2);
    expect(kpi.chartsMade).toBeGreaterThanOrEqual(1);
    expect(kpi.chartsMade).toBeLessThanOrEqual(3);
    expect(kpi.chartsFromMemory).toBeGreaterThan(0);
    // Only the blocks whose HTML changed (that KPI's table rows and chart) are finished again.
    expect(kpi.blocksFinished).toBeGreaterThan(0);
    expect(kpi.blocksReused).toBeGreaterThan(kpi.blocksFinished);
    expect(kpi.extrasDrawn).toBe(1);
    expect(files(out)).toEqual(await fullBuild(root));
  });

  it('a KPI definition (kpis.yaml) re-renders its readers, not the chapters without KPI blocks', async () => {
    edit(root, 'data/kpis.yaml', /(\n {4}title: )(.+)/, '$1$2 (renamed)');
    const definition = await dev();
    expect(definition.rendered).toContain('content/06-delivery-plans.md');
    expect(definition.rendered).not.toContain('content/03-partnership-context.md');
    expect(files(out)).toEqual(await fullBuild(root));
  });
});
