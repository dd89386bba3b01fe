/**
 * Priority-setting matrix: every candidate scored on every criterion, within the scale; a threshold on
 * the scale; and, with a threshold, the candidates that became priorities are the ones it selects.
 */
import { scoreMatrix } from '../../model/priority-matrix.js';
import type { Rule } from '../context.js';

export const checkPriorityMatrix: Rule = (ctx) => {
  const matrix = ctx.data.priorityMatrix;
  if (!matrix) return;
  let complete = true;
  matrix.candidates.forEach((c, i) => {
    for (const criterion of matrix.criteria) {
      const score = c.scores[criterion.id];
      if (score === undefined) {
        complete = false;
        ctx.report('matrix/missing-score', 'priorityMatrix', ['candidates', i, 'scores'], [c.id, criterion.id], {
          key: true,
        });
      } else if (score < 1 || score > matrix.scale_max) {
        complete = false;
        ctx.report(
          'matrix/score-out-of-range',
          'priorityMatrix',
          ['candidates', i, 'scores', criterion.id],
          [c.id, criterion.id, String(score), String(matrix.scale_max)],
        );
      }
    }
  });
  if (matrix.threshold === undefined) return;
  if (matrix.threshold < 1 || matrix.threshold > matrix.scale_max) {
    ctx.report(
      'matrix/threshold-off-scale',
      'priorityMatrix',
      ['threshold'],
      [String(matrix.threshold), String(matrix.scale_max)],
    );
    return;
  }
  if (!complete) return;
  const scored = scoreMatrix(matrix);
  for (const s of scored.candidates) {
    const chosen = s.priority !== undefined;
    if (chosen === s.selected) continue;
    const i = matrix.candidates.findIndex((c) => c.id === s.id);
    ctx.report(
      'matrix/threshold-mismatch',
      'priorityMatrix',
      ['candidates', i, chosen ? 'priority' : 'id'],
      [s.title, s.scoreText, scored.threshold!.text, chosen ? 'yes' : 'no'],
    );
  }
};
