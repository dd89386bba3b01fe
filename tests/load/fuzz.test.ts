/**
 * Property-based tests over the loaders (fast-check, fixed seed, bounded runs, so CI is repeatable):
 * random and adversarial input never throws, and what comes back keeps its promises (positions are
 * real, a BOM or CRLF changes nothing, a row has every column).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { parseCsv } from '../../scripts/load/csv.js';
import { splitFrontMatter } from '../../scripts/load/front-matter.js';
import { parseMarkdownText } from '../../scripts/load/markdown.js';
import { loadProject } from '../../scripts/load/project.js';
import { decodeText } from '../../scripts/load/text.js';
import { parseYaml } from '../../scripts/load/yaml.js';
import { cleanUp, makeStrategy } from './strategy-folder.js';

const RUNS = { seed: 20270401, numRuns: 300 } as const;

const wellFormed = (d: Diagnostic, file: string): boolean =>
  d.file === file &&
  Number.isInteger(d.line) &&
  d.line >= 1 &&
  Number.isInteger(d.column) &&
  d.column >= 1 &&
  d.message.length > 0 &&
  d.hint.length > 0;

/** Pieces of YAML that trip parsers: indentation, tabs, anchors, tags, flow brackets, quotes, documents. */
const YAML_PIECES = [
  'a:',
  'b: 1',
  'id: x',
  '- ',
  '  ',
  '    ',
  '\t',
  '\n',
  ': ',
  '&x ',
  '*x',
  '<<: ',
  '!!str ',
  '!!binary ',
  '!tag ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '\\',
  '#',
  '|',
  '>-',
  '---',
  '...',
  '? ',
  '%YAML 1.1',
  '__proto__: ',
  'constructor: ',
  '1e999',
  '0x1F',
  '~',
  'null',
  'yes',
  '2027-28',
  '\u0000',
  '\uFEFF',
  '\r',
];
const yamlish = fc
  .array(fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 })
  .map((a) => a.join(''));

describe('parseYaml', () => {
  it('never throws, and its errors and values agree', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 200 })), fc.nat(5), (text, offset) => {
        const { source, diagnostics } = parseYaml(text, 'data/x.yaml', offset);
        for (const d of diagnostics) expect(wellFormed(d, 'data/x.yaml'), JSON.stringify(d)).toBe(true);
        for (const d of diagnostics) expect(d.line).toBeGreaterThan(offset);
        if (diagnostics.length) expect(source.value).toBeUndefined();
        // Locating any path, existing or not, gives a real position.
        for (const p of [[], ['a'], [0], ['a', 0, 'b'], ['__proto__']]) {
          const at = source.locate(p);
          expect(at.line).toBeGreaterThanOrEqual(1 + offset);
          expect(at.column).toBeGreaterThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('never lets a key change Object.prototype', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        parseYaml(`__proto__:\n  polluted: 1\nconstructor:\n  prototype:\n    polluted: 1\n${text}`, 'data/x.yaml');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});

describe('decodeText', () => {
  it('never throws; text has no \\r; a refused file names itself at a real position', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeText(bytes, 'data/x.yaml');
        if (r.ok) expect(r.text.includes('\r')).toBe(false);
        else {
          expect(r.diagnostic.ruleId).toBe('file/invalid-utf8');
          expect(wellFormed(r.diagnostic, 'data/x.yaml')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a byte-order mark in front changes nothing, not even the error position', () => {
    const notBom = fc.uint8Array({ maxLength: 200 }).filter((b) => !(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf));
    fc.assert(
      fc.property(notBom, (bytes) => {
        expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), 'f')).toEqual(decodeText(bytes, 'f'));
      }),
      RUNS,
    );
  });

  it('CRLF and CR line endings decode like LF, errors included', () => {
    const lines = fc.array(
      fc.uint8Array({ maxLength: 20 }).map((b) => b.filter((x) => x !== 0x0a && x !== 0x0d)),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(lines, fc.constantFrom('\r\n', '\r'), (ls, eol) => {
        const join = (sep: number[]) => new Uint8Array(ls.flatMap((l, i) => (i ? [...sep, ...l] : [...l])));
        expect(decodeText(join([...Buffer.from(eol)]), 'f')).toEqual(decodeText(join([0x0a]), 'f'));
      }),
      RUNS,
    );
  });
});

describe('parseCsv', () => {
  const csvPieces = fc.oneof(
    fc.constantFrom(
      ',',
      '"',
      '""',
      '\n',
      '\r\n',
      'kpi',
      'period',
      'value',
      'sv-01',
      '2027-28 Q1',
      '12',
      '=1+1',
      '__proto__',
      ' ',
    ),
    fc.string({ maxLength: 5 }),
  );
  const csvish = fc.array(csvPieces, { maxLength: 40 }).map((a) => a.join(''));

  it('never throws; every row has every column, in line order', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const { table, diagnostics } = parseCsv(text, 'data/a.csv');
        for (const d of diagnostics) expect(wellFormed(d, 'data/a.csv')).toBe(true);
        if (!table) return;
        let last = 1;
        for (const row of table.rows) {
          expect(Object.keys(row.values)).toEqual(table.columns);
          expect(row.line).toBeGreaterThan(last);
          last = row.line;
        }
      }),
      RUNS,
    );
  });

  it('CRLF gives the same table as LF', () => {
    fc.assert(
      fc.property(
        csvish.map((t) => t.replace(/\r/g, '')),
        (text) => {
          expect(parseCsv(text.replace(/\n/g, '\r\n'), 'a.csv')).toEqual(parseCsv(text, 'a.csv'));
        },
      ),
      RUNS,
    );
  });
});

describe('splitFrontMatter', () => {
  const mdPieces = fc.oneof(
    fc.constantFrom('---', '---\n', '\n', 'section: 1', 'title: X', '## H', '...', ' ', '\t', '----', '- a'),
    fc.string({ maxLength: 6 }),
  );
  const chapterish = fc.array(mdPieces, { maxLength: 20 }).map((a) => a.join(''));

  it('never throws, and the body starts at line bodyLineOffset + 1 of the file', () => {
    fc.assert(
      fc.property(fc.oneof(chapterish, fc.string({ unit: 'binary', maxLength: 100 })), (text) => {
        const s = splitFrontMatter(text);
        if (s.yaml === undefined) {
          const { unclosed, ...rest } = s;
          expect(rest).toEqual({ yamlLineOffset: 0, body: text, bodyLineOffset: 0 });
          expect(unclosed === true).toBe(/^---[ \t]*\n/.test(text));
          return;
        }
        expect(text.startsWith('---')).toBe(true);
        expect(text.endsWith(s.body)).toBe(true);
        expect(text.split('\n').slice(s.bodyLineOffset).join('\n')).toBe(s.body);
        // The YAML sits right after the opening fence, so its line 1 is the file's line 2.
        expect(text.split('\n').slice(s.yamlLineOffset).join('\n').startsWith(s.yaml)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('loadProject', () => {
  afterAll(cleanUp);

  it('never throws on a random chapter, and every diagnostic names it with a position', () => {
    const root = makeStrategy();
    const chapter = path.join(root, 'content', '01-executive-summary.md');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
      fc.tuple(yamlish, fc.string({ maxLength: 40 })).map(([y, b]) => new TextEncoder().encode(`---\n${y}\n---\n${b}`)),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        fs.writeFileSync(chapter, b);
        const p = loadProject(root);
        for (const d of p.diagnostics)
          expect(wellFormed(d, 'content/01-executive-summary.md'), JSON.stringify(d)).toBe(true);
        expect(p.diagnostics.length === 0).toBe(p.chapters.length === 1);
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it('parses every chapter it accepts with the parse step alone, to a tree a worker can post back', () => {
    const root = makeStrategy();
    const chapter = path.join(root, 'content', '01-executive-summary.md');
    const mdPieces = fc.oneof(
      fc.constantFrom(
        '> ',
        '- ',
        '1. ',
        '*',
        '_',
        '[',
        '](',
        ')',
        '`',
        '<div>',
        '</div>',
        '::kpi-table{priority=x}',
        ':::',
        '| a |\n|---|\n',
        '[^1]',
        '```chart\n',
        '\n',
        '    ',
      ),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const body = fc.array(mdPieces, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, (b) => {
        fs.writeFileSync(chapter, `---\nsection: 1\ntitle: Executive summary\n---\n${b}`);
        const p = loadProject(root);
        for (const c of p.chapters) {
          const tree = parseMarkdownText(c.body);
          expect(tree.type).toBe('root');
          // Plain data only: what a worker thread posts back is the same tree.
          expect(structuredClone(tree)).toEqual(tree);
          expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
  });
});
