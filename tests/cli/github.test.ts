/**
 * On GitHub: annotations for the pull request's lines (GitHub shows ten per step) and a job summary
 * that lists every problem. Thirty errors in one file: all thirty are in the summary's table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cell, formatSummary } from '../../scripts/cli/github-summary.js';
import { main } from '../../scripts/cli/main.js';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

afterAll(cleanCopies);

function capture(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false, tty: false, env },
    out,
    err,
  };
}

describe('--format github on GitHub Actions', () => {
  it('annotates all 30 errors and lists every one in the job summary, with its place and fix', async () => {
    const root = copyExample();
    const file = path.join(root, 'data/kpis.yaml');
    let n = 0;
    // 22 KPIs: a wrong direction in each, and a wrong frequency in the first 8: thirty errors.
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(/direction: (lower|higher)-is-better/g, () => 'direction: downwards')
      .replace(/frequency: quarterly/g, (m) => (n++ < 8 ? 'frequency: sometimes' : m));
    fs.writeFileSync(file, text);
    const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csp-summary-')), 'summary.md');
    fs.writeFileSync(summaryFile, '# Earlier steps\n');
    const { io, out } = capture({
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'safer/strategy',
      GITHUB_SHA: 'abc123',
    });
    const code = await main(['check', '--root', root, '--format', 'github'], io);
    expect(code).toBe(1);
    const annotations = out
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(30);

    const summary = fs.readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# Earlier steps\n## Strategy check: 30 errors\n')).toBe(true);
    const rows = summary.split('\n').filter((l) => l.startsWith('| ❌ error |'));
    expect(rows).toHaveLength(30);
    const lines = text.split('\n');
    for (const row of rows) {
      const m =
        /^\| ❌ error \| \[(?:[^:\]]+\/)?data\/kpis\.yaml:(\d+):(\d+)\]\(https:\/\/github\.com\/safer\/strategy\/blob\/abc123\/(?:[^#)]+\/)?data\/kpis\.yaml#L(\d+)\) \| (.+) \| (.+) \| `schema\/enum` \|$/.exec(
          row,
        );
      expect(m, row).not.toBeNull();
      expect(m![3]).toBe(m![1]);
      // The row points at the wrong value itself.
      expect(lines[Number(m![1]) - 1]).toMatch(/direction: downwards|frequency: sometimes/);
    }
    expect(rows.filter((r) => r.includes('downwards'))).toHaveLength(22);
    expect(rows.filter((r) => r.includes('sometimes'))).toHaveLength(8);
  });

  it('writes no summary outside GitHub Actions', async () => {
    const { io, out } = capture({});
    const code = await main(['check', '--root', copyExample(), '--format', 'github'], io);
    expect(code).toBe(0);
    expect(out.join('')).toBe('');
  });
});

describe('the job summary table', () => {
  const d = (over: Partial<Diagnostic>): Diagnostic => ({
    file: 'data/kpis.yaml',
    line: 3,
    column: 5,
    severity: 'error',
    ruleId: 'schema/enum',
    message: 'm',
    hint: 'h',
    ...over,
  });

  it('keeps each problem in its cell: pipes, line breaks and HTML in messages are shown as text', () => {
    expect(cell('a | b\nc <script>')).toBe('a \\| b c \\<script\\>');
    const table = formatSummary([d({ message: 'Use `a|b`', hint: 'one\ntwo' })]);
    const row = table.split('\n').find((l) => l.startsWith('| ❌'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
    expect(row).toContain('data/kpis.yaml:3:5');
  });

  it('says so when there is nothing to fix, and counts warnings', () => {
    expect(formatSummary([])).toBe('## Strategy check: No problems found\n\nEvery chapter and data file passed.\n');
    expect(formatSummary([d({ severity: 'warning' }), d({ line: 1 })])).toMatch(
      /^## Strategy check: 1 error, 1 warning\n/,
    );
  });
});
