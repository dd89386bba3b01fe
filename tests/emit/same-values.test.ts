/**
 * One number, one text: every KPI value, funding total and priority score reads the same in its table,
 * in its chart's data table and (formatted by the one formatter, scripts/model/format.ts) in the open
 * data, asserted on the example build's single page and its data/ downloads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../scripts/load/csv.js';
import { formatKpiValue, formatMoney } from '../../scripts/model/format.js';
import { parsePeriod } from '../../scripts/model/periods.js';
import type { Kpi } from '../../scripts/schema/index.js';
import { byTag, elements, hasClass, readPage } from '../support/html.js';

const dist = inject('exampleOut');
const page = readPage(dist, 'full.html');

function csv(name: string): Record<string, string>[] {
  const { table } = parseCsv(fs.readFileSync(path.join(dist, 'data', name), 'utf8'), name);
  if (!table) throw new Error(`${name} does not parse`);
  return table.rows.map((r) => r.values);
}
const strategy = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'strategy.json'), 'utf8')) as {
  rag: Record<string, { value?: number }>;
  fundingTotals: {
    byPriority: Record<string, Record<string, number>>;
    byFunder: Record<string, Record<string, number>>;
  };
  priorities: { priorities: { id: string; title: string }[] };
  priorityScores: { candidate: string; title: string; total: number; score: string }[];
};

/** A cell's own text, without its `kpi-meta` note (the period under a value). */
function cellText(node: Element | Root): string {
  let out = '';
  const walk = (n: Element | Root): void => {
    for (const c of n.children) {
      if (c.type === 'text') out += c.value;
      else if (c.type === 'element' && !hasClass(c, 'kpi-meta')) walk(c);
    }
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim();
}

interface Table {
  head: string[];
  rows: { cells: string[]; ids: string[] }[];
}

function tableOf(el: Element): Table {
  const root: Root = { type: 'root', children: [el] };
  const head = byTag({ type: 'root', children: byTag(root, 'thead') }, 'th').map(cellText);
  const rows = elements(root, (e) => e.tagName === 'tbody' || e.tagName === 'tfoot')
    .flatMap((part) => byTag({ type: 'root', children: [part] }, 'tr'))
    .map((tr) => ({
      cells: tr.children
        .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
        .map(cellText),
      ids: elements({ type: 'root', children: [tr] }, (e) => typeof e.properties['id'] === 'string').map((e) =>
        String(e.properties['id']),
      ),
    }));
  return { head, rows };
}

const tablesWith = (cls: string): Table[] =>
  elements(page, (el) => el.tagName === 'table' && hasClass(el, cls)).map(tableOf);
function chartTable(chartId: string): Table | undefined {
  const el = elements(page, (e) => e.tagName === 'table' && e.properties['id'] === `${chartId}-table`)[0];
  return el ? tableOf(el) : undefined;
}
const col = (t: Table, label: string): number => {
  const i = t.head.indexOf(label);
  if (i < 0) throw new Error(`no column "${label}" in ${t.head.join(' | ')}`);
  return i;
};

describe('the same number reads the same in a table, its chart and the open data', () => {
  const kpis = csv('kpis.csv');
  const actuals = csv('kpi-actuals.csv');
  const years = Object.keys(kpis[0]!)
    .filter((k) => k.startsWith('target_'))
    .map((k) => k.slice('target_'.length));
  const charted = kpis.filter((k) => chartTable(`chart-kpi-trend-${k['id']}`));

  it('the example has KPI charts to compare', () => {
    expect(charted.length).toBeGreaterThanOrEqual(5);
  });

  it.each(charted.map((k) => [k['id']!, k] as const))(
    'KPI %s: baseline, targets, actuals and the latest figure',
    (id, k) => {
      const fmt = (v: string) => formatKpiValue(Number(v), k['unit'] as Kpi['unit']);
      const table = tablesWith('kpi-table').find((t) => t.rows.some((r) => r.ids.includes(`kpi-${id}`)))!;
      const row = table.rows.find((r) => r.ids.includes(`kpi-${id}`))!.cells;
      const chart = chartTable(`chart-kpi-trend-${id}`)!;
      const [actualCol, targetCol] = [col(chart, 'Actual'), col(chart, 'Target for the year')];

      // Baseline: the KPI table, the chart's first row, the open data.
      expect(row[col(table, 'Baseline')]).toBe(fmt(k['baseline']!));
      expect(chart.rows[0]!.cells[0]).toMatch(/^Baseline/);
      expect(chart.rows[0]!.cells[actualCol]).toBe(fmt(k['baseline']!));

      // Each year's target, where the chart shows it.
      for (const y of years) {
        const target = k[`target_${y}`]!;
        expect(row[col(table, `Target ${y}`)]).toBe(target === '' ? '–' : fmt(target));
      }
      // Every actual in order, against its year's target.
      const own = actuals.filter((a) => a['kpi'] === id);
      expect(own.length).toBeGreaterThan(0);
      own.forEach((a, i) => {
        const cells = chart.rows[i + 1]!.cells;
        expect(cells[actualCol]).toBe(fmt(a['value']!));
        const target = k[`target_${parsePeriod(a['period']!)!.fy}`] ?? '';
        expect(cells[targetCol]).toBe(target === '' ? '' : fmt(target));
      });
      // The latest figure: the KPI table, the chart's last actual, kpis.csv and strategy.json.
      const latest = own.at(-1)!;
      expect(k['latest_period']).toBe(latest['period']);
      expect(row[col(table, 'Latest')]).toBe(fmt(k['latest']!));
      expect(chart.rows[own.length]!.cells[actualCol]).toBe(fmt(k['latest']!));
      expect(fmt(String(strategy.rag[id]!.value))).toBe(fmt(k['latest']!));
    },
  );

  it('funding: each year’s total and the grand total, in the funding table, both funding charts and funding.csv', () => {
    const funding = csv('funding.csv');
    const total = funding.find((r) => r['id'] === 'total')!;
    const fundingYears = Object.keys(total).filter((c) => /^\d{4}-\d{2}$/.test(c));
    const expected = [...fundingYears.map((y) => formatMoney(Number(total[y]))), formatMoney(Number(total['total']))];
    const [table] = tablesWith('funding-table');
    // The grand total row ("Of which confirmed" may follow it).
    const foot = table!.rows.find((r) => r.cells[0] === 'Total')!.cells;
    expect(foot.slice(-expected.length)).toEqual(expected);
    for (const by of ['priority', 'funder']) {
      const chart = chartTable(`chart-funding-by-${by}`)!;
      const last = chart.rows.at(-1)!.cells;
      expect(last[0]).toBe('Total');
      expect(last.slice(1)).toEqual(expected);
    }
    // Each stream's total: its row in the funding table and funding.csv.
    for (const stream of funding.filter((r) => r['id'] !== 'total')) {
      const row = table!.rows.find((r) => r.cells[0] === stream['project'] && r.cells[1] === stream['funder']);
      expect(row?.cells.at(-1), stream['id']).toBe(formatMoney(Number(stream['total'])));
    }
  });

  it('funding: each priority’s and each funder’s amounts in their chart and in strategy.json', () => {
    const titleOf = new Map(strategy.priorities.priorities.map((p) => [p.title, p.id]));
    for (const [by, totals, keyOf] of [
      ['priority', strategy.fundingTotals.byPriority, (label: string) => titleOf.get(label) ?? label],
      ['funder', strategy.fundingTotals.byFunder, (label: string) => label],
    ] as const) {
      const chart = chartTable(`chart-funding-by-${by}`)!;
      const yearCols = chart.head.slice(1, -1);
      const groups = chart.rows.slice(0, -1);
      expect(groups.length).toBe(Object.keys(totals).length);
      for (const { cells } of groups) {
        const amounts = totals[keyOf(cells[0]!)]!;
        expect(amounts, cells[0]).toBeDefined();
        expect(cells.slice(1, -1)).toEqual(yearCols.map((y) => formatMoney(amounts[y] ?? 0)));
        expect(cells.at(-1)).toBe(formatMoney(Object.values(amounts).reduce((a, b) => a + b, 0)));
      }
    }
  });

  it('priority setting: every weighted score in the matrix, its chart and strategy.json', () => {
    const [matrix] = tablesWith('matrix-table');
    const chart = chartTable('chart-priority-scores')!;
    expect(strategy.priorityScores.length).toBeGreaterThan(0);
    expect(matrix!.rows).toHaveLength(strategy.priorityScores.length);
    strategy.priorityScores.forEach((s, i) => {
      // The exact score as printed; the number in strategy.json reads the same.
      const expected = s.score;
      expect(String(s.total)).toBe(String(Number(s.score)));
      expect(matrix!.rows[i]!.cells[0]).toBe(s.title);
      expect(matrix!.rows[i]!.cells[col(matrix!, 'Weighted score')]).toBe(expected);
      expect(chart.rows[i]!.cells[0]).toBe(s.title);
      expect(chart.rows[i]!.cells[col(chart, 'Weighted score')]).toBe(expected);
      // Each criterion's score, column by column in the same order.
      const criteria = matrix!.head.slice(1, col(matrix!, 'Weighted score'));
      const chartCriteria = chart.head.slice(col(chart, 'Rank') + 1, col(chart, 'Weighted score'));
      expect(chartCriteria.map((h) => h.replace(/ \(×.*\)$/, ''))).toEqual(
        criteria.map((h) => h.replace(/\s*×.*$/, '')),
      );
      expect(chart.rows[i]!.cells.slice(col(chart, 'Rank') + 1, col(chart, 'Weighted score'))).toEqual(
        matrix!.rows[i]!.cells.slice(1, col(matrix!, 'Weighted score')),
      );
    });
  });
});
