/** Small typed strategy data for chart tests, parsed through the real schemas. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project } from '../../scripts/load/project.js';
import {
  ActionsSchema,
  ConsultationSchema,
  FundingSchema,
  KpisSchema,
  PartnershipSchema,
  PrioritiesSchema,
  PriorityMatrixSchema,
  RisksSchema,
} from '../../scripts/schema/index.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

const lead = { organisation: 'Northbridge Council', role: 'Head of Community Safety' };

export function fixtureProject(root = path.join(FIXTURES, 'police'), asAt: string | undefined = '2027-28 Q3'): Project {
  const data = {
    partnership: PartnershipSchema.parse({
      name: 'Safer Testbridge Partnership',
      area: { name: 'Testbridge' },
      strategy: { title: 'Community Safety Strategy 2027–2029', start_year: 2027, years: 2 },
      status: 'draft',
      version: '0.1',
      responsible_authorities: [{ id: 'council', name: 'Testbridge Council', type: 'council' }],
      build: { date: '2028-04-30' },
      ...(asAt ? { reporting: { as_at: asAt } } : {}),
    }),
    priorities: PrioritiesSchema.parse({
      priorities: [
        {
          id: 'sv',
          title: 'Serious violence',
          summary: 'Fewer stabbings.',
          lead,
          sponsor: 'Borough Commander',
          duties: ['serious-violence'],
        },
        {
          id: 'asb',
          title: 'Anti-social behaviour',
          summary: 'Safer streets.',
          lead,
          sponsor: 'Council chief executive',
          duties: ['crime-and-disorder'],
        },
      ],
    }),
    kpis: KpisSchema.parse({
      kpis: [
        {
          id: 'knife-crime',
          title: 'Knife crime offences',
          priority: 'sv',
          definition: 'Offences involving a knife.',
          source: 'Police recorded crime',
          unit: 'count',
          direction: 'lower-is-better',
          frequency: 'quarterly',
          baseline: { value: 120, period: '2026-27' },
          targets: { '2027-28': 110, '2028-29': 100 },
          actuals: [
            { period: '2027-28 Q2', value: 30 },
            { period: '2027-28 Q1', value: 35 },
            { period: '2027-28 Q3', value: 118 },
          ],
          owner: 'Analyst',
        },
      ],
    }),
    risks: RisksSchema.parse({
      risks: [
        {
          id: 'r01',
          risk: 'Funding ends',
          cause: 'Grant cut',
          consequence: 'Services stop',
          category: 'financial',
          likelihood: 'A',
          impact: 'II',
          owner: 'Chair',
          mitigation: 'Bid',
          residual: { likelihood: 'C', impact: 'III' },
          review: '2027-09-30',
        },
        {
          id: 'r02',
          risk: 'Data sharing fails',
          cause: 'No agreement',
          consequence: 'Blind spots',
          category: 'data',
          likelihood: 'A',
          impact: 'II',
          owner: 'Analyst',
          mitigation: 'Sign ISA',
          residual: { likelihood: 'D', impact: 'IV' },
          review: '2027-09-30',
        },
        {
          id: 'r03',
          risk: 'Partner leaves <board>',
          cause: 'Reorganisation',
          consequence: 'Gaps',
          category: 'partnership',
          likelihood: 'D',
          impact: 'IV',
          owner: 'Chair',
          mitigation: 'Terms',
          residual: { likelihood: 'D', impact: 'IV' },
          review: '2027-09-30',
        },
      ],
    }),
    funding: FundingSchema.parse({
      streams: [
        {
          id: 'f1',
          funder: 'Home Office',
          project: 'Violence reduction',
          priority: 'sv',
          provider: 'VRU',
          status: 'confirmed',
          amounts: { '2027-28': 100000, '2028-29': 90000 },
        },
        {
          id: 'f2',
          funder: 'Council',
          project: 'ASB team',
          priority: 'asb',
          provider: 'Council',
          status: 'confirmed',
          amounts: { '2027-28': 50000, '2028-29': 55000 },
        },
        {
          id: 'f3',
          funder: 'Home Office',
          project: 'Hotspot patrols',
          priority: 'asb',
          provider: 'Police',
          status: 'indicative',
          amounts: { '2027-28': 25000 },
        },
      ],
    }),
    actions: ActionsSchema.parse({
      actions: [
        {
          id: 'sv-a1',
          action: 'Publish the serious violence strategy',
          priority: 'sv',
          lead,
          due: '2027-28 Q2',
          status: 'complete',
          milestones: [{ quarter: '2027-28 Q1', milestone: 'Draft' }],
        },
        {
          id: 'asb-a1',
          action: 'Run problem-solving plans',
          priority: 'asb',
          lead,
          due: '2028-29 Q1',
          status: 'at-risk',
        },
        { id: 'sv-a2', action: 'Extend youth navigators', priority: 'sv', lead, due: '2028-29 Q4', status: 'on-track' },
      ],
    }),
    consultation: ConsultationSchema.parse({
      surveys: [
        {
          id: 'residents-2026',
          title: 'Residents survey 2026',
          period: 'June to August 2026',
          respondents: 200,
          questions: [
            {
              id: 'feel-safe',
              question: 'How safe do you feel after dark?',
              answers: [
                { answer: 'Very safe', count: 30 },
                { answer: 'Fairly safe', count: 90 },
                { answer: 'Not safe', count: 80 },
              ],
            },
          ],
        },
      ],
    }),
    priorityMatrix: PriorityMatrixSchema.parse({
      scale_max: 5,
      criteria: [
        { id: 'harm', label: 'Harm', weight: 2 },
        { id: 'volume', label: 'Volume', weight: 1 },
      ],
      candidates: [
        { id: 'sv', title: 'Serious violence', priority: 'sv', scores: { harm: 5, volume: 3 } },
        { id: 'asb', title: 'Anti-social behaviour', priority: 'asb', scores: { harm: 3, volume: 5 } },
        { id: 'fraud', title: 'Fraud', scores: { harm: 2, volume: 4 } },
      ],
    }),
  };
  return {
    root,
    data: data as unknown as Project['data'],
    sources: {},
    actualSources: new Map(),
    chapters: [],
    failedChapters: [],
    placements: [],
    files: [],
    diagnostics: [],
  };
}

/** A tiny SVG reader for assertions: every start tag with its attributes, and the text of title/desc. */
export interface SvgElement {
  name: string;
  attrs: Record<string, string>;
}

export function svgElements(svg: string): SvgElement[] {
  const out: SvgElement[] = [];
  for (const m of svg.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.push({ name: m[1]!, attrs });
  }
  return out;
}

export function elementText(svg: string, name: string): string | undefined {
  return new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(svg)?.[1];
}

/** Check the accessibility contract of a chart's SVG; returns the root element. */
export function rootOf(svg: string): SvgElement {
  const els = svgElements(svg);
  return els[0]!;
}
