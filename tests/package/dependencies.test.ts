/**
 * The package's runtime `dependencies` are exactly what the published code loads: every package that
 * a file compiled into lib/ (scripts/ without the bench) imports as a value, imports lazily or resolves
 * as a file (a stylesheet, axe), and nothing else. A package used only for its types, by the tests or
 * by the bench is a devDependency, so a partnership never installs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/example-copy.js';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** `@scope/name/x` -> `@scope/name`, `name/x` -> `name`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function runtimeImports(): Map<string, string> {
  const found = new Map<string, string>();
  const dir = path.join(REPO, 'scripts');
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(`bench${path.sep}`));
  for (const rel of files) {
    // Comments are not code: drop them before looking (a doc comment may show an import).
    const text = fs
      .readFileSync(path.join(dir, rel), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [
      // `import x from 'p'`, `import { a, type B } from 'p'`, `export … from 'p'`, `import 'p'`; not `import type`.
      ...[...text.matchAll(/^(?:import|export)(?!\s+type[\s{])[^;'"]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!),
      ...[...text.matchAll(/\brequire\.resolve\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!),
    ];
    for (const s of specifiers) {
      if (s.startsWith('.') || s.startsWith('node:')) continue;
      const name = packageOf(s);
      if (!found.has(name)) found.set(name, `scripts/${rel}`);
    }
  }
  return found;
}

describe('runtime dependencies', () => {
  it('are exactly the packages the published code loads', () => {
    const used = runtimeImports();
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...used.keys()].sort());
  });

  it('are never also devDependencies', () => {
    expect(Object.keys(pkg.devDependencies).filter((d) => d in pkg.dependencies)).toEqual([]);
  });
});
