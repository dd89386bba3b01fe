/**
 * Rendered chapters kept on disk between processes (`strategy check` run again): a new process that
 * finds every chapter kept renders none and reports exactly what a check without any cache reports;
 * an edit to a chapter or to data it read renders it again; a damaged entry is rendered again.
 * Each check here uses a new RenderCache (nothing in memory), as a new process would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../scripts/build.js';
import { chapterHtml } from '../../scripts/assemble/links.js';
import { createRenderCache } from '../../scripts/render/document.js';
import { cleanCopies, copyExample, edit, lineOf } from '../support/example-copy.js';

const dirs: string[] = [];
afterAll(() => {
  cleanCopies();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function cacheDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-rendered-'));
  dirs.push(dir);
  return dir;
}

/** A check as a new process runs it: a fresh cache in memory over the same disk folder. */
async function checkWithDisk(root: string, dir: string) {
  const cache = createRenderCache({ dir });
  const result = await check({ root, cache });
  return { result, stats: cache.stats };
}

describe('render cache on disk', () => {
  it('a warm check renders nothing and gives the diagnostics and chapters of a check without a cache', async () => {
    const root = copyExample();
    // A chapter with a problem, so there are diagnostics to replay (with their line and column).
    fs.appendFileSync(path.join(root, 'content/02-legal-duties.md'), '\nSee [](#nowhere-at-all).\n');
    const dir = cacheDir();
    const cold = await checkWithDisk(root, dir);
    const chapters = cold.result.document.chapters.map((c) => c.chapter.file);
    expect(cold.stats.rendered).toEqual(chapters);
    const warm = await checkWithDisk(root, dir);
    expect(warm.stats.rendered).toEqual([]);
    expect(warm.stats.reused).toEqual(chapters);

    const fresh = await check({ root });
    expect(fresh.diagnostics.map((d) => d.ruleId)).toEqual(['xref/unknown']);
    expect(fresh.diagnostics[0]).toMatchObject({
      file: 'content/02-legal-duties.md',
      line: lineOf(root, 'content/02-legal-duties.md', '#nowhere-at-all'),
    });
    expect(warm.result.diagnostics).toEqual(fresh.diagnostics);
    expect(cold.result.diagnostics).toEqual(fresh.diagnostics);
    // The kept trees, read when used, are the trees a render makes.
    warm.result.document.chapters.forEach((c, i) => {
      const f = fresh.document.chapters[i]!;
      // (Each check loads its own project, whose YAML sources hold functions of their own.)
      const { chapter: _c, ...kept } = { ...c, site: c.site, print: c.print };
      const { chapter: _f, ...made } = f;
      expect(kept).toEqual(made);
      expect(c.chapter.file).toBe(f.chapter.file);
      expect(chapterHtml(c, warm.result.document.index, 'page')).toBe(chapterHtml(f, fresh.document.index, 'page'));
    });
  });

  it('an edited chapter, or data a chapter read, renders it again; the rest are kept', async () => {
    const root = copyExample();
    const dir = cacheDir();
    await checkWithDisk(root, dir);

    edit(root, 'content/03-partnership-context.md', /\n## /, '\nSee [](#nowhere-else).\n\n## ');
    const edited = await checkWithDisk(root, dir);
    expect(edited.stats.rendered).toContain('content/03-partnership-context.md');
    expect(edited.stats.reused.length).toBeGreaterThan(0);
    const fresh = await check({ root });
    expect(edited.result.diagnostics).toEqual(fresh.diagnostics);
    expect(edited.result.diagnostics.map((d) => d.ruleId)).toEqual(['xref/unknown']);

    // A priority renamed: the chapters that show priorities are rendered again, with the new title.
    edit(root, 'data/priorities.yaml', /title: .*/, 'title: A renamed priority');
    const data = await checkWithDisk(root, dir);
    expect(data.stats.rendered).toContain('content/05-strategic-priorities.md');
    expect(data.stats.rendered).not.toContain('content/03-partnership-context.md');
    const again = await check({ root });
    expect(data.result.diagnostics).toEqual(again.diagnostics);
    const priorities = data.result.document.chapters.find((c) => c.id === 'strategic-priorities')!;
    expect(chapterHtml(priorities, data.result.document.index, 'page')).toContain('A renamed priority');

    // A chart's data file changed: the chapter that draws it is rendered again.
    const police = path.join(root, 'data/police-uk');
    const csv = path.join(police, fs.readdirSync(police)[0]!);
    const lines = fs.readFileSync(csv, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(csv, `${lines.filter((l) => !l.includes('Anti-social behaviour')).join('\n')}\n`);
    const chart = await checkWithDisk(root, dir);
    expect(chart.stats.rendered).toContain('content/04-needs-assessment.md');
    const third = await check({ root });
    expect(chart.result.diagnostics).toEqual(third.diagnostics);
    const needs = (r: typeof third) => chapterHtml(r.document.chapters[3]!, r.document.index, 'page');
    expect(needs(chart.result)).toBe(needs(third));
  });

  it('a damaged or foreign entry is rendered again, never trusted', async () => {
    const root = copyExample();
    const dir = cacheDir();
    await checkWithDisk(root, dir);
    const entries = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    fs.writeFileSync(path.join(dir, entries[0]!), '{"key": "not this one"');
    for (const name of entries.slice(1)) {
      const kept = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { key: string };
      fs.writeFileSync(path.join(dir, name), JSON.stringify({ ...kept, key: 'another chapter' }));
    }
    const after = await checkWithDisk(root, dir);
    expect(after.stats.reused).toEqual([]);
    expect(after.result.diagnostics).toEqual((await check({ root })).diagnostics);
  });
});
