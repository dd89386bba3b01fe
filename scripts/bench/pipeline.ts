/**
 * Whole-pipeline figures for `npm run bench`: each stage of a cold check, an edit previewed the way
 * `strategy dev` does it (a warm in-process rebuild of the site after one chapter changed), and a full
 * build with the two-pass PDF. Output goes to a temporary folder. Nothing asserts on these numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, check } from '../build.js';
import { createRenderCache } from '../render/document.js';

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

export async function benchPipeline(root: string, opts: { pdf: boolean }): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
  try {
    const stages: [string, number][] = [];
    const t0 = performance.now();
    await check({ root, diskCache: false, onStage: (s, t) => stages.push([s, t]) });
    const total = performance.now() - t0;
    console.log('Pipeline bench (no chart cache; modules already loaded):');
    for (const [s, t] of stages) console.log(`  ${s.padEnd(26)}${ms(t)}`);
    console.log(`  ${'check, total'.padEnd(26)}${ms(total)}`);

    // The dev server's path: a copy of the strategy, one process, caches kept, one chapter edited per round.
    const copy = path.join(out, 'strategy');
    for (const dir of ['content', 'data']) fs.cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
    const chapter = fs
      .readdirSync(path.join(copy, 'content'))
      .filter((f) => f.endsWith('.md'))
      .sort()[0];
    const cache = createRenderCache();
    await build({ root: copy, out: path.join(out, 'site'), pdf: false, cache });
    const rounds: number[] = [];
    for (let i = 0; i < 5; i++) {
      if (chapter) fs.appendFileSync(path.join(copy, 'content', chapter), `\nAn edit, round ${i}.\n`);
      const t = performance.now();
      await build({ root: copy, out: path.join(out, 'site'), pdf: false, cache });
      rounds.push(performance.now() - t);
    }
    console.log(`  ${'edit one chapter, rebuild site (dev)'.padEnd(26)}${ms(Math.min(...rounds))}  best of 5`);
    if (opts.pdf) {
      const t = performance.now();
      const s: [string, number][] = [];
      await build({ root, out: path.join(out, 'full'), pdf: true, onStage: (x, y) => s.push([x, y]) });
      console.log(
        `  ${'full build with PDF, warm'.padEnd(26)}${ms(performance.now() - t)}  (PDF, two passes: ${ms(s.find(([x]) => x === 'emit pdf')?.[1] ?? 0).trim()})`,
      );
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
