import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../scripts/diagnostics/diagnostic.js';
import { loadProject } from '../../scripts/load/project.js';
import { SECTIONS } from '../../scripts/model/sections.js';
import { schemaFileFor } from '../../scripts/schema/generate.js';
import { DATA_INPUTS } from '../../scripts/schema/index.js';
import { initStrategy, toolPackage, WORKFLOWS } from '../../scripts/init/scaffold.js';
import { REPO } from '../support/example-copy.js';
import { validateProject } from '../../scripts/validate/index.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-init-'));

describe('strategy init', () => {
  const dir = path.join(tmp(), 'my-strategy');
  const { written } = initStrategy(dir);

  it('writes the chapters, a data file of every kind, and what a repository of its own needs', () => {
    expect(written).toEqual([
      ...SECTIONS.map((s) => s.file),
      ...Object.values(DATA_INPUTS).map((i) => `data/${i.file}`),
      'data/police-uk/README.md',
      'package.json',
      'README.md',
      '.gitignore',
      ...[...WORKFLOWS.keys()].map((n) => `.github/workflows/${n}`),
      '.vscode/settings.json',
      '.vscode/extensions.json',
    ]);
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['dist/', '.cache/', 'node_modules/', '~$*']),
    );
    for (const rel of written) expect(fs.existsSync(path.join(dir, rel)), rel).toBe(true);
  });

  it('writes a package.json with the tool as a development dependency and the commands', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const tool = toolPackage();
    expect(pkg.name).toBe('my-strategy');
    expect(pkg.devDependencies).toEqual({ [tool.name]: `^${tool.version}` });
    expect(pkg.scripts).toEqual({
      check: 'strategy check',
      build: 'strategy build',
      dev: 'strategy dev',
      diff: 'strategy diff',
    });
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npm run check');
    expect(readme).toContain('strategy-pull-request.yml');
    expect(fs.readFileSync(path.join(dir, 'data/police-uk/README.md'), 'utf8')).toContain('police.uk');
  });

  it('maps every data file and chart files to their schemas for VS Code', () => {
    const settings = JSON.parse(fs.readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8'));
    const mapping = settings['yaml.schemas'] as Record<string, string[]>;
    for (const input of Object.values(DATA_INPUTS))
      expect(mapping[`./node_modules/${toolPackage().name}/schemas/${schemaFileFor(input.file)}`]).toEqual([
        `data/${input.file}`,
      ]);
    expect(mapping[`./node_modules/${toolPackage().name}/lib/schemas/chart.schema.json`]).toEqual([
      'data/charts/*.yaml',
      'data/charts/*.yml',
    ]);
    // Every schema named is one the package ships.
    for (const ref of Object.keys(mapping))
      expect(fs.existsSync(path.join(REPO, ref.replace(`./node_modules/${toolPackage().name}/`, ''))), ref).toBe(true);
  });

  it('passes strategy check with warnings only', () => {
    const project = loadProject(dir);
    const all = [...project.diagnostics, ...validateProject(project)];
    expect(all.filter((d) => d.severity === 'error')).toEqual([]);
    // A new strategy is a draft: each chapter's guidance note is a warning (an error once the status
    // leaves draft), and its two example KPIs have no results yet.
    expect(all.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      'content/01-executive-summary.md:6 chapter/guidance-left',
      'content/02-legal-duties.md:6 chapter/guidance-left',
      'content/03-partnership-context.md:6 chapter/guidance-left',
      'content/04-needs-assessment.md:6 chapter/guidance-left',
      'content/05-strategic-priorities.md:6 chapter/guidance-left',
      'content/06-delivery-plans.md:6 chapter/guidance-left',
      'content/07-performance-and-governance.md:6 chapter/guidance-left',
      'content/08-resourcing-and-commissioning.md:6 chapter/guidance-left',
      'content/09-equality-impact-assessment.md:6 chapter/guidance-left',
      'content/10-risk-register.md:6 chapter/guidance-left',
      'data/kpis.yaml:5 kpi/no-actuals',
      'data/kpis.yaml:18 kpi/no-actuals',
    ]);
    expect(project.chapters.map((c) => [c.front.section, c.front.title])).toEqual(
      SECTIONS.map((s) => [s.number, s.title]),
    );
  });

  it('declares each data file’s schema inside the installed tool, which ships it', () => {
    for (const input of Object.values(DATA_INPUTS)) {
      const first = fs.readFileSync(path.join(dir, 'data', input.file), 'utf8').split('\n')[0]!;
      const ref = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(ref, input.file).toBe(`../node_modules/${toolPackage().name}/schemas/${schemaFileFor(input.file)}`);
      expect(fs.existsSync(path.join(REPO, 'schemas', schemaFileFor(input.file))), ref).toBe(true);
    }
  });

  it('gives each chapter 80 to 200 words of guidance, and data blocks that name real ids', () => {
    const project = loadProject(dir);
    const ids = new Set([
      ...(project.data.priorities?.priorities ?? []).map((p) => p.id),
      ...(project.data.consultation?.surveys ?? []).map((s) => s.id),
    ]);
    for (const s of SECTIONS) {
      const text = fs.readFileSync(path.join(dir, s.file), 'utf8');
      const words = text
        .split('\n')
        .filter((l) => l.startsWith('>'))
        .join(' ')
        .replace(/^>|\s>/g, ' ')
        .trim()
        .split(/\s+/).length;
      expect(words, s.file).toBeGreaterThanOrEqual(80);
      expect(words, s.file).toBeLessThanOrEqual(200);
      expect(text, s.file).not.toMatch(/^# /m);
      for (const m of text.matchAll(/^::[a-z-]+\{(?:priority|survey)=([a-z0-9-]+)/gm))
        expect(ids.has(m[1]!), `${s.file}: ${m[0]}`).toBe(true);
    }
  });

  it('refuses a folder that is not empty, and changes nothing', () => {
    const busy = tmp();
    fs.writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    expect(() => initStrategy(busy)).toThrow(EnvironmentError);
    expect(() => initStrategy(busy)).toThrow(/is not empty/);
    expect(fs.readdirSync(busy)).toEqual(['notes.txt']);
  });

  it('accepts an existing empty folder', () => {
    const empty = tmp();
    expect(initStrategy(empty).written.length).toBe(written.length);
  });
});
