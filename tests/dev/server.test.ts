/**
 * `strategy dev`: serves the site, rebuilds on save, survives a mistake (the problem reaches the page
 * and the last good build stays up) and recovers when it is fixed, without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { serve } from '../../scripts/dev/server.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

let root: string;
let base: string;
const controller = new AbortController();
let stopped: Promise<void>;
const reports: Diagnostic[][] = [];

/** Server-sent events from /__events, as an async queue. */
async function events(): Promise<{ next: (name: string) => Promise<string>; close: () => void }> {
  const ac = new AbortController();
  const res = await fetch(`${base}/__events`, { signal: ac.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(name) {
      for (;;) {
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const [i, block] of blocks.entries()) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event === name) {
            buffer = blocks.slice(i + 1).join('\n\n') + (blocks.length > i + 1 ? '\n\n' : '') + buffer;
            return /^data: (.*)$/m.exec(block)?.[1] ?? '';
          }
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before "${name}"`);
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => ac.abort(),
  };
}

beforeAll(async () => {
  root = copyExample();
  await new Promise<void>((ready) => {
    stopped = serve({
      root,
      port: 0,
      log: () => undefined,
      report: (ds) => reports.push(ds),
      signal: controller.signal,
      onReady: (port) => {
        base = `http://127.0.0.1:${port}`;
        ready();
      },
    });
  });
});
afterAll(async () => {
  controller.abort();
  await stopped;
  cleanCopies();
});

describe('strategy dev', () => {
  it('serves the built site with the live-reload script, and nothing outside it', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<script src="assets/dev-reload.js" defer></script>');
    expect((await fetch(`${base}/assets/dev-reload.js`)).status).toBe(200);
    expect((await fetch(`${base}/..%2f..%2fdata/partnership.yaml`)).status).toBe(404);
  });

  it('survives a broken file, shows the problem, and reloads once it is fixed', async () => {
    const stream = await events();
    const file = path.join(root, 'content/01-executive-summary.md');
    const good = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, good.replace('## Foreword', '## Foreword\n\nSee [](#nowhere).'));
      const problems = JSON.parse(await stream.next('problems')) as string[];
      expect(problems.join('\n')).toMatch(
        /content\/01-executive-summary\.md:\d+:\d+ The cross-reference "#nowhere" points to no section or heading/,
      );
      // The last good build is still served.
      expect((await fetch(`${base}/executive-summary.html`)).status).toBe(200);
      fs.writeFileSync(file, good.replace('## Foreword', '## A new foreword'));
      await stream.next('reload');
      expect(await (await fetch(`${base}/executive-summary.html`)).text()).toContain('A new foreword');
    } finally {
      stream.close();
    }
  });
});
