import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScaledStrategy, type ScaledStrategy } from '../../scripts/bench/scale.js';
import { check, type CheckResult } from '../../scripts/build.js';

/**
 * The benchmark's scale generator: a strategy at N times the example that checks clean, so the bench
 * measures a strategy the tool accepts, built with the tool's own templates as an officer's would be.
 */
const example = path.resolve('.');
let dir: string;
let scaled: ScaledStrategy;
let result: CheckResult;
let original: CheckResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-'));
  scaled = makeScaledStrategy(example, 2, path.join(dir, 'x2'));
  [result, original] = await Promise.all([check({ root: scaled.root }), check({ root: example })]);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('makeScaledStrategy', () => {
  it('makes a strategy that checks with no errors and no new warnings', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warnings = (r: CheckResult) => r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.ruleId);
    expect(new Set(warnings(result))).toEqual(new Set(warnings(original)));
  });

  it('doubles the KPIs and charts and adds one appendix of every chapter again', () => {
    expect(result.model.kpis.length).toBe(2 * original.model.kpis.length);
    expect(scaled.kpis).toBe(result.model.kpis.length);
    expect(result.document.chapters.length).toBe(original.document.chapters.length + 1);
    // Every heading again (one level down in the copy).
    const headings = (r: CheckResult) =>
      r.document.chapters.reduce((n, c) => n + c.anchors.filter((a) => a.kind === 'heading').length, 0);
    expect(headings(result)).toBeGreaterThanOrEqual(1.9 * headings(original));
    // The priorities, risks and funding stay as they are: a bigger partnership has more text and indicators.
    expect(result.model.priorities.length).toBe(original.model.priorities.length);
  });

  it("leaves out the example's templates/, which are the tool's own", () => {
    expect(fs.existsSync(path.join(scaled.root, 'templates'))).toBe(false);
    expect(fs.existsSync(path.join(scaled.root, 'content'))).toBe(true);
  });
});
