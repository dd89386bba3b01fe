/**
 * Issue 10, finding 5 and 6, the backstop: inputs that get past every static check yet would stall the
 * build for minutes or exhaust its memory. Each runs through the real CLI (`strategy check --format json`,
 * a child process under /usr/bin/time) with the budgets lowered through the environment, the one place
 * they are set (scripts/util/sandbox/budgets.ts):
 *   - a chart whose density has 100,000 steps over 100,000 rows (10^10 steps of work, all allowed),
 *   - a chart that makes 300 MB of text from a sequence and pad(), both within their static limits,
 *   - a chapter of 1,000 paragraphs (2 MB), each just under the limit of emphasis marks (the parser is
 *     quadratic in them: a quarter to nearly a second each, many minutes in all),
 * and must end with exit 1, an error at each one's position saying what to write instead, and nothing
 * else wrong with the strategy, within a generous bound (120 s, 1 GB, for a whole `check` of the example on a
 * busy machine): unstopped, these inputs run for many minutes or until memory runs out, so the bound
 * separates "stopped" from "hung", it is not a timing test. Two runs: one with short time budgets, one with a
 * small heap and a long time budget (a heap that fills up is stopped only after the garbage collector
 * has tried for some seconds).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { cleanCopies, copyExample, REPO } from '../support/example-copy.js';

afterAll(cleanCopies);

interface Run {
  code: number | null;
  diagnostics: Diagnostic[];
  seconds: number;
  maxRssMb: number;
  stderr: string;
}

const TIME = { STRATEGY_CHART_SECONDS: '6', STRATEGY_MARKDOWN_SECONDS: '4' };
const MEMORY = { STRATEGY_CHART_SECONDS: '120', STRATEGY_WORKER_MEMORY_MB: '192' };

function runCheck(root: string, budgets: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      '/usr/bin/time',
      [
        '-f',
        'MAXRSS %M',
        process.execPath,
        path.join(REPO, 'bin/strategy.js'),
        'check',
        '--root',
        root,
        '--format',
        'json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...budgets } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += String(b)));
    child.stderr.on('data', (b) => (stderr += String(b)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      let diagnostics: Diagnostic[] = [];
      try {
        const parsed = JSON.parse(stdout) as Diagnostic[] | { diagnostics: Diagnostic[] };
        diagnostics = Array.isArray(parsed) ? parsed : parsed.diagnostics;
      } catch {
        // left empty: the assertions below say what was expected
      }
      resolve({
        code,
        diagnostics,
        seconds: (Date.now() - started) / 1000,
        maxRssMb: Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 'NaN') / 1024,
        stderr: stderr.slice(0, 2000),
      });
    });
  });
}

const chart = (root: string, id: string, spec: string): void => {
  fs.writeFileSync(
    path.join(root, 'data/charts', `${id}.yaml`),
    `title: ${id}\ndescription: A chart that asks for a lot of work.\nspec:\n${spec}`,
  );
  fs.appendFileSync(path.join(root, 'content/03-partnership-context.md'), `\n::chart{id=${id}}\n`);
};

let time: Run;
let memory: Run;

beforeAll(async () => {
  const root = copyExample();
  chart(
    root,
    'slow-density',
    '  data: { sequence: { start: 0, stop: 100000, as: n } }\n  transform:\n    - density: n\n      steps: 100000\n  mark: line\n  encoding:\n    x: { field: value, type: quantitative }\n    y: { field: density, type: quantitative }\n',
  );
  const paragraph = '*a'.repeat(995); // 1,990 marks: under the 2,000 a paragraph may have
  fs.writeFileSync(
    path.join(root, 'content/13-appendix-c-slow.md'),
    `---\nsection: C\ntitle: Slow to read\n---\n\n${Array.from({ length: 1000 }, () => paragraph).join('\n\n')}\n`,
  );
  time = await runCheck(root, TIME);
  const other = copyExample();
  chart(
    other,
    'much-text',
    `  data: { sequence: { start: 0, stop: 100000, as: n } }\n  transform:\n${['a', 'b', 'c'].map((c) => `    - calculate: "pad('${c}' + datum.n, 1000)"\n      as: ${c}\n`).join('')}  mark: text\n  encoding:\n    x: { field: n, type: quantitative }\n    text: { field: a }\n    detail: { field: b }\n    tooltip: { field: c }\n`,
  );
  memory = await runCheck(other, MEMORY);
}, 400_000);

const errorsOf = (run: Run) =>
  run.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ ruleId: d.ruleId, file: d.file, line: d.line, column: d.column, message: d.message }));

describe('inputs that pass the static checks but go over the sandbox budgets', () => {
  it('end with exit 1, not a crash, a hang or an out-of-memory kill', () => {
    for (const run of [time, memory]) {
      expect(run.stderr).not.toMatch(/failed unexpectedly|heap out of memory|Maximum call stack/);
      expect(run.code).toBe(1);
    }
  });

  it('each is an error at its position, saying which limit stopped it and what to write instead', () => {
    expect(errorsOf(time)).toEqual([
      {
        ruleId: 'markdown/over-budget',
        file: 'content/13-appendix-c-slow.md',
        line: 5,
        column: 1,
        message: "This chapter's Markdown was stopped: reading it took longer than 4 seconds.",
      },
      {
        ruleId: 'chart/over-budget',
        file: 'data/charts/slow-density.yaml',
        line: 4,
        column: 3,
        message: 'This chart was stopped: drawing it took longer than 6 seconds.',
      },
    ]);
    expect(errorsOf(memory)).toEqual([
      {
        ruleId: 'chart/over-budget',
        file: 'data/charts/much-text.yaml',
        line: 4,
        column: 3,
        message: 'This chart was stopped: drawing it needed more than 192 MB of memory.',
      },
    ]);
    for (const d of [...time.diagnostics, ...memory.diagnostics].filter((x) => x.ruleId.endsWith('/over-budget')))
      expect(d.hint).toMatch(/^(Make it less work|Split long paragraphs)/);
  });

  it('stays within a generous bound of time and memory', () => {
    for (const run of [time, memory]) {
      expect(run.seconds).toBeLessThan(120);
      expect(run.maxRssMb).toBeLessThan(1024);
    }
  });
});
