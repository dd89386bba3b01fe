/**
 * The HTML of a chart figure, the same SVG on the site and in the PDF:
 *
 *   <figure class="chart" id="chart-…">
 *     <figcaption>title (and source)</figcaption>
 *     <div class="chart-image">SVG (role="img", named by its <title>, described by its <desc>)</div>
 *     site:  <details class="govuk-details"><summary>Show the data…</summary><table>…</table></details>
 *     print: <table> printed in full below the chart
 *   </figure>
 *
 * Everything that comes from data is HTML-escaped; the SVG is ours (Vega escapes text it draws).
 */
import { escapeHtml } from './escape.js';
import type { ChartTable, RenderedChart } from './types.js';

export type FigureMode = 'site' | 'print';

export function chartTableHtml(table: ChartTable, id: string): string {
  const totals = new Set(table.totalRows ?? []);
  const cls = (numeric: boolean | undefined, extra = '') =>
    ` class="govuk-table__${extra}${numeric ? ` govuk-table__${extra === 'header' ? 'header' : 'cell'}--numeric` : ''}"`;
  const head = table.columns.map((c) => `<th scope="col"${cls(c.numeric, 'header')}>${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map((row, r) => {
      const cells = row
        .map((v, i) => {
          const numeric = table.columns[i]?.numeric;
          // The first column names the row, so it is a row header.
          if (i === 0) return `<th scope="row"${cls(numeric, 'header')}>${escapeHtml(v)}</th>`;
          return `<td${cls(numeric, 'cell')}>${escapeHtml(v)}</td>`;
        })
        .join('');
      return `<tr class="govuk-table__row${totals.has(r) ? ' chart-table__total' : ''}">${cells}</tr>`;
    })
    .join('');
  const note = table.note ? `<p class="govuk-body-s chart-table__note">${escapeHtml(table.note)}</p>` : '';
  return (
    `<table class="govuk-table chart-table" id="${id}-table">` +
    `<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(table.caption)}</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>` +
    `<tbody class="govuk-table__body">${body}</tbody></table>${note}`
  );
}

export function chartFigureHtml(chart: RenderedChart, mode: FigureMode): string {
  const source = chart.source ? `<span class="chart__source">Source: ${escapeHtml(chart.source)}</span>` : '';
  const caption = `<figcaption class="chart__caption"><span class="chart__title">${escapeHtml(chart.title)}</span>${source}</figcaption>`;
  const image = `<div class="chart__image">${chart.svg}</div>`;
  const table = chartTableHtml(chart.table, chart.id);
  const data =
    mode === 'site'
      ? `<details class="govuk-details chart__data"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the data in this chart</span></summary><div class="govuk-details__text">${table}</div></details>`
      : `<div class="chart__data chart__data--print">${table}</div>`;
  return `<figure class="chart" id="${escapeHtml(chart.id)}">${caption}${image}${data}</figure>`;
}
