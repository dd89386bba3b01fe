/**
 * The plan on a page: its own PDF is exactly one A4 landscape page holding every priority (with its
 * lead) and every headline KPI (with its status in words); the same summary is a site page linked from
 * the home page, and a page of the strategy PDF linked from its contents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import YAML from 'yaml';
import { HEADLINE_KPIS } from '../../scripts/render/blocks/plan-on-a-page.js';
import { REPO_ROOT } from '../support/example-build.js';
import { elements, readPage, text } from '../support/html.js';

const dist = inject('exampleOut');
const squash = (s: string) => s.replace(/\s+/g, '');
const data = <T>(file: string): T => YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'data', file), 'utf8')) as T;
const priorities = data<{ priorities: { id: string; title: string; lead: { role: string } }[] }>(
  'priorities.yaml',
).priorities;
const kpis = data<{ kpis: { id: string; title: string; priority: string }[] }>('kpis.yaml').kpis;
const headline = priorities.flatMap((p) => kpis.filter((k) => k.priority === p.id).slice(0, HEADLINE_KPIS));

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs')['getDocument']>['promise']>;
let plan: PdfDoc;
let planText = '';

beforeAll(async () => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  plan = await pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(path.join(dist, 'plan-on-a-page.pdf'))),
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  for (let n = 1; n <= plan.numPages; n++)
    planText += (await (await plan.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
});

describe('the plan on a page', () => {
  it('is exactly one A4 landscape page', async () => {
    expect(plan.numPages).toBe(1);
    const [, , w, h] = (await plan.getPage(1)).view;
    expect([Math.round(w!), Math.round(h!)]).toEqual([842, 595]);
    expect((await plan.getMarkInfo())?.Marked).toBe(true);
  });

  it('holds every priority with its lead, and every headline KPI with a status in words', () => {
    expect(priorities.length).toBeGreaterThanOrEqual(5);
    expect(headline.length).toBe(priorities.length * HEADLINE_KPIS);
    const all = squash(planText);
    for (const p of priorities) {
      expect(all, p.id).toContain(squash(p.title));
      expect(all, `${p.id} lead`).toContain(squash(p.lead.role));
    }
    for (const k of headline) expect(all, k.id).toContain(squash(k.title));
    expect(planText.match(/On target|Near target|Off target|No data or target/g)?.length).toBe(headline.length);
    expect(all).toContain(squash('Our vision'));
    expect(all).toContain(squash('Governance'));
  });

  it('is a site page linked from the home page, holding the same priorities and KPIs', () => {
    const home = readPage(dist, 'index.html');
    const links = elements(home, (el) => el.tagName === 'a').map((a) => String(a.properties['href']));
    expect(links).toContain('plan-on-a-page.html');
    expect(links).toContain('plan-on-a-page.pdf');
    const page = squash(text(readPage(dist, 'plan-on-a-page.html')));
    for (const p of priorities) expect(page).toContain(squash(p.title));
    for (const k of headline) expect(page).toContain(squash(k.title));
  });

  it('is a landscape page of the strategy PDF, listed in its contents with its true page', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const file = fs.readdirSync(dist).find((f) => f.endsWith('.pdf') && f !== 'plan-on-a-page.pdf')!;
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(fs.readFileSync(path.join(dist, file))),
      verbosity: 0,
      isEvalSupported: false,
    }).promise;
    const item = ((await doc.getOutline()) ?? []).find((o) => o.title === 'Plan on a page');
    expect(item, 'a bookmark for the plan').toBeDefined();
    const dest = typeof item!.dest === 'string' ? await doc.getDestination(item!.dest) : item!.dest;
    const page = (await doc.getPageIndex(dest![0] as { num: number; gen: number })) + 1;
    const [, , w, h] = (await doc.getPage(page)).view;
    expect(w!).toBeGreaterThan(h!);
    const contents = (await (await doc.getPage(2)).getTextContent()).items
      .map((i) => ('str' in i ? i.str : ''))
      .join(' ');
    expect(squash(contents)).toContain(squash(`Plan on a page ${page}`));
    const text = squash(
      (await (await doc.getPage(page)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '),
    );
    for (const k of headline) expect(text, k.id).toContain(squash(k.title));
  });
});
