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
 * In print the outer element is a `<div role="group">`, not a `<figure>`, and the SVG is named by its
 * title and description together. Chromium's tagged PDF maps both an ARIA img and an HTML figure to a
 * Figure tag whose Alt is the accessible name: a <figure> made a second, unnamed Figure around the
 * chart's, holding the data table, which readers treat as an image and skip. So the PDF has ONE Figure
 * per chart, its Alt the title and the description (the PDF has no other place for the description),
 * and the caption and data table beside it as text and a Table.
 *
 * Everything that comes from data is HTML-escaped; the SVG is ours (Vega escapes text it draws).
 */
import { escapeHtml } from '../util/escape.js';
import type { ChartTable, RenderedChart } from './types.js';

export type FigureMode = 'site' | 'print';

export function chartTableHtml(table: ChartTable, id: string): string {
  const totals = new Set(table.totalRows ?? []);
  const cls = (numeric: boolean | undefined, extra = '') =>
    ` class="govuk-table__${extra}${numeric ? ` govuk-table__${extra === 'header' ? 'header' : 'cell'}--numeric` : ''}"`;
  const head = table.columns
    .map((c) => `<th scope="col"${cls(c.numeric, 'header')}>${escapeHtml(c.label)}</th>`)
    .join('');
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

/** The PDF's alt text for a chart: its title, then its description, as one sentence pair. */
export function chartAltText(chart: Pick<RenderedChart, 'title' | 'description'>): string {
  const title = chart.title.trim();
  const description = chart.description.trim();
  if (!description) return title;
  return `${title}${/[.?!:]$/.test(title) ? '' : '.'} ${description}`;
}

/** The link to a cut table's whole data, as the site shows it and the PDF names it. */
function downloadNote(cut: NonNullable<ChartTable['cut']>, mode: FigureMode): string {
  const file = escapeHtml(cut.file);
  const rows = cut.total.toLocaleString('en-GB');
  if (mode === 'site')
    return `<p class="govuk-body-s chart-table__download"><a class="govuk-link" href="${file}" download>Download all ${rows} rows as a spreadsheet (CSV)</a></p>`;
  return `<p class="govuk-body-s chart-table__download">The full data (${rows} rows) is on the website as a spreadsheet (CSV): ${file}.</p>`;
}

/**
 * A chart's tables: the first, then any more (a view each of a concatenation). A cut table shows its
 * first rows and a download link on the site; in print, its summary and where the data is.
 */
function chartTablesHtml(table: ChartTable, id: string, mode: FigureMode): string {
  const all = [table, ...(table.more ?? [])];
  return all
    .map((t, n) => {
      const tableId = n === 0 ? id : `${id}-${n + 1}`;
      if (!t.cut) return chartTableHtml(t, tableId);
      if (mode === 'site') return chartTableHtml(t, tableId) + downloadNote(t.cut, mode);
      return chartTableHtml(t.cut.summary, tableId) + downloadNote(t.cut, mode);
    })
    .join('');
}

export function chartFigureHtml(chart: RenderedChart, mode: FigureMode): string {
  const source = chart.source ? `<span class="chart__source">Source: ${escapeHtml(chart.source)}</span>` : '';
  const captionText = `<span class="chart__title">${escapeHtml(chart.title)}</span>${source}`;
  const table = chartTablesHtml(chart.table, chart.id, mode);
  const id = escapeHtml(chart.id);
  if (mode === 'site') {
    const caption = `<figcaption class="chart__caption">${captionText}</figcaption>`;
    const image = `<div class="chart__image">${chart.svg}</div>`;
    // A wide data table scrolls inside its own focusable, named region on a phone (axe: scrollable-region-focusable).
    const wrapped = `<div class="table-wrap" role="region" aria-label="${escapeHtml(chart.table.caption)}" tabindex="0">${table}</div>`;
    const data = `<details class="govuk-details chart__data"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the data in this chart</span></summary><div class="govuk-details__text">${wrapped}</div></details>`;
    return `<figure class="chart" id="${id}">${caption}${image}${data}</figure>`;
  }
  // Print: the root <svg> is named by aria-label (which wins over its <title>), so the Figure's Alt carries the description.
  const svg = chart.svg.replace(
    /^(<svg\b[^>]*?) aria-labelledby="[^"]*"/,
    `$1 aria-label="${escapeHtml(chartAltText(chart))}"`,
  );
  const caption = `<div class="chart__caption">${captionText}</div>`;
  const image = `<div class="chart__image">${svg}</div>`;
  const data = `<div class="chart__data chart__data--print">${table}</div>`;
  return `<div class="chart" id="${id}" role="group" aria-label="${escapeHtml(chart.title)}">${caption}${image}${data}</div>`;
}
