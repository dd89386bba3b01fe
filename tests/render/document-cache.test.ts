/**
 * The dev server's render cache: an edited chapter is rendered again, the others are reused, and a
 * change to the data renders again the chapters that read it (recorded while they render). The output
 * with the cache is the output without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../scripts/build.js';
import { createRenderCache } from '../../scripts/render/document.js';
import { chapterHtml } from '../../scripts/assemble/links.js';
import { cleanCopies, copyExample, edit } from '../support/example-copy.js';

afterAll(cleanCopies);

describe('render cache', () => {
  it('re-renders only what an edit can change', async () => {
    const root = copyExample();
    const cache = createRenderCache();
    const first = await check({ root, cache });
    const again = await check({ root, cache });
    expect(again.document.chapters.every((c, i) => c === first.document.chapters[i])).toBe(true);

    edit(root, 'content/03-partnership-context.md', /\n## /, '\nA sentence added by an officer.\n\n## ');
    const edited = await check({ root, cache });
    const changed = edited.document.chapters.filter((c, i) => c !== again.document.chapters[i]).map((c) => c.id);
    // That chapter, and the chapters whose diagrams read every chapter to find where their links go.
    const readAll = edited.document.chapters.filter((c) =>
      cache.chapters.get(c.chapter.file)!.reads.has('project.chapters'),
    );
    expect(changed).toEqual(
      edited.document.chapters.filter((c) => c.id === 'partnership-context' || readAll.includes(c)).map((c) => c.id),
    );
    expect(readAll.map((c) => c.id)).not.toContain('partnership-context');
    expect(chapterHtml(edited.document.chapters[2]!, edited.document.index, 'page')).toContain(
      'A sentence added by an officer.',
    );

    edit(root, 'data/priorities.yaml', /title: .*/, 'title: A renamed priority');
    const data = await check({ root, cache });
    const rerendered = data.document.chapters.filter((c, i) => c !== edited.document.chapters[i]);
    // The chapters that show priorities, and only the chapters that read them.
    expect(rerendered.map((c) => c.id)).toContain('strategic-priorities');
    expect(rerendered.length).toBeLessThan(data.document.chapters.length);
    for (const c of data.document.chapters.filter((c, i) => c === edited.document.chapters[i]))
      expect([...cache.chapters.get(c.chapter.file)!.reads.keys()].filter((f) => /priorit/i.test(f))).toEqual([]);

    // Same HTML as a build without any cache, and the same diagnostics.
    const fresh = await check({ root });
    expect(data.diagnostics).toEqual(fresh.diagnostics);
    data.document.chapters.forEach((c, i) =>
      expect(chapterHtml(c, data.document.index, 'page')).toBe(
        chapterHtml(fresh.document.chapters[i]!, fresh.document.index, 'page'),
      ),
    );
  });

  it('notices a change to a chart’s data file (kept loaded between builds by content)', async () => {
    const root = copyExample();
    const cache = createRenderCache();
    const csv = path.join(root, 'data/police-uk', fs.readdirSync(path.join(root, 'data/police-uk'))[0]!);
    const before = await check({ root, cache });
    const needs = (r: typeof before) => chapterHtml(r.document.chapters[3]!, r.document.index, 'page');
    const lines = fs.readFileSync(csv, 'utf8').trimEnd().split('\n');
    // Drop every anti-social behaviour row: the ASB chart has nothing left to show.
    fs.writeFileSync(csv, `${lines.filter((l) => !l.includes('Anti-social behaviour')).join('\n')}\n`);
    const after = await check({ root, cache });
    expect(needs(after)).not.toBe(needs(before));
    const fresh = await check({ root });
    expect(needs(after)).toBe(needs(fresh));
    expect(after.diagnostics).toEqual(fresh.diagnostics);
  });

  it('replays a reused chapter’s diagnostics', async () => {
    const root = copyExample();
    fs.appendFileSync(path.join(root, 'content/02-legal-duties.md'), '\nSee [](#nowhere-at-all).\n');
    const cache = createRenderCache();
    const first = await check({ root, cache });
    const second = await check({ root, cache });
    expect(first.diagnostics.map((d) => d.ruleId)).toEqual(['xref/unknown']);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });
});
