/** Rules skip inputs that failed to load: they never crash, and never blame a file that is fine. */
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../scripts/load/project.js';
import { DATA_INPUTS, type DataKey } from '../../scripts/schema/index.js';
import { validateProject } from '../../scripts/validate/index.js';
import { BASE, makeStrategy } from './helpers.js';

describe('validateProject with inputs missing', () => {
  const base = loadProject(makeStrategy(BASE));

  it('runs on a project where nothing loaded', () => {
    expect(validateProject({ ...base, data: {}, sources: {}, actualSources: new Map() })).toEqual([]);
  });

  for (const key of Object.keys(DATA_INPUTS) as DataKey[]) {
    it(`runs without ${DATA_INPUTS[key].file}, reporting nothing about the other files`, () => {
      const data = { ...base.data };
      delete data[key];
      const sources = { ...base.sources };
      delete sources[key];
      expect(validateProject({ ...base, data, sources })).toEqual([]);
    });
  }

  for (const key of Object.keys(DATA_INPUTS) as DataKey[]) {
    it(`runs with only ${DATA_INPUTS[key].file}`, () => {
      const diags = validateProject({
        ...base,
        data: { [key]: base.data[key] },
        sources: { [key]: base.sources[key] },
      });
      expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
});
