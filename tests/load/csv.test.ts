/**
 * parseCsv splits a line without quotes at once and reads a line with quotes character by character;
 * both give the same fields and line numbers, also when a quoted value runs over several lines.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../scripts/load/csv.js';

describe('parseCsv', () => {
  it('mixes plain and quoted lines, keeping each row’s first line', () => {
    const text = 'a,b,c\n1,2,3\n"x, y","say ""hi""",z\n4,"two\nlines",6\n\n7,8,9\n';
    const { table, diagnostics } = parseCsv(text, 'data/t.csv');
    expect(diagnostics).toEqual([]);
    expect(table?.rows).toEqual([
      { line: 2, values: { a: '1', b: '2', c: '3' } },
      { line: 3, values: { a: 'x, y', b: 'say "hi"', c: 'z' } },
      { line: 4, values: { a: '4', b: 'two\nlines', c: '6' } },
      { line: 7, values: { a: '7', b: '8', c: '9' } },
    ]);
  });

  it('a short plain row is an error at its own line; a last line without a newline is read', () => {
    const { table, diagnostics } = parseCsv('a;b\n1;2\n3\n"q";4', 'data/t.csv', ';');
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[3, 1]]);
    expect(table?.rows.map((r) => [r.line, r.values])).toEqual([
      [2, { a: '1', b: '2' }],
      [4, { a: 'q', b: '4' }],
    ]);
  });
});
