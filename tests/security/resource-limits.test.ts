/**
 * Issue 10, findings 5, 6 and 8: inputs that exhaust time, memory or the call stack. Each is run through
 * the real CLI (`strategy check --format json`, a child process under /usr/bin/time) and must end with
 * exit 1 and a positioned error for that input, within a generous bound (60 s, 1 GB): the bound only
 * separates "stopped" from "hung or ran out of memory", it is not a timing test.
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

function runCheck(root: string): Promise<Run> {
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
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += String(b)));
    child.stderr.on('data', (b) => (stderr += String(b)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      const rss = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 'NaN') / 1024;
      let diagnostics: Diagnostic[] = [];
      try {
        const parsed = JSON.parse(stdout) as Diagnostic[] | { diagnostics: Diagnostic[] };
        diagnostics = Array.isArray(parsed) ? parsed : parsed.diagnostics;
      } catch {
        // left empty: the assertions below say what was expected
      }
      // /usr/bin/time reports the command's exit status as its own.
      resolve({
        code,
        diagnostics,
        seconds: (Date.now() - started) / 1000,
        maxRssMb: rss,
        stderr: stderr.slice(0, 2000),
      });
    });
  });
}

const append = (root: string, rel: string, text: string): number => {
  const file = path.join(root, rel);
  const before = fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n');
  fs.writeFileSync(file, `${before}\n${text}\n`);
  return before.split('\n').length + 1;
};

const chart = (root: string, id: string, spec: string): void => {
  fs.writeFileSync(
    path.join(root, 'data/charts', `${id}.yaml`),
    `title: ${id}\ndescription: A hostile chart.\nspec:\n${spec}`,
  );
};

let run: Run;
const expected: [string, string, number][] = [];

beforeAll(async () => {
  const root = copyExample();
  expected.push([
    'markdown/too-deep',
    'content/03-partnership-context.md',
    append(root, 'content/03-partnership-context.md', `${'>'.repeat(2000)} deep`),
  ]);
  expected.push([
    'markdown/too-deep',
    'content/04-needs-assessment.md',
    append(root, 'content/04-needs-assessment.md', `${'<div>'.repeat(20000)}x`),
  ]);
  expected.push([
    'markdown/too-deep',
    'content/06-delivery-plans.md',
    append(root, 'content/06-delivery-plans.md', `${'- '.repeat(1500)}item`),
  ]);
  expected.push([
    'markdown/too-deep',
    'content/08-resourcing-and-commissioning.md',
    append(
      root,
      'content/08-resourcing-and-commissioning.md',
      Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    ) + 65,
  ]);
  expected.push([
    'markdown/too-many-marks',
    'content/09-equality-impact-assessment.md',
    append(root, 'content/09-equality-impact-assessment.md', '*a'.repeat(40_000)),
  ]);
  chart(
    root,
    'regex-hang',
    '  data: { values: [{ name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! }] }\n  transform:\n    - filter: "test(regexp(\'^(a+)+$\'), datum.name)"\n  mark: bar\n  encoding:\n    x: { field: name, type: nominal }\n',
  );
  expected.push(['chart/too-expensive', 'data/charts/regex-hang.yaml', 6]);
  chart(
    root,
    'huge-sequence',
    '  data: { sequence: { start: 0, stop: 100000000, as: n } }\n  mark: point\n  encoding:\n    x: { field: n, type: quantitative }\n',
  );
  expected.push(['chart/too-expensive', 'data/charts/huge-sequence.yaml', 4]);
  chart(
    root,
    'huge-pad',
    '  data: { values: [{ a: 1 }] }\n  transform:\n    - calculate: "pad(\'x\', 4e8)"\n      as: p\n  mark: text\n  encoding:\n    text: { field: p }\n',
  );
  expected.push(['chart/too-expensive', 'data/charts/huge-pad.yaml', 6]);
  // 150,000 results for one KPI in the actuals spreadsheet.
  const csv = path.join(root, 'data/kpi-actuals.csv');
  const text = fs.readFileSync(csv, 'utf8').replace(/\n*$/, '\n');
  const kpi = text.split('\n')[1]!.split(',')[0]!;
  const rows = Array.from(
    { length: 150_000 },
    (_, i) => `${kpi},${2027 + (Math.floor(i / 12) % 3)}-${String((i % 12) + 1).padStart(2, '0')},${i % 700},`,
  ).join('\n');
  fs.writeFileSync(csv, `${text}${rows}\n`);
  expected.push(['kpi/too-many-actuals', 'data/kpi-actuals.csv', -1]);
  run = await runCheck(root);
}, 300_000);

describe('resource-exhaustion inputs through `strategy check`', () => {
  it('end with exit 1, not a crash, a hang or an out-of-memory kill', () => {
    expect(run.stderr).not.toMatch(/failed unexpectedly|heap out of memory|Maximum call stack/);
    expect(run.code).toBe(1);
  });

  it('each gives a positioned error naming what to write instead', () => {
    for (const [ruleId, file, line] of expected) {
      const found = run.diagnostics.filter((d) => d.ruleId === ruleId && d.file === file);
      expect({ ruleId, file, found: found.length > 0 }).toEqual({ ruleId, file, found: true });
      if (line > 0)
        expect({ ruleId, file, lines: found.map((d) => d.line) }).toEqual({
          ruleId,
          file,
          lines: expect.arrayContaining([line]),
        });
      for (const d of found) {
        expect(d.line).toBeGreaterThan(0);
        expect(d.hint.length).toBeGreaterThan(20);
      }
    }
  });

  it('stays within a generous bound of time and memory', () => {
    expect(run.seconds).toBeLessThan(60);
    expect(run.maxRssMb).toBeLessThan(1024);
  });
});
