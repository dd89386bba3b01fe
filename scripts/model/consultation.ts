/**
 * Consultation answers as figures: the count and the share of respondents for each answer, whichever
 * the survey gave, the other worked out from the question's respondents (or the survey's).
 */
import type { Consultation } from '../schema/index.js';

type Survey = Consultation['surveys'][number];
type Question = Survey['questions'][number];

export interface AnswerFigures {
  answer: string;
  /** As given, or the share of respondents rounded to a whole person. */
  count?: number;
  /** As given, or the count as a share of respondents (unrounded). */
  percent?: number;
}

export function respondentsOf(survey: Survey, question: Question): number {
  return question.respondents ?? survey.respondents;
}

export function answerFigures(survey: Survey, question: Question): AnswerFigures[] {
  const n = respondentsOf(survey, question);
  return question.answers.map((a) => {
    const out: AnswerFigures = { answer: a.answer };
    const percent = a.percent ?? (a.count !== undefined ? (a.count / n) * 100 : undefined);
    const count = a.count ?? (a.percent !== undefined ? Math.round((a.percent / 100) * n) : undefined);
    if (count !== undefined) out.count = count;
    if (percent !== undefined) out.percent = percent;
    return out;
  });
}
