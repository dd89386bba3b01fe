/** Priority-setting matrix: every candidate scored on every criterion, within the scale. */
import type { Rule } from '../context.js';

export const checkPriorityMatrix: Rule = (ctx) => {
  const matrix = ctx.data.priorityMatrix;
  if (!matrix) return;
  matrix.candidates.forEach((c, i) => {
    for (const criterion of matrix.criteria) {
      const score = c.scores[criterion.id];
      if (score === undefined) ctx.report('matrix/missing-score', 'priorityMatrix', ['candidates', i, 'scores'], [c.id, criterion.id], { key: true });
      else if (score < 1 || score > matrix.scale_max) {
        ctx.report('matrix/score-out-of-range', 'priorityMatrix', ['candidates', i, 'scores', criterion.id], [c.id, criterion.id, String(score), String(matrix.scale_max)]);
      }
    }
  });
};
