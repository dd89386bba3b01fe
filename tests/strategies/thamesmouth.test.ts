/**
 * The second example strategy (tests/strategies/thamesmouth): a three-year plan for a unitary council,
 * published as a mid-term refresh, built once by the global setup exactly like the first (site and
 * PDF). These tests read its real outputs and assert the figures the tool worked out: the status
 * counts at the reporting period (with one KPI not yet available), the matrix scores to two decimals
 * with the 3.5 threshold, funding status and totals per year, grant allocations and services; then the
 * PDF, and a second build giving the same bytes. axe in Chromium on every page is in
 * thamesmouth-desktop.browser.test.ts and thamesmouth-phone.browser.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { describe, expect, inject, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { SECOND_ROOT } from '../support/example-build.js';
import { byTag, elements, hasClass, readPage, text } from '../support/html.js';

const dist = inject('secondOut');

/** The rows of the table with this class on a page, as text cells (header cells included). */
function tableRows(file: string, className: string, n = 0): string[][] {
  const tree = readPage(dist, file);
  const t = elements(tree, (el) => el.tagName === 'table' && hasClass(el, className))[n];
  expect(t, `${className} on ${file}`).toBeDefined();
  return elements({ type: 'root', children: [t!] }, (el) => el.tagName === 'tr').map((tr) =>
    (tr.children.filter((c) => c.type === 'element') as Element[]).map((c) => text(c).replace(/\s+/g, ' ').trim()),
  );
}

describe('the second example: figures worked out by the tool', () => {
  it('status counts as at Q2 2025-26, one KPI grey because its figure is not yet published', () => {
    const tree = readPage(dist, 'executive-summary.html');
    const summary = elements(tree, (el) => el.tagName === 'p' && hasClass(el, 'kpi-summary'))[0]!;
    expect(text(summary)).toBe(
      '7 indicators as at Q2 2025-26 (July to September 2025): 3 on target, 1 near target, 2 off target, 1 not yet available.',
    );
    const rows = tableRows('executive-summary.html', 'kpi-summary-table');
    const reoffending = rows.find((r) => r[0] === 'Adults who reoffend within a year')!;
    expect(reoffending[2]).toContain('2025-26 Q2 not yet available');
    expect(reoffending[2]).toContain('The Ministry of Justice publishes this cohort on 29 January 2026.');
    // The last published figure beside it, not a status worked out from it.
    expect(reoffending[2]).toContain('Last published: 25.6% (2025-26 Q1)');
    expect(reoffending[3]).toBe('Not yet available');
    // An annual KPI owes its last complete year; a rate per 100,000 and percentage points print as such.
    expect(rows.find((r) => r[0]!.startsWith('Women who feel safe'))!.slice(2)).toEqual([
      '2.4 percentage points2024-25',
      'On target',
    ]);
    expect(rows.find((r) => r[0]!.startsWith('Deliberate fires'))!.slice(2)).toEqual([
      '97 per 100,0002025-26 Q2',
      'Off target',
    ]);
  });

  it('priority scores are weighted means to two decimals; 3.5 or more is selected', () => {
    const rows = tableRows('strategic-priorities.html', 'matrix-table').slice(1);
    expect(rows.map((r) => [r[0], r.at(-2), r.at(-1)])).toEqual([
      ['Violence against women and girls', '4.20', 'Selected'],
      ['Drugs and alcohol', '4.10', 'Selected'],
      ['Anti-social behaviour', '3.85', 'Selected'],
      ['Re-offending', '3.55', 'Selected'],
      ['Serious youth violence', '3.40', 'Not selected'],
      ['Fly-tipping', '2.95', 'Not selected'],
      ['Careless and dangerous driving', '2.90', 'Not selected'],
      ['Shop theft', '2.65', 'Not selected'],
    ]);
    const header = tableRows('strategic-priorities.html', 'matrix-table')[0]!;
    expect(header.slice(1, 4)).toEqual(['Harm×0.25', 'Volume×0.15', 'Trend×0.1']);
    const page = fs.readFileSync(path.join(dist, 'strategic-priorities.html'), 'utf8');
    expect(page).toContain('divided by the total weight (1)');
    expect(page).toContain('A weighted score of 3.5 or more is selected.');
  });

  it('funding: each year with its own status, totals and the confirmed share per year', () => {
    const rows = tableRows('resourcing-and-commissioning.html', 'funding-table');
    const grant = rows.find((r) => r[0]!.startsWith('Drug and Alcohol Treatment and Recovery Improvement Grant'))!;
    expect(grant.slice(2)).toEqual(['By year', '£1,150,000Confirmed', '£1,180,000Confirmed', '–Ended', '£2,330,000']);
    const crg = rows.find((r) => r[0]!.startsWith('Crime Reduction Grant'))!;
    expect(crg[0]).toContain(
      'Serves: Tackle drugs and alcohol; Reduce re-offending; Violence against women and girls; Tackle anti-social behaviour',
    );
    expect(crg.slice(3)).toEqual(['£106,460Confirmed', '£106,460Confirmed', '£100,000Indicative', '£312,920']);
    expect(rows.find((r) => r[0] === 'Total')!.slice(3)).toEqual([
      '£5,124,460',
      '£5,169,460',
      '£3,833,000',
      '£14,126,920',
    ]);
    expect(rows.find((r) => r[0] === 'Of which confirmed')!.slice(3)).toEqual([
      '£5,124,460',
      '£5,169,460',
      '£2,950,000',
      '£13,243,920',
    ]);
  });

  it('grant allocations add up, with what is left unallocated', () => {
    const first = tableRows('resourcing-and-commissioning.html', 'allocations-table', 0);
    expect(first.find((r) => r[0] === 'Total allocated')!.at(-1)).toBe('£106,460');
    expect(first.some((r) => r[0]!.startsWith('Not yet allocated'))).toBe(false);
    const second = tableRows('resourcing-and-commissioning.html', 'allocations-table', 1);
    expect(second.find((r) => r[0] === 'Total allocated')!.at(-1)).toBe('£98,500');
    expect(second.find((r) => r[0]!.startsWith('Not yet allocated'))!.at(-1)).toBe('£7,960');
  });

  it('commissioned services list each stream that pays for them, and their totals', () => {
    const rows = tableRows('resourcing-and-commissioning.html', 'services-table');
    expect(rows.find((r) => r[0]!.startsWith('Adult drug and alcohol treatment'))!.slice(1)).toEqual([
      '£3,300,000',
      '£3,320,000',
      '£2,400,000',
      '£9,020,000',
    ]);
    expect(
      rows
        .find(
          (r) =>
            r[0] === 'from Domestic Abuse Safe Accommodation (Ministry of Housing, Communities and Local Government)',
        )!
        .slice(1),
    ).toEqual(['£310,000', '£310,000', '£310,000', '£930,000']);
    expect(rows.find((r) => r[0] === 'Total')!.slice(1)).toEqual([
      '£3,630,000',
      '£3,650,000',
      '£2,710,000',
      '£9,990,000',
    ]);
  });

  it('a three-year plan labels its logic models from its own years, and keeps the ids officers wrote', () => {
    const page = fs.readFileSync(path.join(dist, 'delivery-plans.html'), 'utf8');
    expect(page).toContain('Long-term outcomes (2026-27 and beyond)');
    expect(page).not.toContain('year 4');
    const risks = tableRows('risk-register.html', 'risk-table');
    expect(risks[0]).toEqual(['ID', 'Risk', 'Rating', 'Mitigation']);
    expect(risks.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['R01', 'D2 Low'],
      ['R02', 'D2 Low'],
      ['R03', 'C3 Low'],
      ['R04', 'C3 Low'],
    ]);
  });

  it('the top 5 neighbourhoods from the police.uk file, with "No Location" rows left out and counted', () => {
    const rows = tableRows('needs-assessment.html', 'csv-table');
    expect(rows.slice(1, 6).map((r) => r.slice(0, 2))).toEqual([
      ['Thamesmouth 012A', '9'],
      ['Thamesmouth 012B', '7'],
      ['Thamesmouth 003C', '6'],
      ['Thamesmouth 021D', '5'],
      ['Thamesmouth 007A', '4'],
    ]);
    expect(rows.at(-1)).toEqual(['All', '36', '100.0%']);
    expect(fs.readFileSync(path.join(dist, 'needs-assessment.html'), 'utf8')).toContain(
      'A further 3 records had no location and are not included.',
    );
  });

  it('one chart compares the two surveys, with its data as a table', () => {
    const tree = readPage(dist, 'needs-assessment.html');
    const svgs = byTag(tree, 'svg').filter((s) =>
      String(s.properties['ariaLabelledBy'] ?? '').startsWith('chart-consultation-compare-'),
    );
    expect(svgs.length).toBe(2);
    const page = fs.readFileSync(path.join(dist, 'needs-assessment.html'), 'utf8');
    expect(page).toContain('Online community safety survey (107 respondents)');
    expect(page).toMatch(/Citizens(&#39;|&#x27;|')? Panel, second wave \(192 respondents\)/);
    // The data table reads as a councillor would: an "Answer" column, then one column per survey, no raw field names.
    const headers = byTag(tree, 'th').map((th) => text(th).trim());
    expect(headers).toContain('Answer');
    expect(headers).not.toContain('label');
    expect(headers).not.toContain('answer');
    expect(headers).not.toContain('survey');
    expect(headers.some((h) => h.startsWith('Online community safety survey (107 respondents)'))).toBe(true);
  });
});

describe('the second example is published like the first', () => {
  it('has a PDF with every section', async () => {
    const pdf = fs.readdirSync(dist).find((f) => f.endsWith('.pdf'))!;
    expect(pdf).toBe('community-safety-plan-2024-2027.pdf');
    const bytes = fs.readFileSync(path.join(dist, pdf));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
    expect(doc.numPages).toBeGreaterThan(10);
    let all = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      all += ` ${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}`;
    }
    const flat = all.replace(/\s+/g, ' ');
    for (const title of [
      'Executive Summary',
      'Risk Register',
      'Approvals and decision history',
      'Crime Reduction Grant allocations 2024-25',
    ])
      expect(flat).toContain(title);
    await doc.destroy();
  });

  it('builds to the same bytes again, elsewhere', async () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-second-'));
    try {
      // With the PDF, as the shared build: the pages name the PDF's size and length, and the search index follows the pages.
      const result = await build({ root: SECOND_ROOT, out: path.join(again, 'dist') });
      expect(result.ok).toBe(true);
      const list = (dir: string) =>
        (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
          .filter((f) => fs.statSync(path.join(dir, f)).isFile())
          .sort();
      expect(list(path.join(again, 'dist'))).toEqual(list(dist));
      for (const f of list(dist))
        expect(fs.readFileSync(path.join(again, 'dist', f)).equals(fs.readFileSync(path.join(dist, f))), f).toBe(true);
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });
});
