/**
 * `::csv-table{file=police-uk/street.csv by="LSOA name" top=5}`: a table drawn from a CSV under data/,
 * counting rows by one column (optionally only rows where `where="Column=Value"`), largest first, cut
 * to the `top` few. In a police.uk street-level file, rows with no location ("No Location", empty LSOA)
 * cannot be placed, so a breakdown by a location column leaves them out and says how many.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import { parseCsv } from '../../load/csv.js';
import { readProjectFile } from '../../load/project.js';
import { MAX_CSV_BYTES } from '../../load/text.js';
import { dec, div, mul, toFixed } from '../../model/decimal.js';
import { formatNumber } from '../../model/format.js';
import { html, raw, table } from '../html.js';
import type { BlockDefinition, BlockOutput } from './block.js';

/** police.uk columns that place a crime; a breakdown by one of them cannot place rows without a location. */
const LOCATION_COLUMNS = new Set(['Location', 'LSOA code', 'LSOA name', 'Longitude', 'Latitude']);
const unlocated = (row: Record<string, string>): boolean =>
  (row['Location'] ?? '').trim().toLowerCase() === 'no location' ||
  ('LSOA code' in row && (row['LSOA code'] ?? '').trim() === '');

export const csvTable: BlockDefinition = {
  name: 'csv-table',
  description:
    'A table counting the rows of a CSV under data/ by one column, largest first (e.g. the top 5 LSOAs in a police.uk file).',
  attributes: [
    { name: 'file', kind: 'text', required: true },
    { name: 'by', kind: 'text', required: true },
    { name: 'top', kind: 'text', required: false },
    { name: 'where', kind: 'text', required: false },
    { name: 'caption', kind: 'text', required: false },
    /** `unlocated=noted`: the officer has read the warning; the table still says how many rows were left out. */
    { name: 'unlocated', kind: { oneOf: ['noted'] }, required: false },
  ],
  example: '::csv-table{file=police-uk/street.csv by="LSOA name" top=5}',
  render({ project, at }, attrs): BlockOutput {
    const file = attrs['file']!;
    const by = attrs['by']!;
    const errors: Diagnostic[] = [];
    const top = attrs['top'] === undefined ? undefined : Number(attrs['top']);
    if (top !== undefined && (!Number.isInteger(top) || top < 1))
      errors.push(diag('block/bad-number', at.file, at, ['top', attrs['top']!]));
    // The block keeps its own problems, so a cached chapter replays them.
    const read = readProjectFile(project, file, { from: 'data', at, maxBytes: MAX_CSV_BYTES, out: errors });
    if (!read) return nothing(errors);
    const parsed = parseCsv(read.text, read.file);
    errors.push(...parsed.diagnostics);
    const t = parsed.table;
    if (!t) return nothing(errors);
    const [whereColumn, whereValue] = attrs['where']
      ? (attrs['where'].split(/=(.*)/s) as [string, string])
      : [undefined, undefined];
    for (const column of [by, ...(whereColumn !== undefined ? [whereColumn] : [])]) {
      if (!t.columns.includes(column))
        errors.push(diag('block/csv-missing-column', at.file, at, [read.file, column, t.columns.join(', ')]));
    }
    if (errors.length) return nothing(errors);

    const rows = t.rows
      .map((r) => r.values)
      .filter((r) => whereColumn === undefined || (r[whereColumn] ?? '') === whereValue);
    const dropsUnlocated = LOCATION_COLUMNS.has(by);
    const located = dropsUnlocated ? rows.filter((r) => !unlocated(r)) : rows;
    const dropped = rows.length - located.length;
    const counts = new Map<string, number>();
    for (const r of located) counts.set(r[by] ?? '', (counts.get(r[by] ?? '') ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const shown = top ? ranked.slice(0, top) : ranked;
    const total = located.length;
    const share = (n: number) => (total ? `${toFixed(mul(div(dec(n), dec(total)), dec(100)), 1)}%` : '');
    const caption =
      attrs['caption'] ??
      `${top ? `Top ${top} ` : ''}${by} by number of ${whereValue ? `${whereValue.toLowerCase()} ` : ''}records (${read.file})`;
    const warnings =
      dropped > 0 && attrs['unlocated'] !== 'noted'
        ? [diag('block/csv-no-location', at.file, at, [String(dropped), read.file, by])]
        : [];
    const out = html`${table({
      caption,
      head: [by, 'Number', 'Share of all located'],
      rows: shown.map(([k, n]) => [k || '(blank)', formatNumber(n), share(n)]),
      foot: [['All', formatNumber(total), total ? '100.0%' : '']],
      numeric: [1, 2],
      className: 'csv-table',
    })}${dropped > 0 ? html`<p class="govuk-body-s csv-table__note">A further ${formatNumber(dropped)} record${dropped === 1 ? '' : 's'} had no location and ${dropped === 1 ? 'is' : 'are'} not included.</p>` : ''}`;
    return { site: out, print: out, diagnostics: warnings };
  },
};

/** A block that cannot render shows nothing and says why. */
function nothing(diagnostics: Diagnostic[]): BlockOutput {
  return { site: raw(''), print: raw(''), diagnostics };
}

export default csvTable;
