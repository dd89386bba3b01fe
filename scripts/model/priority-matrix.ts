/**
 * The priority-setting matrix, worked out exactly. A candidate's weighted score is the weighted mean of
 * its criterion scores:
 *
 *     score = Σ (weightᵢ × scoreᵢ) ÷ Σ weightᵢ
 *
 * so it stays on the criteria's own scale (1 to `scale_max`) whatever the weights add up to (0.15 and
 * 0.35, or 3 and 2). It is computed as an exact fraction and rounded once, half away from zero, to
 * `decimals` places (default 2): the table, the chart, its data table and the open data all print the
 * same text. With a `threshold`, a candidate is selected when its exact score is at or above it.
 */
import type { PriorityMatrix } from '../schema/index.js';
import { compare, dec, div, type Fraction, mul, sum, toFixed, toNumber, toPlain } from './decimal.js';

export interface ScoredCandidate {
  id: string;
  title: string;
  priority: string | undefined;
  /** The exact weighted score. */
  score: Fraction;
  /** The score as printed, e.g. `3.95`. */
  scoreText: string;
  /** For chart positions only. */
  scoreValue: number;
  /** Rank by score, 1 = highest; equal scores share a rank. */
  rank: number;
  /** At or above the threshold (or, with no threshold, chosen as a priority). */
  selected: boolean;
}

export interface ScoredMatrix {
  decimals: number;
  threshold: { value: Fraction; text: string } | undefined;
  /** Each criterion's weight as written, e.g. `0.15`, and its share of the total weight, e.g. `15%`. */
  weights: Map<string, { text: string; share: string }>;
  totalWeightText: string;
  candidates: ScoredCandidate[];
}

export function scoreMatrix(m: PriorityMatrix): ScoredMatrix {
  const decimals = m.decimals ?? 2;
  const weights = m.criteria.map((c) => dec(c.weight));
  const totalWeight = sum(weights);
  const threshold =
    m.threshold === undefined ? undefined : { value: dec(m.threshold), text: toPlain(dec(m.threshold)) };
  const scored = m.candidates.map((c) => {
    const weighted = sum(m.criteria.map((cr, i) => mul(weights[i]!, dec(c.scores[cr.id] ?? 0))));
    const score = div(weighted, totalWeight);
    return {
      id: c.id,
      title: c.title,
      priority: c.priority,
      score,
      scoreText: toFixed(score, decimals),
      scoreValue: toNumber(score),
      rank: 0,
      selected: threshold ? compare(score, threshold.value) >= 0 : c.priority !== undefined,
    };
  });
  scored.sort((a, b) => compare(b.score, a.score) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  scored.forEach((s, i) => {
    const prev = scored[i - 1];
    s.rank = prev && compare(prev.score, s.score) === 0 ? prev.rank : i + 1;
  });
  return {
    decimals,
    threshold,
    weights: new Map(
      m.criteria.map((c, i) => [
        c.id,
        {
          text: toPlain(weights[i]!),
          share: `${toPlain(dec(toFixed(mul(div(weights[i]!, totalWeight), dec(100)), 1)))}%`,
        },
      ]),
    ),
    totalWeightText: toPlain(totalWeight),
    candidates: scored,
  };
}
