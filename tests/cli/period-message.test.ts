/**
 * A period written the wrong way is reported by `strategy check` as the officer's editor reports it:
 * in words, with an example of the right form, at file:line:column, never as a regular expression.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemas } from '../../scripts/schema/generate.js';
import { runMain } from '../support/cli.js';
import { cleanCopies, copyExample, edit } from '../support/example-copy.js';

afterAll(() => cleanCopies());

/** 1-based line and column of the first occurrence of `needle` in a file of the copy. */
function position(root: string, rel: string, needle: string) {
  const lines = fs.readFileSync(path.join(root, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  expect(i, needle).toBeGreaterThanOrEqual(0);
  return { line: i + 1, column: lines[i]!.indexOf(needle) + 1 };
}

const editorMessage = (schema: string, message: RegExp) => {
  const found = generateSchemas()
    .get(schema)!
    .match(new RegExp(`"patternErrorMessage": "(${message.source})"`));
  expect(found, schema).not.toBeNull();
  return found![1]!;
};

describe('a malformed period in a data file', () => {
  const root = copyExample();
  edit(
    root,
    'data/kpis.yaml',
    'baseline: { value: 612, period: 2026-27 }',
    'baseline: { value: 612, period: 2026/27 }',
  );
  edit(root, 'data/actions.yaml', 'due: 2027-28 Q2', 'due: Q2 2027-28');
  let code: number;
  let out: string;
  beforeAll(async () => {
    ({ code, stderr: out } = await runMain(['check', '--root', root]));
  });

  it('fails the check', () => expect(code).toBe(1));

  it('a KPI baseline period: the words and the example, at the line and column of the value', () => {
    const at = position(root, 'data/kpis.yaml', '2026/27');
    expect(out).toContain(
      `data/kpis.yaml:${at.line}:${at.column}  error  "kpis[1].baseline.period" must be a financial year (2027-28), a quarter (2027-28 Q1) or a month (2027-04).`,
    );
    // The fix is the very sentence the editor shows for the same field.
    const editor = editorMessage('kpis.schema.json', /Write a financial year like[^"]+/);
    expect(out).toContain(editor);
    expect(editor).toBe(
      'Write a financial year like 2027-28, a quarter like 2027-28 Q1 (Q1 is April to June) or a month like 2027-04.',
    );
  });

  it("an action's due quarter: the words and the example, at the line and column of the value", () => {
    const at = position(root, 'data/actions.yaml', 'Q2 2027-28');
    expect(out).toMatch(
      new RegExp(
        `data/actions\\.yaml:${at.line}:${at.column}  error  "actions\\[\\d+\\]\\.due" must be a financial-year quarter like 2027-28 Q1\\.`,
      ),
    );
    const editor = editorMessage('actions.schema.json', /Write a quarter like 2027-28 Q1[^"]*/);
    expect(editor).toContain('Q1 is April to June');
    expect(out).toContain(editor);
  });

  it('shows no regular expression and no stack trace', () => {
    expect(out).not.toMatch(/pattern|\\d|\^\\|Invalid string/);
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+\)/);
  });
});
