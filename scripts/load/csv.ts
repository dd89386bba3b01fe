/**
 * A small RFC 4180 CSV reader that keeps each row's line number, so a bad value in a spreadsheet
 * export is reported at the right line. Quoted fields may hold commas, quotes ("") and newlines.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  columns: string[];
  rows: CsvRow[];
}

export function parseCsv(
  input: string,
  file: string,
  delimiter = ',',
): { table?: CsvTable; diagnostics: Diagnostic[] } {
  // readText already does this; parseCsv is also called directly, and a stray \r would end up in values.
  const text = input.replace(/\r\n?/g, '\n');
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let quoteStart = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    if (!quoted && field === '' && fields.length === 0 && delimiter.length === 1) {
      // At the start of a record, a line without quotes is split at once: the same fields the loop
      // below would make one character at a time (a large police.uk export is almost all such lines).
      const end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
      const lineText = text.slice(i, end);
      if (!lineText.includes('"')) {
        fields = lineText.split(delimiter);
        field = fields.pop()!;
        i = end;
        if (i < text.length) {
          endRecord();
          line++;
          rowLine = line;
          i++;
        }
        continue;
      }
    }
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStart = line;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      endRecord();
      line++;
      rowLine = line;
    } else field += c;
    i++;
  }
  if (quoted)
    return {
      diagnostics: [diag('csv/syntax', file, { line: quoteStart, column: 1 }, ['a quoted value is never closed'])],
    };
  if (field !== '' || fields.length) endRecord();
  const header = records.shift();
  if (!header) return { diagnostics: [diag('file/empty', file, undefined)] };
  const columns = header.fields.map((h) => h.trim());
  const diagnostics: Diagnostic[] = [];
  // A repeated column would silently win over the first; name it instead.
  const repeated = columns.find((c, k) => columns.indexOf(c) !== k);
  if (repeated !== undefined) {
    return {
      diagnostics: [
        diag('csv/syntax', file, { line: header.line, column: 1 }, [
          `the column "${repeated}" appears twice in the header row`,
        ]),
      ],
    };
  }
  const rows: CsvRow[] = [];
  for (const r of records) {
    if (r.fields.length !== columns.length) {
      diagnostics.push(
        diag('csv/syntax', file, { line: r.line, column: 1 }, [
          `this row has ${r.fields.length} values but the header has ${columns.length} columns`,
        ]),
      );
      continue;
    }
    // fromEntries defines own properties, so a column called "__proto__" is a value, not a prototype.
    const values: Record<string, string> = Object.fromEntries(columns.map((c, k) => [c, r.fields[k]!]));
    rows.push({ line: r.line, values });
  }
  return { table: { file, columns, rows }, diagnostics };
}
