/**
 * One fixture folder per rule: broken input in, the exact diagnostics out (rule, file, line, column,
 * message). `UPDATE=1` rewrites the expected.json files; review the diff before committing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, check, FIXTURES, makeStrategy, summary } from './helpers.js';

const cases = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort();

describe('strategy check fixtures', () => {
  it('the base fixture has no problems at all', () => {
    expect(check(makeStrategy(BASE)).map(summary)).toEqual([]);
  });

  it('has a case for every cross-check rule in the catalogue', async () => {
    const { RULES } = await import('../../scripts/diagnostics/catalogue/rules.js');
    const covered = new Set(
      cases.flatMap((c) =>
        (JSON.parse(fs.readFileSync(path.join(FIXTURES, c, 'expected.json'), 'utf8')) as { ruleId: string }[]).map(
          (d) => d.ruleId,
        ),
      ),
    );
    expect(Object.keys(RULES).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const name of cases) {
    it(name, () => {
      const caseDir = path.join(FIXTURES, name);
      const actual = check(makeStrategy(BASE, caseDir)).map(summary);
      const expectedFile = path.join(caseDir, 'expected.json');
      if (process.env['UPDATE'] === '1') fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual.length, 'a case must produce at least one diagnostic').toBeGreaterThan(0);
      expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    });
  }
});
