/**
 * `strategy dev`: serves the site, rebuilds on save, survives a mistake (the problem reaches the page
 * and the last good build stays up) and recovers when it is fixed, without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { startDevServer, serverEvents, type RunningDevServer } from '../support/dev-server.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

let root: string;
let server: RunningDevServer;
let base: string;
const reports: Diagnostic[][] = [];

const events = () => serverEvents(base);

beforeAll(async () => {
  root = copyExample();
  server = await startDevServer({ root, report: (ds) => reports.push(ds) });
  base = server.base;
});
afterAll(async () => {
  await server.stop();
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
