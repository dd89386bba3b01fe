/**
 * Blocks for the strategy's framing: priorities, statutory coverage, the priority-setting matrix,
 * the horizon scan, partners and consultation results.
 */
import { OTHER_DUTIES, STATUTORY_DUTIES } from '../../schema/index.js';
import { answerFigures, respondentsOf } from '../../model/consultation.js';
import { formatNumber, formatPercent } from '../../model/format.js';
import { html, table, tag, type RawHtml } from '../html.js';
import type { StrategyModel } from '../../model/strategy.js';
import { same, type BlockDefinition } from './block.js';

const DUTY_LABELS: Record<string, string> = { ...STATUTORY_DUTIES, ...OTHER_DUTIES };
const dutyShort = (d: string): string => (DUTY_LABELS[d] ?? d).replace(/ \(.*\)$/, '');

export const priorities: BlockDefinition = {
  name: 'priorities',
  description: 'A summary of every strategic priority: what it is, who leads it, the duties it meets.',
  attributes: [],
  example: '::priorities',
  render({ model }) {
    return same(
      html`<ol class="priority-list">${model.priorities.map(
        (p, i) => html`<li class="priority-card">
<p class="priority-card__title"><span class="priority-card__number">Priority ${i + 1}</span> ${p.title}</p>
<p class="govuk-body">${p.summary}</p>
<dl class="priority-card__meta">
<div><dt>Lead</dt><dd>${p.lead.role}, ${p.lead.organisation}</dd></div>
${p.sponsor ? html`<div><dt>Sponsor</dt><dd>${p.sponsor}</dd></div>` : ''}
<div><dt>Duties</dt><dd>${p.duties.map(dutyShort).join('; ')}</dd></div>
</dl></li>`,
      )}</ol>`,
    );
  },
};

export const statutoryCoverage: BlockDefinition = {
  name: 'statutory-coverage',
  description: 'Which priority addresses each statutory duty.',
  attributes: [],
  example: '::statutory-coverage',
  render({ model }) {
    const duties = Object.keys(STATUTORY_DUTIES);
    return same(
      table({
        caption: 'How the priorities meet the partnership’s statutory duties',
        head: ['Duty', ...model.priorities.map((p) => p.title)],
        rows: duties.map((d) => [
          (DUTY_LABELS[d] ?? d).replace(/^./, (c) => c.toUpperCase()),
          ...model.priorities.map((p) =>
            p.duties.includes(d)
              ? html`<span aria-hidden="true">✓</span><span class="govuk-visually-hidden">Addressed</span>`
              : html`<span class="govuk-visually-hidden">Not addressed</span>`,
          ),
        ]),
        className: 'coverage-table',
      }),
    );
  },
};

/** The sentence that explains the weighted score, printed under the matrix and in the chart's table. */
export function matrixRule(m: NonNullable<StrategyModel['matrix']>, scaleMax: number): string {
  const rule = `Each criterion is scored 1 to ${scaleMax}. The weighted score is the sum of weight × score, divided by the total weight (${m.totalWeightText}), so it is also on the scale of 1 to ${scaleMax}; it is shown to ${m.decimals} decimal place${m.decimals === 1 ? '' : 's'}.`;
  return m.threshold ? `${rule} A weighted score of ${m.threshold.text} or more is selected.` : rule;
}

export const priorityMatrix: BlockDefinition = {
  name: 'priority-matrix',
  description:
    'The transparent scoring used to choose the priorities, ranked by weighted score, with the selection threshold.',
  attributes: [],
  example: '::priority-matrix',
  render({ model }) {
    const m = model.data.priorityMatrix;
    const scored = model.matrix;
    if (!m || !scored) return same(html`<p class="govuk-body">No priority-setting matrix has been published.</p>`);
    const byId = new Map(m.candidates.map((c) => [c.id, c]));
    const outcome = (selected: boolean) =>
      scored.threshold
        ? selected
          ? tag('Selected', 'green')
          : tag('Not selected', 'grey')
        : selected
          ? tag('Chosen', 'green')
          : tag('Not chosen', 'grey');
    return same(
      html`${table({
        caption: `Priority-setting matrix (each criterion scored 1 to ${m.scale_max}; weights in brackets)`,
        head: [
          'Candidate priority',
          ...m.criteria.map(
            (c) => html`${c.label}<br><span class="weight">×${scored.weights.get(c.id)?.text ?? ''}</span>`,
          ),
          'Weighted score',
          'Outcome',
        ],
        rows: scored.candidates.map((c) => [
          c.title,
          ...m.criteria.map((cr) => formatNumber(byId.get(c.id)?.scores[cr.id] ?? 0)),
          html`<strong>${c.scoreText}</strong>`,
          outcome(c.selected),
        ]),
        numeric: m.criteria.map((_, i) => i + 1).concat([m.criteria.length + 1]),
        className: 'matrix-table',
      })}<p class="govuk-body-s matrix-rule">${matrixRule(scored, m.scale_max)}</p>`,
    );
  },
};

export const horizonScan: BlockDefinition = {
  name: 'horizon-scan',
  description: 'National, regional and local drivers: theme, instrument, likely focus, implications.',
  attributes: [{ name: 'level', kind: { oneOf: ['national', 'regional', 'local'] }, required: false }],
  example: '::horizon-scan{level=national}',
  render({ model }, attrs) {
    const drivers = (model.data.horizonScan?.drivers ?? []).filter(
      (d) => !attrs['level'] || d.level === attrs['level'],
    );
    const label = attrs['level']
      ? `${attrs['level'].replace(/^./, (c) => c.toUpperCase())} drivers`
      : 'National and local drivers';
    return same(
      table({
        caption: label,
        head: ['Theme', 'Instrument', 'Likely focus', 'Implications for the partnership'],
        rows: drivers.map((d) => [d.theme, d.instrument, d.likely_focus, d.implications]),
        className: 'horizon-table',
      }),
    );
  },
};

export const partners: BlockDefinition = {
  name: 'partners',
  description: 'The responsible authorities and the other partners.',
  attributes: [],
  example: '::partners',
  render({ model }) {
    const p = model.data.partnership;
    if (!p) return same(html``);
    const TYPE: Record<string, string> = {
      council: 'Local authority',
      police: 'Police',
      fire: 'Fire and rescue',
      health: 'Health',
      probation: 'Probation',
    };
    return same(
      html`${table({
        caption: 'Responsible authorities (Crime and Disorder Act 1998, section 5)',
        head: ['Organisation', 'Type', 'Role in the partnership'],
        rows: p.responsible_authorities.map((a) => [a.name, TYPE[a.type] ?? a.type, a.role ?? '']),
      })}${
        p.partners.length
          ? table({
              caption: 'Other partners',
              head: ['Organisation', 'Role in the partnership'],
              rows: p.partners.map((a) => [a.name, a.role ?? '']),
            })
          : ''
      }`,
    );
  },
};

export const consultation: BlockDefinition = {
  name: 'consultation',
  description: 'The results of a consultation survey, question by question.',
  attributes: [{ name: 'survey', kind: 'survey', required: true }],
  example: '::consultation{survey=residents-survey-2026}',
  render({ model }, attrs) {
    const s = model.data.consultation?.surveys.find((x) => x.id === attrs['survey']);
    if (!s) return same(html``);
    const parts: RawHtml[] = [
      html`<p class="govuk-body survey-meta">${s.title}: ${formatNumber(s.respondents)} respondents, ${s.period}${s.method ? `, ${s.method}` : ''}.</p>`,
    ];
    for (const q of s.questions) {
      const n = respondentsOf(s, q);
      parts.push(
        table({
          caption: `${q.question} (${formatNumber(n)} respondents)`,
          head: ['Answer', 'Respondents', 'Share'],
          rows: answerFigures(s, q).map((a) => [
            a.answer,
            a.count === undefined ? '' : formatNumber(a.count),
            a.percent === undefined ? '' : formatPercent(a.percent),
          ]),
          numeric: [1, 2],
        }),
      );
    }
    return same(html`${parts}`);
  },
};

/** This file's blocks, for the registry (index.ts). */
export default [
  priorities,
  statutoryCoverage,
  priorityMatrix,
  horizonScan,
  partners,
  consultation,
] satisfies BlockDefinition[];
