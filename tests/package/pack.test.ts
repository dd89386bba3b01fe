/**
 * The tool as a partnership gets it: `npm pack` (which compiles lib/ through `prepare`), installed
 * into a separate repository made by `strategy init`, then run there through npm's scripts. No
 * network: the tarball is unpacked where npm would put it (node_modules/<name>, with its bin linked)
 * and its runtime dependencies (the lockfile's non-development packages) are linked from this
 * checkout's node_modules, so TypeScript, tsx and the test tools are absent as they would be.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { REPO } from '../support/example-copy.js';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  private?: boolean;
  dependencies: Record<string, string>;
};
let work: string;
let strategy: string;
let tarballFiles: string[];

function install(tarball: string, into: string): void {
  const modules = path.join(into, 'node_modules');
  const target = path.join(modules, pkg.name);
  fs.mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.slice('node_modules/'.length);
    if (!key.startsWith('node_modules/') || name.includes('/node_modules/') || entry.dev) continue;
    const link = path.join(modules, name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules', name), link, 'dir');
  }
  fs.mkdirSync(path.join(modules, '.bin'));
  fs.symlinkSync(`../${pkg.name}/bin/strategy.js`, path.join(modules, '.bin', 'strategy'));
}

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', npm_config_offline: 'true', npm_config_update_notifier: 'false' },
    timeout: 300_000,
  });

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-pack-'));
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(packed.slice(packed.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarballFiles = info!.files.map((f) => f.path).sort();
  strategy = path.join(work, 'our-strategy');
  // `init` from the packed tool itself, as a partnership would with `npx`.
  const unpacked = path.join(work, 'tool');
  install(path.join(work, info!.filename), unpacked);
  execFileSync(process.execPath, [path.join(unpacked, 'node_modules', pkg.name, 'bin/strategy.js'), 'init', strategy], {
    stdio: 'pipe',
  });
  install(path.join(work, info!.filename), strategy);
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the packed tool', () => {
  it('is a public package of compiled JavaScript, with exactly the files it needs', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.dependencies['tsx']).toBeUndefined();
    expect(tarballFiles.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(tarballFiles).toContain('lib/cli/main.js');
    expect(tarballFiles).toContain('lib/schemas/chart.schema.json');
    expect(
      tarballFiles.filter(
        (f) =>
          f.startsWith('tests/') || f.startsWith('content/') || f.startsWith('data/') || f.includes('.tsbuildinfo'),
      ),
    ).toEqual([]);
    const top = [...new Set(tarballFiles.map((f) => f.split('/')[0]))].sort();
    expect(top).toEqual(
      ['LICENSE', 'README.md', 'bin', 'lib', 'package.json', 'schemas', 'scripts', 'templates'].filter(
        (t) => t !== 'LICENSE' || tarballFiles.includes('LICENSE'),
      ),
    );
    expect(
      tarballFiles
        .filter((f) => f.startsWith('scripts/'))
        .every((f) => /^scripts\/init\/(starter\/[a-z-]+\.yaml|workflows\/[a-z-]+\.yml)$/.test(f)),
    ).toBe(true);
  });

  it('prints its version', () => {
    const r = npm(['exec', '--', 'strategy', '--version'], strategy);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('checks and builds the new strategy in its own repository, through npm scripts', () => {
    expect(fs.existsSync(path.join(strategy, 'node_modules/tsx'))).toBe(false);
    expect(fs.existsSync(path.join(strategy, 'node_modules/typescript'))).toBe(false);
    const check = npm(['run', '--silent', 'check'], strategy);
    // A draft fresh from init: each of the ten chapters' guidance notes, and two KPIs without results.
    expect(check.stderr).toMatch(/^12 warnings$/m);
    expect(check.stderr.match(/ chapter\/guidance-left$/gm)).toHaveLength(10);
    expect(check.stderr.match(/ kpi\/no-actuals$/gm)).toHaveLength(2);
    expect(check.status).toBe(0);
    const build = npm(['run', '--silent', 'build', '--', '--no-pdf'], strategy);
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(build.status, build.stderr).toBe(0);
    const index = fs.readFileSync(path.join(strategy, 'dist/index.html'), 'utf8');
    expect(index).toContain('Safer Ashworth Partnership');
    expect(fs.readdirSync(path.join(strategy, 'dist')).length).toBeGreaterThan(5);
  });

  it('every data file names a schema that resolves in this repository and validates the file', () => {
    const data = path.join(strategy, 'data');
    const files = fs.readdirSync(data).filter((n) => n.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const name of files) {
      const text = fs.readFileSync(path.join(data, name), 'utf8');
      const ref = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1];
      expect(ref, name).toMatch(new RegExp(`^\\.\\./node_modules/${pkg.name}/schemas/[a-z-]+\\.schema\\.json$`));
      const schemaFile = path.resolve(data, ref!);
      expect(fs.existsSync(schemaFile), ref).toBe(true);
      const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
        JSON.parse(fs.readFileSync(schemaFile, 'utf8')),
      );
      expect(validate(YAML.parse(text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      // And the schema is not a formality: a wrong value fails it.
      expect(validate({ ...YAML.parse(text), not_a_field: 1 }), name).toBe(false);
    }
  });

  it('the chart schema VS Code is pointed at checks officer charts, Vega-Lite spec included', () => {
    const settings = JSON.parse(fs.readFileSync(path.join(strategy, '.vscode/settings.json'), 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
    };
    const [schemaRef] = Object.entries(settings['yaml.schemas']).find(([, globs]) =>
      globs.includes('data/charts/*.yaml'),
    )!;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(
      JSON.parse(fs.readFileSync(path.join(strategy, schemaRef), 'utf8')),
    );
    for (const name of fs.readdirSync(path.join(REPO, 'data/charts'))) {
      const chart = YAML.parse(fs.readFileSync(path.join(REPO, 'data/charts', name), 'utf8'));
      expect(validate(chart), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(validate({ ...chart, spec: { ...chart.spec, mark: 'no-such-mark' } }), name).toBe(false);
      expect(validate({ ...chart, title: undefined }), name).toBe(false);
    }
  });
});
