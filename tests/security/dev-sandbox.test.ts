/**
 * Issue 10: `strategy dev` stays responsive while a chart is being stopped. A pull request's chart that
 * gets past the static checks but would run for hours (a density with 100,000 steps over 100,000 rows)
 * is planted in a running dev server whose chart budget is lowered through the environment (the one
 * place it is set). While the sandbox works on it and then kills it, the server keeps answering its
 * pages and its event stream; the problem reaches the stream with its position; the worker is replaced;
 * and when the chart is fixed the server rebuilds and reloads, without a restart.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_VARIABLES } from '../../scripts/util/sandbox/budgets.js';
import { closeSandbox, sandboxStats } from '../../scripts/util/sandbox/pool.js';
import { startDevServer, serverEvents, type RunningDevServer } from '../support/dev-server.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

let root: string;
let server: RunningDevServer;
let base: string;
const savedBudget = process.env[BUDGET_VARIABLES.chartSeconds];

const events = () => serverEvents(base);

// A spec of its own each run (its description), so no earlier run's stopped check is kept for it:
// the chart must really run, and be stopped, while the server answers.
const SLOW = `title: Slow
description: A density with very many steps.
spec:
  description: Run ${randomUUID()}
  data: { sequence: { start: 0, stop: 100000, as: n } }
  transform:
    - density: n
      steps: 100000
  mark: line
  encoding:
    x: { field: value, type: quantitative }
    y: { field: density, type: quantitative }
`;
const FIXED = SLOW.replace('stop: 100000', 'stop: 200').replace('steps: 100000', 'steps: 50');

beforeAll(async () => {
  process.env[BUDGET_VARIABLES.chartSeconds] = '5';
  root = copyExample();
  server = await startDevServer({ root });
  base = server.base;
});
afterAll(async () => {
  await server.stop();
  await closeSandbox();
  if (savedBudget === undefined) delete process.env[BUDGET_VARIABLES.chartSeconds];
  else process.env[BUDGET_VARIABLES.chartSeconds] = savedBudget;
  cleanCopies();
});

describe('strategy dev while a chart is being stopped', () => {
  it('answers its pages and event stream throughout, reports the chart at its position, and recovers', async () => {
    const stream = await events();
    try {
      const stoppedBefore = sandboxStats().stopped;
      fs.writeFileSync(path.join(root, 'data/charts/slow.yaml'), SLOW);
      fs.appendFileSync(path.join(root, 'content/03-partnership-context.md'), '\n::chart{id=slow}\n');

      let reported: string | undefined;
      const problems = stream.next('problems').then((d) => (reported = d));
      const answers: { page: number; hello: boolean; whileRunning: boolean }[] = [];
      while (reported === undefined) {
        const before = sandboxStats().running;
        const page = await fetch(`${base}/partnership-context.html`, { signal: AbortSignal.timeout(15_000) });
        const html = await page.text();
        // A fresh connection to the event stream is greeted at once.
        const other = await events();
        const hello = (await other.next('hello')) !== undefined;
        other.close();
        answers.push({
          page: html.includes('<main') ? page.status : 0,
          hello,
          whileRunning: before > 0 && sandboxStats().running > 0,
        });
        await sleep(100);
      }
      await problems;

      const lines = JSON.parse(reported) as string[];
      expect(lines.join('\n')).toContain(
        'data/charts/slow.yaml:4:3 This chart was stopped: drawing it took longer than 5 seconds.',
      );
      expect(answers.every((a) => a.page === 200 && a.hello)).toBe(true);
      // Several pages and greetings were answered while the chart's job was running in the sandbox.
      expect(answers.filter((a) => a.whileRunning).length).toBeGreaterThanOrEqual(3);
      expect(sandboxStats().stopped).toBe(stoppedBefore + 1);
      // The last good build is still served, without the chart.
      expect(await (await fetch(`${base}/partnership-context.html`)).text()).not.toContain('id="chart-slow"');

      fs.writeFileSync(path.join(root, 'data/charts/slow.yaml'), FIXED);
      await stream.next('reload');
      expect(await (await fetch(`${base}/partnership-context.html`)).text()).toContain('id="chart-slow"');
      // The stopped worker was replaced; the pool stays small.
      expect(sandboxStats().workers).toBeLessThanOrEqual(2);
    } finally {
      stream.close();
    }
  });
});
