/**
 * The data blocks added for issue 9, each mistake an officer can make with them reported at the
 * directive's line with a fix, all in one run; built on a copy of the second example strategy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../../scripts/build.js';
import type { Diagnostic } from '../../../scripts/diagnostics/diagnostic.js';

const SECOND = path.resolve(import.meta.dirname, '../../strategies/thamesmouth');
const FILE = 'content/04-needs-assessment.md';
const MISTAKES = [
  ['round-unknown', '::grant-allocations{round=CRG-2023-24}'],
  ['year-outside', '::kpi-quarters{year=2027-28}'],
  ['summary-priority', '::kpi-summary{priority=drugs}'],
  ['services-priority', '::commissioned-services{priority=violence}'],
  ['approvals-setting', '::approvals{order=newest}'],
  ['csv-missing-file', '::csv-table{file=police-uk/2025-10-street.csv by="LSOA name"}'],
  ['csv-missing-column', '::csv-table{file=police-uk/street.csv by="LSOA"}'],
  ['csv-bad-top', '::csv-table{file=police-uk/street.csv by="LSOA name" top=five unlocated=noted}'],
  ['csv-no-location', '::csv-table{file=police-uk/street.csv by="LSOA code" top=3}'],
  ['compare-survey', '::consultation-compare{surveys=online-2023,panel-2024 question=safe-day}'],
  ['compare-question', '::consultation-compare{surveys=online-2023,panel-2023 question=feel-safe}'],
] as const;

let diagnostics: Diagnostic[] = [];
const lineOf: Record<string, number> = {};
let parent = '';

beforeAll(async () => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-blocks-'));
  const root = path.join(parent, 'strategy');
  for (const dir of ['content', 'data']) fs.cpSync(path.join(SECOND, dir), path.join(root, dir), { recursive: true });
  const file = path.join(root, FILE);
  let text = `${fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n')}\n## Officer mistakes\n`;
  for (const [name, md] of MISTAKES) {
    text += '\n';
    lineOf[name] = text.split('\n').length;
    text += `${md}\n`;
  }
  fs.writeFileSync(file, text);
  diagnostics = (await check({ root, diskCache: false })).diagnostics;
});
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

const at = (name: string) => diagnostics.filter((d) => d.file === FILE && d.line === lineOf[name]);

describe('new data blocks: each mistake reported where it is written, with the fix', () => {
  it.each([
    [
      'round-unknown',
      'directive/unknown-id',
      'error',
      /no allocation round with the id "CRG-2023-24"/,
      /CRG-2024-25, CRG-2025-26/,
    ],
    [
      'year-outside',
      'directive/unknown-id',
      'error',
      /no financial year of the strategy with the id "2027-28"/,
      /2024-25, 2025-26, 2026-27/,
    ],
    ['summary-priority', 'directive/unknown-id', 'error', /no priority with the id "drugs"/, /drugs-and-alcohol/],
    ['services-priority', 'directive/unknown-id', 'error', /no priority with the id "violence"/, /vawg/],
    ['approvals-setting', 'directive/unknown-attribute', 'error', /no setting called "order"/, /Remove it/],
    [
      'csv-missing-file',
      'file/not-found',
      'error',
      /police-uk\/2025-10-street\.csv is missing \(looked for at data\/police-uk\/2025-10-street\.csv/,
      /Create data\/police-uk\/2025-10-street\.csv/,
    ],
    ['csv-missing-column', 'block/csv-missing-column', 'error', /no column "LSOA"/, /LSOA code, LSOA name/],
    ['csv-bad-top', 'block/bad-number', 'error', /top="five" is not a whole number/, /top=5/],
    [
      'csv-no-location',
      'block/csv-no-location',
      'warning',
      /3 rows of data\/police-uk\/street\.csv have no location/,
      /unlocated=noted/,
    ],
    [
      'compare-survey',
      'directive/unknown-id',
      'error',
      /no survey with the id "panel-2024"/,
      /online-2023, panel-2023/,
    ],
    [
      'compare-question',
      'block/question-not-in-survey',
      'error',
      /has no question "feel-safe"/,
      /safe-day, safe-evening, top-problems/,
    ],
  ] as const)('%s', (name, ruleId, severity, message, hint) => {
    const found = at(name).filter((d) => d.ruleId === ruleId);
    expect(found.length, JSON.stringify(at(name))).toBeGreaterThanOrEqual(1);
    expect(found[0]!.severity).toBe(severity);
    expect(found[0]!.message).toMatch(message);
    expect(found[0]!.hint).toMatch(hint);
  });

  it('and nothing else is reported', () => {
    const expected = new Set(Object.values(lineOf));
    expect(diagnostics.filter((d) => !(d.file === FILE && expected.has(d.line)))).toEqual([]);
  });
});
