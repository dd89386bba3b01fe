/**
 * Guidance notes `strategy init` writes into each chapter ("Guidance (delete when written)") must not
 * be published: a warning while the strategy is a draft, an error (so `build` publishes nothing) once
 * its status is `consultation` or `adopted`.
 */
import type { Rule } from '../context.js';

const MARK = 'Guidance (delete when written)';

export const checkGuidance: Rule = (ctx) => {
  const status = ctx.data.partnership?.status;
  for (const chapter of ctx.project.chapters) {
    const lines = chapter.body.split('\n');
    lines.forEach((text, i) => {
      const column = text.indexOf(MARK);
      if (column < 0) return;
      const at = { line: chapter.bodyLineOffset + i + 1, column: column + 1 };
      ctx.reportAt(
        status === 'draft' || status === undefined ? 'chapter/guidance-left' : 'chapter/guidance-published',
        chapter.file,
        at,
        [status ?? 'draft'],
      );
    });
  }
};
