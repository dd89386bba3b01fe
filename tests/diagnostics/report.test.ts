import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { escapeData, escapeProperty, formatDiagnostics, summarise } from '../../scripts/diagnostics/report.js';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'data/kpis.yaml',
  line: 12,
  column: 5,
  severity: 'error',
  ruleId: 'kpi/missing-target',
  message: 'The KPI "sv-01" has no target for 2030-31.',
  hint: 'Add a line `2030-31: …` under `targets:`.',
  ...over,
});

const sample: Diagnostic[] = [
  d({
    file: 'data/risks.yaml',
    line: 3,
    column: 17,
    severity: 'warning',
    ruleId: 'risk/residual-worse',
    message: 'Worse, 50% more: see.',
    hint: 'Check the two ratings.',
  }),
  d({}),
  d({
    line: 4,
    column: 9,
    ruleId: 'id/unknown',
    message: 'There is no KPI with the id "sv-1".',
    hint: 'Did you mean "sv-01"?',
  }),
];

describe('human format', () => {
  it('prints vfile-reporter rows with hints, grouped by file, sorted, and a summary', () => {
    expect(formatDiagnostics(sample, 'human', { color: false })).toBe(
      [
        'data/kpis.yaml:4:9   error  There is no KPI with the id "sv-1".  id/unknown',
        '                            Did you mean "sv-01"?',
        'data/kpis.yaml:12:5  error  The KPI "sv-01" has no target for 2030-31.  kpi/missing-target',
        '                            Add a line `2030-31: …` under `targets:`.',
        '',
        'data/risks.yaml:3:17  warning  Worse, 50% more: see.  risk/residual-worse',
        '                               Check the two ratings.',
        '',
        '2 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(formatDiagnostics([], 'human', { color: false })).toBe('No problems found.\n');
  });

  it('indents every line of a multi-line hint', () => {
    const out = formatDiagnostics([d({ hint: 'Start with:\n---\ntitle: X' })], 'human', { color: false });
    expect(out.split('\n').slice(1, 4)).toEqual([
      '                            Start with:',
      '                            ---',
      '                            title: X',
    ]);
  });

  it('uses colour only when asked', () => {
    expect(formatDiagnostics(sample, 'human', { color: false })).not.toMatch(/\u001b\[/);
    const coloured = formatDiagnostics(sample, 'human', { color: true });
    expect(coloured).toContain('\u001b[31merror\u001b[0m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[0m');
  });

  it('prefixes the root to every file', () => {
    expect(formatDiagnostics([d({})], 'human', { color: false, root: 'examples/northbridge' })).toMatch(
      /^examples\/northbridge\/data\/kpis\.yaml:12:5 {2}error/,
    );
  });
});

describe('summary', () => {
  it('counts errors and warnings in words', () => {
    expect(summarise([d({}), d({}), d({}), d({ severity: 'warning' }), d({ severity: 'warning' })])).toBe(
      '3 errors, 2 warnings',
    );
    expect(summarise([d({ severity: 'warning' })])).toBe('1 warning');
    expect(summarise([d({})])).toBe('1 error');
  });
});

describe('github format', () => {
  it('writes one workflow command per diagnostic, with the hint after the message', () => {
    expect(formatDiagnostics(sample, 'github', { color: true })).toBe(
      [
        '::error file=data/kpis.yaml,line=4,col=9,title=id/unknown::There is no KPI with the id "sv-1". Did you mean "sv-01"?',
        '::error file=data/kpis.yaml,line=12,col=5,title=kpi/missing-target::The KPI "sv-01" has no target for 2030-31. Add a line `2030-31: …` under `targets:`.',
        '::warning file=data/risks.yaml,line=3,col=17,title=risk/residual-worse::Worse, 50%25 more: see. Check the two ratings.',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const out = formatDiagnostics([d({ file: 'data/a,b:c.yaml', hint: 'line one\nline two' })], 'github', {
      color: false,
    });
    expect(out).toBe(
      '::error file=data/a%2Cb%3Ac.yaml,line=12,col=5,title=kpi/missing-target::The KPI "sv-01" has no target for 2030-31. line one%0Aline two\n',
    );
  });

  it('passes end positions when known', () => {
    expect(formatDiagnostics([d({ endLine: 13, endColumn: 2 })], 'github', { color: false })).toContain(
      'line=12,col=5,endLine=13,endColumn=2,title=',
    );
  });
});

describe('json format', () => {
  it('is a sorted array with keys in a fixed order', () => {
    const out = formatDiagnostics(sample, 'json', { color: true });
    const parsed = JSON.parse(out) as Record<string, unknown>[];
    expect(parsed.map((x) => `${x['file']}:${x['line']}`)).toEqual([
      'data/kpis.yaml:4',
      'data/kpis.yaml:12',
      'data/risks.yaml:3',
    ]);
    expect(Object.keys(parsed[0]!)).toEqual(['file', 'line', 'column', 'severity', 'ruleId', 'message', 'hint']);
    expect(out).toBe(formatDiagnostics([...sample].reverse(), 'json', { color: false }));
    expect(formatDiagnostics([], 'json', { color: false })).toBe('[]\n');
  });
});
