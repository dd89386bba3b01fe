/**
 * Bad input gets a clear error and no crash (issue 5): every broken or hostile file a careless officer
 * or an attacker could commit, each named in a test, through the real loaders, asserting the exact
 * diagnostic: rule, file, line and column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../scripts/load/csv.js';
import { splitFrontMatter } from '../../scripts/load/front-matter.js';
import { loadProject } from '../../scripts/load/project.js';
import { decodeText, MAX_TEXT_BYTES, readText } from '../../scripts/load/text.js';
import { MAX_YAML_DEPTH, parseYaml } from '../../scripts/load/yaml.js';
import { cleanUp, makeStrategy, read, rows, write } from './strategy-folder.js';

afterEach(cleanUp);

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** 1-based column of `needle` on its line. */
const columnOf = (text: string, needle: string): number =>
  text.split('\n')[lineOf(text, needle) - 1]!.indexOf(needle) + 1;

describe('malformed YAML names the line and column of the syntax error', () => {
  it('an unclosed flow list', () => {
    const { source, diagnostics } = parseYaml('a: 1\nb: [1, 2\nc: 3\n', 'data/x.yaml');
    expect(rows(diagnostics)).toEqual(['data/x.yaml:3:1 yaml/syntax']);
    expect(diagnostics[0]!.message).toBe(
      'The YAML cannot be read: flow sequence in block collection must be sufficiently indented and end with a ].',
    );
    expect(source.value).toBeUndefined();
  });

  it('an unquoted colon in a value', () => {
    expect(rows(parseYaml('title: Safer: streets\n', 'data/x.yaml').diagnostics)).toEqual([
      'data/x.yaml:1:8 yaml/syntax',
    ]);
  });

  it('in a data file, through loadProject', () => {
    const root = makeStrategy();
    const text = read(root, 'data/priorities.yaml');
    const broken = text.replace(/\n(\s+)title: /, '\n$1title: [unclosed ');
    write(root, 'data/priorities.yaml', broken);
    const p = loadProject(root);
    expect(p.diagnostics.length).toBeGreaterThan(0);
    expect(p.diagnostics.every((d) => d.file === 'data/priorities.yaml' && d.ruleId === 'yaml/syntax')).toBe(true);
    expect(p.diagnostics[0]!.line).toBeGreaterThanOrEqual(lineOf(broken, '[unclosed'));
    expect(p.data.priorities).toBeUndefined();
    expect(p.data.partnership).toBeDefined();
  });

  it('in chapter front matter, at the line in the chapter file (the end of the unclosed list)', () => {
    const root = makeStrategy();
    write(root, 'content/01-executive-summary.md', '---\nsection: 1\ntitle: [Executive Summary\n---\n\nText\n');
    expect(rows(loadProject(root).diagnostics)).toEqual(['content/01-executive-summary.md:3:26 yaml/syntax']);
  });

  it('several documents in one data file', () => {
    const { diagnostics } = parseYaml('a: 1\n---\nb: 2\n', 'data/x.yaml');
    expect(rows(diagnostics)).toEqual(['data/x.yaml:2:1 yaml/syntax']);
    expect(diagnostics[0]!.message).toBe(
      'The YAML cannot be read: a line of three dashes (---) starts a second document, and a data file holds only one.',
    );
  });
});

describe('wrong types', () => {
  it('text where a number belongs, and a quoted number', () => {
    const root = makeStrategy();
    const text = read(root, 'data/partnership.yaml')
      .replace(/population: \d+/, 'population: lots')
      .replace(/years: \d+/, 'years: "4"');
    write(root, 'data/partnership.yaml', text);
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual([
      `data/partnership.yaml:${lineOf(text, 'population: lots')}:${columnOf(text, 'lots')} schema/type`,
      `data/partnership.yaml:${lineOf(text, 'years: "4"')}:${columnOf(text, '"4"')} schema/type`,
    ]);
    expect(p.diagnostics[0]!.message).toBe('"area.population" should be a number, but it is the text "lots".');
    expect(p.diagnostics[0]!.hint).toBe('Write a number here.');
    expect(p.data.partnership).toBeUndefined();
  });

  it('a list where a block of fields belongs, in front matter', () => {
    const root = makeStrategy();
    write(root, 'content/01-executive-summary.md', '---\n- section: 1\n---\n');
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['content/01-executive-summary.md:2:1 schema/type']);
    expect(p.chapters).toEqual([]);
  });
});

describe('an empty file', () => {
  it('an empty data file is an error naming it', () => {
    const root = makeStrategy();
    write(root, 'data/risks.yaml', '');
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['data/risks.yaml:1:1 file/empty']);
    expect(p.diagnostics[0]!.message).toBe('This file is empty.');
  });

  it('a data file of blank lines only is empty too', () => {
    const root = makeStrategy();
    write(root, 'data/risks.yaml', '\n  \n\r\n');
    expect(rows(loadProject(root).diagnostics)).toEqual(['data/risks.yaml:1:1 file/empty']);
  });

  it('a data file of comments only says what the file should hold', () => {
    const root = makeStrategy();
    write(root, 'data/risks.yaml', '# to do\n');
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['data/risks.yaml:1:1 schema/required']);
    expect(p.diagnostics[0]!.message).toBe('"risks" is required here but missing.');
    expect(p.diagnostics[0]!.hint).toBe('Add a line `risks: …` at this level.');
  });

  it('an empty CSV', () => {
    expect(rows(parseCsv('', 'data/kpi-actuals.csv').diagnostics)).toEqual(['data/kpi-actuals.csv:1:1 file/empty']);
  });

  it('an empty chapter has no front matter', () => {
    const root = makeStrategy();
    write(root, 'content/01-executive-summary.md', '');
    expect(rows(loadProject(root).diagnostics)).toEqual([
      'content/01-executive-summary.md:1:1 chapter/no-front-matter',
    ]);
  });
});

describe('a byte-order mark or Windows line endings are accepted, with the same result', () => {
  const plain = 'a: 1\nb:\n  - x\n  - y\n';
  it('decodeText drops the BOM and makes CRLF and CR into LF', () => {
    const expected = { ok: true, text: plain };
    expect(decodeText(enc(plain), 'f.yaml')).toEqual(expected);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(plain.replace(/\n/g, '\r\n'))]), 'f.yaml')).toEqual(
      expected,
    );
    expect(decodeText(enc(plain.replace(/\n/g, '\r')), 'f.yaml')).toEqual(expected);
  });

  it('a data file saved with a BOM and CRLF loads to the same data, with the same positions', () => {
    const root = makeStrategy();
    const before = loadProject(root);
    const text = read(root, 'data/kpis.yaml');
    write(root, 'data/kpis.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text.replace(/\n/g, '\r\n'))]));
    write(
      root,
      'data/kpi-actuals.csv',
      new Uint8Array([0xef, 0xbb, 0xbf, ...enc(read(root, 'data/kpi-actuals.csv').replace(/\n/g, '\r\n'))]),
    );
    const after = loadProject(root);
    expect(after.diagnostics).toEqual([]);
    expect(after.data.kpis).toEqual(before.data.kpis);
    expect(after.sources.kpis!.locate(['kpis', 1, 'baseline'])).toEqual(
      before.sources.kpis!.locate(['kpis', 1, 'baseline']),
    );
    expect([...after.actualSources]).toEqual([...before.actualSources]);
  });

  it('a chapter with a BOM and CRLF keeps its front matter and line offset', () => {
    const root = makeStrategy();
    const before = loadProject(root).chapters[0]!;
    write(
      root,
      'content/01-executive-summary.md',
      new Uint8Array([0xef, 0xbb, 0xbf, ...enc(read(root, 'content/01-executive-summary.md').replace(/\n/g, '\r\n'))]),
    );
    const after = loadProject(root);
    expect(after.diagnostics).toEqual([]);
    expect(after.chapters[0]!.front).toEqual(before.front);
    expect(after.chapters[0]!.body).toBe(before.body);
    expect(after.chapters[0]!.bodyLineOffset).toBe(before.bodyLineOffset);
  });

  it('parseCsv called directly on CRLF text leaves no \\r in the values', () => {
    const { table } = parseCsv('kpi,period,value\r\nsv-01,2027-28 Q1,618\r\n', 'a.csv');
    expect(table!.rows).toEqual([{ line: 2, values: { kpi: 'sv-01', period: '2027-28 Q1', value: '618' } }]);
  });
});

describe('invalid UTF-8 is an error naming the file, at the first bad byte', () => {
  it('a Latin-1 é in a data file', () => {
    const root = makeStrategy();
    const text = read(root, 'data/partnership.yaml');
    const at = text.indexOf('Northbridge Partnership');
    const bytes = new Uint8Array([...enc(text.slice(0, at)), 0xe9, ...enc(text.slice(at))]);
    write(root, 'data/partnership.yaml', bytes);
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual([
      `data/partnership.yaml:${lineOf(text, 'Northbridge Partnership')}:${columnOf(text, 'Northbridge Partnership')} file/invalid-utf8`,
    ]);
    expect(p.diagnostics[0]!.hint).toBe('Save it again as "UTF-8" in your editor (in Excel: "CSV UTF-8").');
  });

  it('a CSV saved from Excel as Windows-1252', () => {
    const root = makeStrategy();
    const csv = read(root, 'data/kpi-actuals.csv');
    write(root, 'data/kpi-actuals.csv', new Uint8Array([...enc(csv), ...enc('sv-01,2028-29 Q1,580,Caf'), 0xe9, 0x0a]));
    const p = loadProject(root);
    const line = csv.split('\n').length; // the appended row
    expect(rows(p.diagnostics)).toEqual([
      `data/kpi-actuals.csv:${line}:${'sv-01,2028-29 Q1,580,Caf'.length + 1} file/invalid-utf8`,
    ]);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf], 1, 1],
    ['a lone surrogate', [0x61, 0xed, 0xa0, 0x80], 1, 2],
    ['a truncated sequence at the end', [0x61, 0x0a, 0x62, 0xe2, 0x82], 2, 2],
    ['UTF-16 with its BOM', [0xff, 0xfe, 0x61, 0x00], 1, 1],
  ])('%s', (_name, bytes, line, column) => {
    const r = decodeText(new Uint8Array(bytes), 'data/x.yaml');
    expect(
      r.ok ? 'accepted' : `${r.diagnostic.file}:${r.diagnostic.line}:${r.diagnostic.column} ${r.diagnostic.ruleId}`,
    ).toBe(`data/x.yaml:${line}:${column} file/invalid-utf8`);
  });
});

describe('huge files are refused before they are read', () => {
  it('decodeText over the limit', () => {
    const r = decodeText(new Uint8Array(2 * 1024 * 1024 + 1), 'data/x.yaml', 2 * 1024 * 1024);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.diagnostic).toMatchObject({
        file: 'data/x.yaml',
        line: 1,
        column: 1,
        ruleId: 'file/too-large',
        message: 'This file is 2.0 MB, more than the 2.0 MB limit.',
      });
  });

  it('a data file over 5 MB, through loadProject', () => {
    const root = makeStrategy();
    const huge = `# padding\n${'#'.repeat(MAX_TEXT_BYTES)}\n`;
    write(root, 'data/risks.yaml', huge);
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['data/risks.yaml:1:1 file/too-large']);
    expect(p.diagnostics[0]!.message).toBe('This file is 5.0 MB, more than the 5.0 MB limit.');
    expect(p.data.risks).toBeUndefined();
  });

  it('readText checks the size on disk, not after reading', () => {
    const root = makeStrategy();
    write(root, 'big.md', new Uint8Array(101));
    const r = readText(path.join(root, 'big.md'), 'big.md', 100);
    expect(r.ok ? 'accepted' : r.diagnostic.ruleId).toBe('file/too-large');
  });
});

describe('deeply nested YAML and alias bombs are refused', () => {
  it(`nesting deeper than ${MAX_YAML_DEPTH} block levels`, () => {
    let deep = '';
    for (let i = 0; i < 40; i++) deep += `${'  '.repeat(i)}k:\n`;
    deep += `${'  '.repeat(40)}v: 1\n`;
    const { diagnostics, source } = parseYaml(deep, 'data/x.yaml');
    expect(rows(diagnostics)).toEqual(['data/x.yaml:33:65 yaml/too-deep']);
    expect(diagnostics[0]!.message).toBe(`The YAML is nested more than ${MAX_YAML_DEPTH} levels deep.`);
    expect(source.value).toBeUndefined();
  });

  it('50 nested flow lists', () => {
    expect(rows(parseYaml(`a: ${'['.repeat(50)}${']'.repeat(50)}\n`, 'data/x.yaml').diagnostics)).toEqual([
      'data/x.yaml:1:35 yaml/too-deep',
    ]);
  });

  it('100,000 nested flow lists overflow the parser: refused as too deep, no crash', () => {
    const { diagnostics } = parseYaml(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'data/x.yaml');
    // The column is where the parser's stack ran out, which depends on the machine; the rule and line do not.
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['data/x.yaml:1 yaml/too-deep']);
  });

  it('a billion laughs', () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++)
      lol.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill(`*${names[i - 1]}`)
          .join(',')}]`,
      );
    const { diagnostics, source } = parseYaml(`${lol.join('\n')}\n`, 'data/x.yaml');
    expect(rows(diagnostics)).toEqual(['data/x.yaml:2:8 yaml/alias']);
    expect(diagnostics[0]!.hint).toBe(
      'Write the values out in full: anchors make files hard to review and can be used to blow up memory.',
    );
    expect(source.value).toBeUndefined();
  });

  it('a billion laughs in a data file, through loadProject', () => {
    const root = makeStrategy();
    write(
      root,
      'data/risks.yaml',
      'x: &x [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\nz: [*y, *y, *y, *y, *y, *y, *y, *y, *y, *y]\n',
    );
    expect(rows(loadProject(root).diagnostics)).toEqual(['data/risks.yaml:2:8 yaml/alias']);
  });

  it('a single alias is refused too', () => {
    expect(rows(parseYaml('a: &x [1]\nb: *x\n', 'data/x.yaml').diagnostics)).toEqual(['data/x.yaml:2:4 yaml/alias']);
  });
});

describe('duplicate keys', () => {
  it('at the top level', () => {
    const { diagnostics } = parseYaml('a: 1\nb: 2\na: 3\n', 'data/x.yaml');
    expect(rows(diagnostics)).toEqual(['data/x.yaml:3:1 yaml/duplicate-key']);
    expect(diagnostics[0]!.message).toBe('The key "a" appears twice in the same block.');
  });

  it('in a nested block, one quoted', () => {
    const { diagnostics } = parseYaml('x:\n  id: 1\n  "id": 2\n', 'data/x.yaml');
    expect(rows(diagnostics)).toEqual(['data/x.yaml:3:3 yaml/duplicate-key']);
    expect(diagnostics[0]!.message).toBe('The key "id" appears twice in the same block.');
  });

  it('in a KPI, through loadProject', () => {
    const root = makeStrategy();
    const text = read(root, 'data/kpis.yaml');
    const line = lineOf(text, '    unit: count');
    const lines = text.split('\n');
    lines.splice(line, 0, '    unit: percentage');
    write(root, 'data/kpis.yaml', lines.join('\n'));
    expect(rows(loadProject(root).diagnostics)).toEqual([`data/kpis.yaml:${line + 1}:5 yaml/duplicate-key`]);
  });
});

describe('tabs in YAML', () => {
  it('a tab as indentation', () => {
    const { diagnostics } = parseYaml('a:\n\tb: 1\n', 'data/x.yaml');
    expect(rows(diagnostics)).toEqual(['data/x.yaml:2:1 yaml/tab-indent']);
    expect(diagnostics[0]!.hint).toBe(
      'Indent YAML with spaces only (two per level); most editors can convert tabs to spaces.',
    );
  });

  it('a tab after spaces', () => {
    expect(rows(parseYaml('a:\n  b:\n  \tc: 1\n', 'data/x.yaml').diagnostics)).toEqual([
      'data/x.yaml:3:3 yaml/tab-indent',
    ]);
  });

  it('a tab inside a quoted value or after a colon is fine', () => {
    expect(parseYaml('a: "x\ty"\nb:\t1\n', 'data/x.yaml')).toMatchObject({
      diagnostics: [],
      source: { value: { a: 'x\ty', b: 1 } },
    });
  });
});

describe('a chapter with no front matter', () => {
  it('is an error at 1:1 saying how to start the file', () => {
    const root = makeStrategy();
    write(root, 'content/02-legal-duties.md', '## Legal duties\n\nText.\n');
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['content/02-legal-duties.md:1:1 chapter/no-front-matter']);
    expect(p.diagnostics[0]!.hint).toContain('Start the file with a block between two lines of three dashes');
    expect(p.chapters.map((c) => c.file)).toEqual(['content/01-executive-summary.md']);
  });

  it('front matter that is never closed is read as none, and flagged as unclosed (the whole file would be YAML)', () => {
    expect(splitFrontMatter('---\nsection: 3\n## Hi\n')).toEqual({
      yamlLineOffset: 0,
      body: '---\nsection: 3\n## Hi\n',
      bodyLineOffset: 0,
      unclosed: true,
    });
  });

  it('front matter after a blank line is not front matter', () => {
    expect(splitFrontMatter('\n---\nsection: 3\n---\n').yaml).toBeUndefined();
  });

  it('a thematic break in the body is not mistaken for the end of front matter', () => {
    expect(splitFrontMatter('---\nsection: 3\n---\nA\n\n---\n\nB\n')).toEqual({
      yaml: 'section: 3',
      yamlLineOffset: 1,
      body: 'A\n\n---\n\nB\n',
      bodyLineOffset: 3,
    });
  });
});

describe('CSV mistakes', () => {
  it('an unclosed quote names the line where it opens', () => {
    const { diagnostics, table } = parseCsv(
      'kpi,period,value\nsv-01,"2027-28 Q1,12\nsv-01,2027-28 Q2,3\n',
      'data/a.csv',
    );
    expect(rows(diagnostics)).toEqual(['data/a.csv:2:1 csv/syntax']);
    expect(table).toBeUndefined();
  });

  it('a row with too few values', () => {
    const { diagnostics } = parseCsv('kpi,period,value\nsv-01,2027-28 Q1\n', 'data/a.csv');
    expect(rows(diagnostics)).toEqual(['data/a.csv:2:1 csv/syntax']);
    expect(diagnostics[0]!.message).toBe('The CSV cannot be read: this row has 2 values but the header has 3 columns.');
  });

  it('a column named twice in the header', () => {
    const { diagnostics } = parseCsv('kpi,value,value\nsv-01,1,2\n', 'data/a.csv');
    expect(rows(diagnostics)).toEqual(['data/a.csv:1:1 csv/syntax']);
    expect(diagnostics[0]!.message).toBe('The CSV cannot be read: the column "value" appears twice in the header row.');
  });

  it('a column called __proto__ is a plain value, not an object prototype', () => {
    const { table } = parseCsv('__proto__,kpi\n{"polluted":1},sv-01\n', 'data/a.csv');
    const values = table!.rows[0]!.values;
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual(['__proto__', 'kpi']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a missing column, through loadProject', () => {
    const root = makeStrategy();
    write(root, 'data/kpi-actuals.csv', 'kpi,period,amount\nsv-01,2027-28 Q1,618\n');
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['data/kpi-actuals.csv:1:1 csv/missing-column']);
    expect(p.diagnostics[0]!.message).toBe('The CSV has no "value" column.');
  });
});

describe('containment: nothing outside the strategy folder is read', () => {
  it('an actuals_csv path with ../ is an error at the line that names it', () => {
    const root = makeStrategy();
    const text = read(root, 'data/kpis.yaml').replace('actuals_csv: kpi-actuals.csv', 'actuals_csv: ../../secret.txt');
    write(root, 'data/kpis.yaml', text);
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual([
      `data/kpis.yaml:${lineOf(text, '../../secret.txt')}:${columnOf(text, '../../secret.txt')} file/outside-root`,
    ]);
    expect(p.diagnostics[0]!.message).toBe('"../../secret.txt" points outside the strategy folder.');
    expect(p.files).not.toContain('../secret.txt');
  });

  it('an absolute actuals_csv path is an error', () => {
    const root = makeStrategy();
    const secret = path.join(path.dirname(root), 'secret.txt');
    const text = read(root, 'data/kpis.yaml').replace('actuals_csv: kpi-actuals.csv', `actuals_csv: ${secret}`);
    write(root, 'data/kpis.yaml', text);
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual([
      `data/kpis.yaml:${lineOf(text, secret)}:${columnOf(text, secret)} file/outside-root`,
    ]);
  });

  it('a data file that is a symlink to a file outside is refused, not followed', () => {
    const root = makeStrategy();
    fs.rmSync(path.join(root, 'data/risks.yaml'));
    fs.symlinkSync(path.join(path.dirname(root), 'secret.txt'), path.join(root, 'data/risks.yaml'));
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['data/risks.yaml:1:1 file/symlink-outside-root']);
    expect(p.diagnostics[0]!.hint).toBe('Copy the file into the strategy folder instead of linking to it.');
    expect(p.sources.risks).toBeUndefined();
  });

  it('a symlink to /dev/zero is refused without reading it', () => {
    const root = makeStrategy();
    fs.rmSync(path.join(root, 'data/risks.yaml'));
    fs.symlinkSync('/dev/zero', path.join(root, 'data/risks.yaml'));
    expect(rows(loadProject(root).diagnostics)).toEqual(['data/risks.yaml:1:1 file/symlink-outside-root']);
  });

  it('a content folder that is a symlink to a folder outside is refused file by file', () => {
    const root = makeStrategy();
    const outside = path.join(path.dirname(root), 'elsewhere');
    fs.mkdirSync(outside);
    fs.writeFileSync(
      path.join(outside, '01-executive-summary.md'),
      '---\nsection: 1\ntitle: Executive Summary\n---\nStolen\n',
    );
    fs.rmSync(path.join(root, 'content'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'content'));
    const p = loadProject(root);
    expect(rows(p.diagnostics)).toEqual(['content/01-executive-summary.md:1:1 file/symlink-outside-root']);
    expect(p.chapters).toEqual([]);
  });

  it('a symlink that stays inside the folder is fine', () => {
    const root = makeStrategy();
    fs.renameSync(path.join(root, 'data/kpi-actuals.csv'), path.join(root, 'data/actuals-2027.csv'));
    fs.symlinkSync('actuals-2027.csv', path.join(root, 'data/kpi-actuals.csv'));
    expect(loadProject(root).diagnostics).toEqual([]);
  });

  it('a folder where a data file should be is "missing", not a crash', () => {
    const root = makeStrategy();
    fs.rmSync(path.join(root, 'data/risks.yaml'));
    fs.mkdirSync(path.join(root, 'data/risks.yaml'));
    expect(rows(loadProject(root).diagnostics)).toEqual(['data/risks.yaml:1:1 file/not-found']);
  });
});
