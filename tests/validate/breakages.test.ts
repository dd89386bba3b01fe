/**
 * Ten mistakes an officer makes, made by hand on a copy of the example strategy (content/ and data/ at
 * the repository root, never edited in place). Each must be reported at the line and column of the
 * mistake, with a message saying what is wrong and a hint saying what to write instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../scripts/diagnostics/report.js';
import { check } from './helpers.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const hasExample = fs.existsSync(path.join(ROOT, 'data', 'kpis.yaml')) && fs.existsSync(path.join(ROOT, 'content'));

function copyExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-broken-'));
  for (const sub of ['content', 'data']) fs.cpSync(path.join(ROOT, sub), path.join(dir, sub), { recursive: true });
  return dir;
}

interface Breakage {
  name: string;
  file: string;
  /** Make the mistake; `at` is the text the diagnostic must point at (its line contains it, its column starts it). */
  break(text: string): { text: string; at: string };
  ruleId: string;
  message: RegExp;
  hint: RegExp;
}

/** Replace the first match of `re` (which must match) by `by`, returning the new text. */
function replaceFirst(
  text: string,
  re: RegExp,
  by: (m: RegExpExecArray) => string,
): { text: string; m: RegExpExecArray } {
  const m = re.exec(text);
  if (!m) throw new Error(`The example no longer contains ${re}; update this breakage.`);
  return { text: text.slice(0, m.index) + by(m) + text.slice(m.index + m[0].length), m };
}

const BREAKAGES: Breakage[] = [
  {
    name: 'a wrong KPI id in an action',
    file: 'data/actions.yaml',
    break(t) {
      const { text, m } = replaceFirst(t, /kpis: \[([a-z]+)-(\d+)/, (m) => `kpis: [${m[1]}${m[2]}`);
      return { text, at: `${m[1]}${m[2]}` };
    },
    ruleId: 'id/unknown',
    message: /^There is no KPI with the id "[a-z]+\d+"\.$/,
    hint: /^Did you mean "[a-z]+-\d+"\? The KPI ids are: /,
  },
  {
    name: 'a missing baseline',
    file: 'data/kpis.yaml',
    break(t) {
      const { text } = replaceFirst(t, /\n +baseline:[^\n]*/, () => '');
      return { text, at: 'id:' };
    },
    ruleId: 'schema/required',
    message: /"baseline" is required/,
    hint: /baseline: /,
  },
  {
    name: 'a statutory duty no priority addresses',
    file: 'data/priorities.yaml',
    break(t) {
      const text = t.replace(/\b(reoffending, |, reoffending\b)/g, '');
      if (/duties:[^\n]*[[ ,]reoffending[\],]/.test(text))
        throw new Error('reoffending is still listed alone; update this breakage.');
      return { text, at: 'priorities:' };
    },
    ruleId: 'coverage/duty-missing',
    message: /No priority addresses the statutory duty of reducing re-offending\./,
    hint: /Add `reoffending` to the `duties:`/,
  },
  {
    name: 'a typo in a field name',
    file: 'data/kpis.yaml',
    break(t) {
      const { text } = replaceFirst(t, /\n( +)definition:/, (m) => `\n${m[1]}defintion:`);
      return { text, at: 'defintion:' };
    },
    ruleId: 'schema/misspelt-key',
    message: /^"defintion" is not a field this file knows\.$/,
    hint: /^Did you mean "definition"\? Correct the spelling of the field name\.$/,
  },
  {
    name: 'a quarter that does not exist',
    file: 'data/actions.yaml',
    break(t) {
      const { text, m } = replaceFirst(t, /due: (\d{4}-\d{2}) Q\d/, (m) => `due: ${m[1]} Q5`);
      return { text, at: `${m[1]} Q5` };
    },
    ruleId: 'schema/invalid',
    message: /due" must be a financial-year quarter like 2027-28 Q1/,
    hint: /^Write a quarter like 2027-28 Q1 \(the financial year, a space, then Q1 to Q4; Q1 is April to June\)\.$/,
  },
  {
    name: 'a risk rated E5 on the A–D by I–IV scale',
    file: 'data/risks.yaml',
    break(t) {
      const { text } = replaceFirst(
        t,
        /likelihood: [A-D]\n( +)impact: [IV]+/,
        (m) => `likelihood: E\n${m[1]}impact: 5`,
      );
      return { text, at: 'E' };
    },
    ruleId: 'risk/off-scale',
    message: /^The likelihood "E" of risk "[a-z0-9-]+" is not on the register's scale\.$/,
    hint: /^Use one of: A \(Very likely\), B \(Likely\), C \(Unlikely\), D \(Rare\)\.$/,
  },
  {
    name: 'a negative amount of money',
    file: 'data/funding.yaml',
    break(t) {
      const { text, m } = replaceFirst(t, /amounts: \{ (\d{4}-\d{2}): (\d+)/, (m) => `amounts: { ${m[1]}: -${m[2]}`);
      return { text, at: `-${m[2]}` };
    },
    ruleId: 'schema/invalid',
    message: /amounts\.\d{4}-\d{2}" must not be negative, but it is -\d+\.$/,
    hint: /^Write 0 or a positive amount\.$/,
  },
  {
    name: 'a date that does not exist',
    file: 'data/partnership.yaml',
    break(t) {
      const { text } = replaceFirst(t, /date: \d{4}-\d{2}-\d{2}/, () => 'date: 2027-02-30');
      return { text, at: '2027-02-30' };
    },
    ruleId: 'date/invalid',
    message: /^"2027-02-30" is not a date on the calendar\.$/,
    hint: /e\.g\. 2027-02-28/,
  },
  {
    name: 'a line indented with a tab',
    file: 'data/kpis.yaml',
    break(t) {
      const { text } = replaceFirst(t, /\n {4}title:/, () => '\n\ttitle:');
      return { text, at: '\ttitle:' };
    },
    ruleId: 'yaml/tab-indent',
    message: /indented with a tab/,
    hint: /spaces only/,
  },
  {
    name: 'a target in the wrong direction',
    file: 'data/kpis.yaml',
    break(t) {
      // The first lower-is-better KPI: make its second-year target higher than its first.
      const { text, m } = replaceFirst(
        t,
        /direction: lower-is-better[\s\S]*?targets: \{ (\d{4}-\d{2}): ([\d.]+), (\d{4}-\d{2}): [\d.]+/,
        (m) => m[0].replace(/(\d{4}-\d{2}): [\d.]+$/, `${m[3]}: ${Number(m[2]) + 50}`),
      );
      return { text, at: `${Number(m[2]) + 50}` };
    },
    ruleId: 'kpi/target-direction',
    message:
      /target of KPI "[a-z0-9-]+" \([\d.]+\) is worse than the \d{4}-\d{2} target \([\d.]+\), but lower is better/,
    hint: /^Set a target at or below [\d.]+, or, if a rise is the improvement, change `direction` to higher-is-better\.$/,
  },
];

describe.runIf(hasExample)('ten mistakes an officer makes in the example', () => {
  it('the example itself has no errors', () => {
    expect(check(copyExample()).filter((d) => d.severity === 'error')).toEqual([]);
  });

  for (const b of BREAKAGES) {
    it(`${b.name}: says where and how to fix it`, () => {
      const dir = copyExample();
      const file = path.join(dir, b.file);
      const { text, at } = b.break(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, text);
      const diags = check(dir);
      const hit = diags.find((d) => d.ruleId === b.ruleId && d.file === b.file);
      expect(hit, formatDiagnostics(diags, 'human', { color: false })).toBeDefined();
      const line = text.split('\n')[hit!.line - 1] ?? '';
      expect(line, `line ${hit!.line}`).toContain(at);
      expect(line.slice(hit!.column - 1), `column ${hit!.column} of line ${hit!.line}`).toMatch(
        new RegExp(`^${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
      expect(hit!.message).toMatch(b.message);
      expect(hit!.hint).toMatch(b.hint);
      expect(hit!.severity).toBe('error');
    });
  }
});

// Print what the officer sees for each mistake: `PRINT=1 npx vitest run tests/validate/breakages.test.ts`.
describe.runIf(hasExample && process.env['PRINT'] === '1')('what the officer sees', () => {
  it('prints every report', () => {
    for (const b of BREAKAGES) {
      const dir = copyExample();
      const file = path.join(dir, b.file);
      fs.writeFileSync(file, b.break(fs.readFileSync(file, 'utf8')).text);
      console.log(`--- ${b.name}\n${formatDiagnostics(check(dir), 'human', { color: false })}`);
    }
  });
});
