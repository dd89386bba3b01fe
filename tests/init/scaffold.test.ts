import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../scripts/diagnostics/diagnostic.js';
import { loadProject } from '../../scripts/load/project.js';
import { SECTIONS } from '../../scripts/model/sections.js';
import { generateSchemas, schemaFileFor } from '../../scripts/schema/generate.js';
import { DATA_INPUTS } from '../../scripts/schema/index.js';
import { initStrategy } from '../../scripts/init/scaffold.js';
import { validateProject } from '../../scripts/validate/index.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-init-'));

describe('strategy init', () => {
  const dir = path.join(tmp(), 'my-strategy');
  const { written } = initStrategy(dir);

  it('writes the ten chapters, a data file of every kind and the schemas', () => {
    expect(written).toEqual([
      ...SECTIONS.map((s) => s.file),
      ...Object.values(DATA_INPUTS).map((i) => `data/${i.file}`),
      ...[...generateSchemas().keys()].map((n) => `schemas/${n}`),
      '.gitignore',
    ]);
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['dist/', '.cache/']));
    for (const rel of written) expect(fs.existsSync(path.join(dir, rel)), rel).toBe(true);
  });

  it('passes strategy check with warnings only', () => {
    const project = loadProject(dir);
    const all = [...project.diagnostics, ...validateProject(project)];
    expect(all.filter((d) => d.severity === 'error')).toEqual([]);
    expect(all.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['data/kpis.yaml:5 kpi/no-actuals', 'data/kpis.yaml:18 kpi/no-actuals']);
    expect(project.chapters.map((c) => [c.front.section, c.front.title])).toEqual(SECTIONS.map((s) => [s.number, s.title]));
  });

  it('declares each data file’s schema, and the schema is there', () => {
    for (const input of Object.values(DATA_INPUTS)) {
      const first = fs.readFileSync(path.join(dir, 'data', input.file), 'utf8').split('\n')[0]!;
      const ref = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(ref, input.file).toBe(`../schemas/${schemaFileFor(input.file)}`);
      expect(fs.existsSync(path.resolve(dir, 'data', ref!)), ref).toBe(true);
    }
  });

  it('gives each chapter 80 to 200 words of guidance, and data blocks that name real ids', () => {
    const project = loadProject(dir);
    const ids = new Set([...(project.data.priorities?.priorities ?? []).map((p) => p.id), ...(project.data.consultation?.surveys ?? []).map((s) => s.id)]);
    for (const s of SECTIONS) {
      const text = fs.readFileSync(path.join(dir, s.file), 'utf8');
      const words = text.split('\n').filter((l) => l.startsWith('>')).join(' ').replace(/^>|\s>/g, ' ').trim().split(/\s+/).length;
      expect(words, s.file).toBeGreaterThanOrEqual(80);
      expect(words, s.file).toBeLessThanOrEqual(200);
      expect(text, s.file).not.toMatch(/^# /m);
      for (const m of text.matchAll(/^::[a-z-]+\{(?:priority|survey)=([a-z0-9-]+)/gm)) expect(ids.has(m[1]!), `${s.file}: ${m[0]}`).toBe(true);
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
