import { describe, expect, it } from 'vitest';
import { scoreMatrix } from '../../scripts/model/priority-matrix.js';
import { PriorityMatrixSchema } from '../../scripts/schema/index.js';

const matrix = (
  extra: object,
  criteria: { id: string; weight: number }[],
  candidates: Record<string, Record<string, number>>,
) =>
  PriorityMatrixSchema.parse({
    ...extra,
    criteria: criteria.map((c) => ({ ...c, label: c.id })),
    candidates: Object.entries(candidates).map(([id, scores]) => ({ id, title: id, scores })),
  });

describe('priority-matrix scores', () => {
  it('divides by the total weight, so whole-number weights give a score on the 1–5 scale', () => {
    const m = scoreMatrix(
      matrix(
        {},
        [
          { id: 'harm', weight: 3 },
          { id: 'volume', weight: 1 },
        ],
        { a: { harm: 5, volume: 1 }, b: { harm: 2, volume: 5 } },
      ),
    );
    expect(m.candidates.map((c) => [c.id, c.scoreText])).toEqual([
      ['a', '4.00'],
      ['b', '2.75'],
    ]);
    expect(m.totalWeightText).toBe('4');
    expect(m.weights.get('harm')).toEqual({ text: '3', share: '75%' });
  });
  it('keeps decimal weights exact and tells 3.95 from 3.85 at two decimals', () => {
    const criteria = [
      { id: 'x', weight: 0.15 },
      { id: 'y', weight: 0.35 },
      { id: 'z', weight: 0.5 },
    ];
    const m = scoreMatrix(matrix({ threshold: 3.9 }, criteria, { hi: { x: 2, y: 5, z: 4 }, lo: { x: 4, y: 3, z: 4 } }));
    // hi: 0.3 + 1.75 + 2 = 4.05; lo: 0.6 + 1.05 + 2 = 3.65
    expect(m.candidates.map((c) => [c.id, c.scoreText, c.selected])).toEqual([
      ['hi', '4.05', true],
      ['lo', '3.65', false],
    ]);
    expect(m.weights.get('x')?.text).toBe('0.15');
    const n = scoreMatrix(
      matrix(
        {},
        [
          { id: 'a', weight: 1 },
          { id: 'b', weight: 1 },
          { id: 'c', weight: 1 },
          { id: 'd', weight: 1 },
          { id: 'e', weight: 1 },
          { id: 'f', weight: 1 },
          { id: 'g', weight: 1 },
          { id: 'h', weight: 1 },
          { id: 'i', weight: 1 },
          { id: 'j', weight: 1 },
          { id: 'k', weight: 1 },
          { id: 'l', weight: 1 },
          { id: 'm', weight: 1 },
          { id: 'n', weight: 1 },
          { id: 'o', weight: 1 },
          { id: 'p', weight: 1 },
          { id: 'q', weight: 1 },
          { id: 'r', weight: 1 },
          { id: 's', weight: 1 },
          { id: 't', weight: 1 },
        ],
        {
          // 79/20 = 3.95 and 77/20 = 3.85: both "3.9" at one decimal; distinct at two.
          p: Object.fromEntries('abcdefghijklmnopqrst'.split('').map((k, i) => [k, i < 19 ? 4 : 3])),
          q: Object.fromEntries('abcdefghijklmnopqrst'.split('').map((k, i) => [k, i < 17 ? 4 : 3])),
        },
      ),
    );
    expect(n.candidates.map((c) => c.scoreText)).toEqual(['3.95', '3.85']);
  });
  it('selects at or above the threshold, exactly, and ranks ties together', () => {
    const m = scoreMatrix(
      matrix(
        { threshold: 3.5, decimals: 1 },
        [
          { id: 'a', weight: 1 },
          { id: 'b', weight: 1 },
        ],
        { x: { a: 3, b: 4 }, y: { a: 4, b: 3 }, z: { a: 3, b: 3 } },
      ),
    );
    expect(m.candidates.map((c) => [c.id, c.scoreText, c.rank, c.selected])).toEqual([
      ['x', '3.5', 1, true],
      ['y', '3.5', 1, true],
      ['z', '3.0', 3, false],
    ]);
  });
});
