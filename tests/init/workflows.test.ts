/**
 * The GitHub workflows a partnership copies (and `init` writes) are valid workflows: checked against
 * SchemaStore's github-workflow.json (the schema editors and GitHub's docs point to) with Ajv, and with
 * action-validator, the npm package that ships that schema. No network: the schema is read from the
 * installed package.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { CACHE_DIR } from '../../scripts/figures/index.js';
import { VALIDATOR_DIR } from '../../scripts/figures/vega-lite/schema-validator.js';
import { WORKFLOWS } from '../../scripts/init/scaffold.js';
import { REPO } from '../support/example-copy.js';

const require = createRequire(import.meta.url);

/**
 * action-validator compiles SchemaStore's github-workflow.json into its WebAssembly module as text;
 * read it from there (a JSON object scanned to its closing brace).
 */
function schemaStoreWorkflowSchema(): Record<string, unknown> {
  const wasm = fs
    .readFileSync(path.join(path.dirname(require.resolve('@action-validator/core')), 'action_validator_bg.wasm'))
    .toString('utf8');
  const id = wasm.indexOf('"$id": "https://json.schemastore.org/github-workflow.json"');
  expect(id).toBeGreaterThan(0);
  const start = wasm.lastIndexOf('\n{\n', id) + 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < wasm.length; i++) {
    const c = wasm[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(wasm.slice(start, i + 1)) as Record<string, unknown>;
  }
  throw new Error('github-workflow.json not found in @action-validator/core');
}

const schema = schemaStoreWorkflowSchema();
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);
const { validateWorkflow } = require('@action-validator/core') as {
  validateWorkflow: (src: string) => { errors: unknown[] };
};

describe('GitHub workflows', () => {
  it('uses the real SchemaStore schema, which rejects a broken workflow', () => {
    expect(schema['$id']).toBe('https://json.schemastore.org/github-workflow.json');
    expect(
      validate({ on: 'push', jobs: { a: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'x', uses: 'y' }] } } }),
    ).toBe(false);
    expect(validate({ on: 'push', jobs: { a: { steps: [{ run: 'x' }] } } })).toBe(false);
  });

  for (const [name, text] of WORKFLOWS) {
    it(`${name} is a valid workflow`, () => {
      const workflow = YAML.parse(text);
      expect(validate(workflow), JSON.stringify(validate.errors, null, 2)).toBe(true);
      expect(validateWorkflow(text).errors).toEqual([]);
    });

    it(`${name} is the same file this repository runs`, () => {
      expect(fs.readFileSync(path.join(REPO, '.github/workflows', name), 'utf8')).toBe(text);
    });
  }

  it('the pull request workflow checks for GitHub, summarises, builds, uploads the preview and comments once', () => {
    const pr = YAML.parse(WORKFLOWS.get('strategy-pull-request.yml')!);
    const steps = pr.jobs['check-and-preview'].steps as {
      run?: string;
      uses?: string;
      with?: Record<string, unknown>;
    }[];
    const runs = steps.map((s) => s.run ?? s.uses ?? '');
    expect(steps[0]!.with?.['fetch-depth']).toBe(0);
    expect(runs.some((r) => r.includes('npm run --silent check -- --format github'))).toBe(true);
    expect(runs.some((r) => r.includes('npm run --silent diff') && r.includes('$GITHUB_STEP_SUMMARY'))).toBe(true);
    expect(runs.some((r) => r.includes('npm run --silent build'))).toBe(true);
    expect(runs).toContain('actions/upload-artifact@v4');
    expect(JSON.stringify(steps.at(-1))).toContain('updateComment');
    const main = YAML.parse(WORKFLOWS.get('strategy-publish.yml')!);
    expect(main.on.push.branches).toEqual(['main']);
    expect(main.jobs.deploy.steps[0].uses).toBe('actions/deploy-pages@v4');
  });

  it("both keep the tool's own cache folder between runs, restored after npm ci and before the build", () => {
    for (const [name, job] of [
      ['strategy-pull-request.yml', 'check-and-preview'],
      ['strategy-publish.yml', 'build'],
    ] as const) {
      const steps = YAML.parse(WORKFLOWS.get(name)!).jobs[job].steps as {
        run?: string;
        uses?: string;
        with?: Record<string, string>;
      }[];
      const at = (test: (s: (typeof steps)[number]) => boolean) => steps.findIndex(test);
      const cache = at((s) => s.uses === 'actions/cache@v4');
      expect(cache, name).toBeGreaterThan(at((s) => s.run?.startsWith('npm ci') === true));
      expect(cache, name).toBeLessThan(at((s) => s.run?.includes('npm run --silent build') === true));
      // The folder the tool writes (charts, parsed files, page numbers, the chart validator).
      expect(path.resolve(REPO, steps[cache]!.with!['path']!)).toBe(path.dirname(CACHE_DIR));
      expect(path.resolve(REPO, steps[cache]!.with!['path']!)).toBe(VALIDATOR_DIR);
      expect(steps[cache]!.with!['key']).toContain('github.sha');
    }
  });
});
