/** Consultation results: one question's answers as horizontal bars, in the order the survey asked them. */
import type { TopLevelSpec } from 'vega-lite';
import { answerFigures, respondentsOf } from '../../model/consultation.js';
import { formatNumber, formatPercent } from '../../model/format.js';
import { wrapWords } from '../text-metrics.js';
import { PALETTE, PLOT_WIDTH, TEXT } from '../theme.js';
import type { ChartKindDefinition, KindContext, ChartTable, JobResult } from '../types.js';
import { missingInput, unknownRef } from './common.js';

/** The answers beside the bars: 12px, wrapped to 270px. */
const LABEL_WIDTH = 270;

export default {
  kind: 'consultation',
  block: {
    name: 'consultation-chart',
    description: 'The answers to one consultation question, as horizontal bars.',
    attributes: [
      { name: 'survey', kind: 'survey', required: true },
      { name: 'question', kind: 'question', required: true },
    ],
    example: '::consultation-chart{survey=residents-survey-2026 question=feel-safe-after-dark}',
  },
  job: (request, ctx) => consultationJob(request['survey'] ?? '', request['question'] ?? '', ctx),
} satisfies ChartKindDefinition;

function consultationJob(surveyId: string, questionId: string, ctx: KindContext): JobResult {
  const consultation = ctx.model.data.consultation;
  if (!consultation) return missingInput(ctx, 'consultation', 'data/consultation.yaml');
  const survey = consultation.surveys.find((s) => s.id === surveyId);
  if (!survey)
    return unknownRef(
      ctx,
      'survey',
      surveyId,
      consultation.surveys.map((s) => s.id),
      'data/consultation.yaml',
    );
  const question = survey.questions.find((q) => q.id === questionId);
  if (!question)
    return unknownRef(
      ctx,
      `question in the survey "${survey.id}"`,
      questionId,
      survey.questions.map((q) => q.id),
      'data/consultation.yaml',
    );
  const respondents = respondentsOf(survey, question);
  const answers = answerFigures(survey, question).map((a) => {
    const percent = a.percent ?? 0;
    return {
      answer: a.answer,
      // Wrapped to the room beside the bars (measured as Vega measures it), never cut.
      short: wrapWords(a.answer, LABEL_WIDTH, 12).join('\n'),
      percent: Math.round(percent * 10) / 10,
      count: a.count,
      label: `${formatPercent(percent, 0)}${a.count !== undefined ? ` (${formatNumber(a.count)})` : ''}`,
    };
  });
  const max = Math.max(100, ...answers.map((a) => a.percent));
  const y = {
    field: 'short',
    type: 'nominal' as const,
    sort: answers.map((a) => a.short),
    title: null,
    axis: { labelLimit: LABEL_WIDTH + 40, labelLineHeight: 14, labelExpr: "split(datum.label, '\\n')" },
  };
  const spec = {
    width: PLOT_WIDTH - 120,
    height: { step: Math.max(34, Math.max(...answers.map((a) => a.short.split('\n').length)) * 14 + 8) },
    data: { values: answers },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', color: PALETTE[0] },
        encoding: {
          x: {
            field: 'percent',
            type: 'quantitative',
            scale: { domain: [0, max] },
            title: `Per cent of ${formatNumber(respondents)} respondents`,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, color: TEXT, fontSize: 12 },
        encoding: { x: { field: 'percent', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;
  const table: ChartTable = {
    caption: `Data for the chart: ${question.question} (${survey.title}, ${survey.period}; ${formatNumber(respondents)} respondents)`,
    columns: [
      { label: 'Answer', numeric: false },
      { label: 'Number', numeric: true },
      { label: 'Per cent', numeric: true },
    ],
    rows: answers.map((a) => [a.answer, a.count === undefined ? '' : formatNumber(a.count), formatPercent(a.percent)]),
  };
  const top = [...answers].sort((a, b) => b.percent - a.percent)[0]!;
  const description = `Horizontal bars of the answers to "${question.question}" in ${survey.title} (${survey.period}, ${formatNumber(respondents)} respondents). The most common answer was "${top.answer}" (${formatPercent(top.percent)}).`;
  return {
    job: {
      id: `chart-consultation-${survey.id}-${question.id}`,
      title: question.question,
      description,
      source: `${survey.title}, ${survey.period}`,
      spec,
      table,
    },
  };
}
