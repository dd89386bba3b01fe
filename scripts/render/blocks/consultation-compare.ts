/**
 * `::consultation-compare{surveys=a,b question=…}`: one chart comparing the answers to the same
 * question in several surveys (e.g. an online survey and a citizens' panel that asked it too), as
 * grouped horizontal bars of the percentage giving each answer, with the data as a table. Answers are
 * matched by their text; a question must have the same id in every survey compared.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LoadedChart } from '../../figures/types.js';
import { overBudget, SandboxLimitError, specTablesInSandbox } from '../../figures/job-sandbox.js';
import { diag } from '../../diagnostics/messages.js';
import { dec, div, mul, toFixed, toNumber } from '../../model/decimal.js';
import { formatNumber } from '../../model/format.js';
import { raw } from '../html.js';
import type { BlockDefinition } from './block.js';
import { chartBlock } from './charts.js';

export const consultationCompare: BlockDefinition = {
  name: 'consultation-compare',
  description: 'One chart comparing the answers to the same question across several consultation surveys.',
  attributes: [
    { name: 'surveys', kind: 'surveys', required: true },
    { name: 'question', kind: 'text', required: true },
  ],
  example: '::consultation-compare{surveys=online-survey-2023,citizens-panel-2023 question=top-problems}',
  async render(ctx, attrs) {
    const all = ctx.model.data.consultation?.surveys ?? [];
    const ids = attrs['surveys']!.split(',').map((s) => s.trim());
    const questionId = attrs['question']!;
    const surveys = ids.map((id) => all.find((s) => s.id === id)!);
    const missing = surveys.filter((s) => !s.questions.some((q) => q.id === questionId));
    if (missing.length) {
      return {
        site: raw(''),
        print: raw(''),
        diagnostics: missing.map((s) =>
          diag('block/question-not-in-survey', ctx.at.file, ctx.at, [
            questionId,
            s.id,
            s.questions.map((q) => q.id).join(', '),
          ]),
        ),
      };
    }
    const values: { answer: string; survey: string; percent: number; label: string }[] = [];
    const answers: string[] = [];
    for (const s of surveys) {
      const q = s.questions.find((x) => x.id === questionId)!;
      const n = q.respondents ?? s.respondents;
      for (const a of q.answers) {
        if (!answers.includes(a.answer)) answers.push(a.answer);
        // Exact: a count is turned into a percentage of the respondents once, to one decimal place.
        const pct =
          a.percent !== undefined
            ? dec(a.percent)
            : a.count !== undefined
              ? mul(div(dec(a.count), dec(n)), dec(100))
              : undefined;
        if (!pct) continue;
        const text = toFixed(pct, 1).replace(/\.0$/, '');
        values.push({
          answer: a.answer,
          survey: `${s.title} (${formatNumber(n)} respondents)`,
          percent: toNumber(pct, 1),
          label: `${text}%`,
        });
      }
    }
    const question = surveys[0]!.questions.find((q) => q.id === questionId)!.question;
    const series = surveys.map((s) => values.find((v) => v.survey.startsWith(s.title))?.survey ?? s.title);
    const spec = {
      data: { values },
      width: 420,
      height: { step: 16 },
      encoding: {
        // The axis shows no title (the answers speak for themselves); the data table heads the column "Answer".
        y: { field: 'answer', type: 'nominal', sort: answers, title: 'Answer', axis: { title: null, labelLimit: 260 } },
        yOffset: { field: 'survey', type: 'nominal', sort: series, title: 'Survey' },
        x: { field: 'percent', type: 'quantitative', title: 'Per cent of respondents', scale: { domain: [0, 100] } },
        color: {
          field: 'survey',
          type: 'nominal',
          sort: series,
          title: 'Survey',
          legend: { title: null, orient: 'bottom', direction: 'vertical' },
        },
      },
      layer: [
        { mark: { type: 'bar' } },
        {
          // Titled as the bars are, so the data table keeps one column per survey, not a raw "label" column.
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
          encoding: { text: { field: 'label', title: 'Per cent of respondents' } },
        },
      ],
    } as unknown as TopLevelSpec;
    const id = `consultation-compare-${questionId}`;
    // The data table is read from the marks, as for an officer's chart (in the sandbox, as every chart is run).
    let tables: LoadedChart['tables'];
    try {
      tables = (await specTablesInSandbox(spec as unknown as Record<string, unknown>)).tables;
    } catch (err) {
      if (!(err instanceof SandboxLimitError)) throw err;
      return { site: raw(''), print: raw(''), diagnostics: [overBudget(err, ctx.at.file, ctx.at)] };
    }
    const chart: LoadedChart = {
      id,
      file: ctx.at.file,
      title: question,
      description: `Grouped horizontal bars comparing the answers to "${question}" in ${surveys.map((s) => `${s.title} (${s.period})`).join(' and ')}, as a percentage of each survey's respondents.`,
      source: surveys.map((s) => `${s.title}, ${s.period}`).join('; '),
      spec,
      dataFiles: [],
      tables,
      yaml: {
        file: ctx.at.file,
        value: {},
        locate: () => ({ line: ctx.at.line, column: ctx.at.column }),
        locateKey: () => ({ line: ctx.at.line, column: ctx.at.column }),
      },
    };
    return chartBlock(ctx, { kind: 'officer', id }, new Map([[id, chart]]));
  },
};

export default consultationCompare;
