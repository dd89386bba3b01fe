/**
 * Priority setting: each candidate's weighted total (the sum over criteria of weight × score), ranked
 * highest first, ties by title. Computed once here for the matrix table, its chart and the open data.
 */
import type { PriorityMatrix } from '../schema/index.js';

export interface PriorityScore {
  candidate: PriorityMatrix['candidates'][number];
  /** 1 for the highest total. */
  rank: number;
  total: number;
}

export function scorePriorities(matrix: PriorityMatrix | undefined): PriorityScore[] {
  if (!matrix) return [];
  return matrix.candidates
    .map((candidate) => ({ candidate, total: matrix.criteria.reduce((sum, k) => sum + k.weight * (candidate.scores[k.id] ?? 0), 0) }))
    .sort((a, b) => b.total - a.total || (a.candidate.title < b.candidate.title ? -1 : a.candidate.title > b.candidate.title ? 1 : 0))
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

/** The highest weighted total possible: every criterion scored `scale_max`. */
export function maxPriorityScore(matrix: PriorityMatrix): number {
  return matrix.scale_max * matrix.criteria.reduce((a, c) => a + c.weight, 0);
}
