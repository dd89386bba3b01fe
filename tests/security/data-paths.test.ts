/**
 * Issue 10, finding 2: chart data could publish any file in the strategy folder (`../.env`,
 * `../.git/config`), because the strategy folder is usually the repository itself. Chart data and KPI
 * actuals now come only from data/, never through `..` or a symlink that leads out of it; dot-files and
 * dot-folders are refused everywhere (chart urls, actuals_csv, images, templates). Each refusal is an
 * error at the line that names the file, saying what to write instead, and the secret is never read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, check } from '../../scripts/build.js';
import { cleanCopies, copyExample, edit, lineOf } from '../support/example-copy.js';

afterAll(cleanCopies);

const SECRET = 'GITHUB_TOKEN=ghp_secret_value_that_must_not_leak';
const CHART = 'data/charts/asb-by-lsoa.yaml';
const URL = 'url: police-uk/northbridge-street-2027-04-to-2028-03.csv';

function plantSecrets(root: string): void {
  fs.writeFileSync(path.join(root, '.env'), `name,value\n${SECRET},1\n`);
  fs.mkdirSync(path.join(root, '.git'), { recursive: true });
  fs.writeFileSync(path.join(root, '.git/config'), `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
  fs.writeFileSync(path.join(root, 'data/.hidden.csv'), `name,value\n${SECRET},1\n`);
  fs.writeFileSync(path.join(root, 'content-notes.csv'), `name,value\n${SECRET},1\n`);
}

describe('chart data comes only from data/', () => {
  for (const url of [
    '../.env',
    '../.git/config',
    '.hidden.csv',
    'police-uk/../../content-notes.csv',
    '../content-notes.csv',
  ]) {
    it(`refuses url: ${url} at its line, with what to write instead`, async () => {
      const root = copyExample();
      plantSecrets(root);
      edit(root, CHART, URL, `url: ${url}\n    format: { type: csv }`);
      const ds = (await check({ root })).diagnostics.filter((d) => d.severity === 'error');
      expect(ds.map((d) => [d.ruleId, d.file, d.line])).toEqual([
        [
          url.startsWith('.hidden') || url.includes('.env') || url.includes('.git')
            ? 'file/dot-name'
            : 'file/outside-data',
          CHART,
          lineOf(root, CHART, `url: ${url}`),
        ],
      ]);
      expect(ds[0]!.hint).toMatch(/data\//);
      expect(JSON.stringify(ds)).not.toContain('ghp_secret');
    });
  }

  it('refuses a symlink in data/ that leads to a dot-file or out of data/', async () => {
    const root = copyExample();
    plantSecrets(root);
    fs.symlinkSync('../.env', path.join(root, 'data/innocent.csv'));
    fs.symlinkSync('../content-notes.csv', path.join(root, 'data/notes.csv'));
    edit(root, CHART, URL, 'url: innocent.csv');
    edit(root, 'data/charts/crimes-by-type-by-month.yaml', URL, 'url: notes.csv');
    const ds = (await check({ root })).diagnostics.filter((d) => d.severity === 'error');
    expect(ds.map((d) => [d.ruleId, d.file])).toEqual([
      ['file/dot-name', CHART],
      ['file/outside-data', 'data/charts/crimes-by-type-by-month.yaml'],
    ]);
  });

  it('a build with such a chart publishes nothing, so the secret is nowhere in the output', async () => {
    const root = copyExample();
    plantSecrets(root);
    edit(root, CHART, URL, 'url: ../.env\n    format: { type: csv }');
    const out = path.join(root, '..', 'site');
    const result = await build({ root, out, pdf: false });
    expect(result.ok).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('dot-files are refused everywhere', () => {
  it('actuals_csv: a dot-file or a path out of data/ is refused at its line', async () => {
    const root = copyExample();
    plantSecrets(root);
    const file = 'data/kpis.yaml';
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes('actuals_csv: kpi-actuals.csv'));
    lines[first] = lines[first]!.replace('kpi-actuals.csv', '../.env');
    fs.writeFileSync(path.join(root, file), lines.join('\n'));
    const ds = (await check({ root })).diagnostics.filter((d) => d.severity === 'error' && d.file === file);
    expect(ds.map((d) => [d.ruleId, d.line])).toEqual([['file/dot-name', first + 1]]);
  });

  it('images: a picture in a dot-folder is refused at its line', async () => {
    const root = copyExample();
    fs.mkdirSync(path.join(root, 'content/.private'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'content/.private/map.png'),
      Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    );
    const chapter = path.join(root, 'content/03-partnership-context.md');
    const before = fs.readFileSync(chapter, 'utf8').replace(/\n*$/, '\n');
    fs.writeFileSync(chapter, `${before}\n![Ward map](.private/map.png)\n`);
    const line = before.split('\n').length + 1;
    const ds = (await check({ root })).diagnostics.filter((d) => d.severity === 'error');
    expect(ds.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['file/dot-name', 'content/03-partnership-context.md', line],
    ]);
  });

  it('templates: a template that links to a dot-file is refused, and the file is not published', async () => {
    const root = copyExample();
    plantSecrets(root);
    fs.mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
    fs.symlinkSync('../../.env', path.join(root, 'templates/partials/footer.hbs'));
    const out = path.join(root, '..', 'site');
    await expect(build({ root, out, pdf: false })).rejects.toThrow(
      /templates\/partials\/footer\.hbs points outside the templates\/ folder, or to a hidden file/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});
