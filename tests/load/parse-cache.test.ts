/**
 * The parse cache (load/parse-cache.ts) gives back exactly what a parse gives: a YAML file's value and
 * the position of every path (and of paths that do not exist: the nearest parent), and a chapter's
 * tree, whether from memory or from the disk cache; and what JSON would change is never put on disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMarkdownText } from '../../scripts/load/markdown.js';
import {
  cachedParse,
  clearParseMemory,
  exactJson,
  parseCacheStats,
  parseKey,
  storeParse,
  useParseCacheDir,
} from '../../scripts/load/parse-cache.js';
import { parseYaml, type PathSegment, type YamlSource } from '../../scripts/load/yaml.js';
import { REPO } from '../support/example-copy.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-parse-cache-'));
afterAll(() => {
  useParseCacheDir(false);
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  useParseCacheDir(dir);
  clearParseMemory();
});

/** Every path in a value, and beside each one a child that does not exist. */
function paths(value: unknown, at: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [at, [...at, 'no-such-key'], [...at, 999]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

const positions = (source: YamlSource, all: PathSegment[][]) =>
  all.map((p) => [p.join('.'), source.locate(p), source.locateKey(p)]);

const yamlFiles = fs
  .readdirSync(path.join(REPO, 'data'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

describe('parse cache: YAML', () => {
  it.each(yamlFiles)('%s: value and every position the same from memory and from disk', (file) => {
    const text = fs.readFileSync(path.join(REPO, 'data', file), 'utf8');
    useParseCacheDir(false);
    const fresh = parseYaml(text, file, 3);
    expect(fresh.diagnostics).toEqual([]);
    const all = paths(fresh.source.value);
    const want = positions(fresh.source, all);

    useParseCacheDir(dir);
    clearParseMemory();
    parseYaml(text, file, 3); // parsed, stored
    const memoryHits = parseCacheStats.fromMemory;
    const fromMemory = parseYaml(text, file, 3);
    expect(parseCacheStats.fromMemory).toBe(memoryHits + 1);
    clearParseMemory();
    const diskHits = parseCacheStats.fromDisk;
    const fromDisk = parseYaml(text, file, 3);
    expect(parseCacheStats.fromDisk).toBe(diskHits + 1);

    for (const kept of [fromMemory, fromDisk]) {
      expect(kept.diagnostics).toEqual([]);
      expect(kept.source.file).toBe(file);
      expect(kept.source.value).toEqual(fresh.source.value);
      expect(positions(kept.source, all)).toEqual(want);
    }
    // Each caller gets a value of its own.
    expect(fromMemory.source.value).not.toBe(fromDisk.source.value);
  });

  it('a text with a mistake is parsed every time, and its diagnostics name the line and column', () => {
    const text = 'title: A\nitems:\n  - one\n  - two: [unclosed\n';
    const first = parseYaml(text, 'data/broken.yaml');
    const parsed = parseCacheStats.parsed;
    const again = parseYaml(text, 'data/broken.yaml');
    expect(parseCacheStats.parsed).toBe(parsed);
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(again.diagnostics[0]).toMatchObject({ file: 'data/broken.yaml', line: expect.any(Number) });
    expect(again.diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('the line offset of front matter is applied to kept positions', () => {
    const text = 'title: Intro\nsection: 1\n';
    parseYaml(text, 'content/a.md', 0);
    expect(parseYaml(text, 'content/b.md', 1).source.locate(['section'])).toEqual({ line: 3, column: 10 });
    expect(parseYaml(text, 'content/b.md', 1).source.locateKey(['section'])).toEqual({ line: 3, column: 1 });
  });
});

describe('parse cache: Markdown trees and what goes to disk', () => {
  it('a chapter tree read back from disk equals the parse', () => {
    const body = fs
      .readFileSync(path.join(REPO, 'content', '06-delivery-plans.md'), 'utf8')
      .replace(/^---[\s\S]*?\n---\n/, '');
    const tree = parseMarkdownText(body);
    const key = parseKey('mdast', body);
    storeParse('mdast', key, tree);
    clearParseMemory();
    expect(cachedParse('mdast', key)).toEqual(tree);
    expect(fs.existsSync(path.join(dir, 'mdast', `${key}.json`))).toBe(true);
  });

  it('a value JSON would change stays in memory only', () => {
    for (const value of [{ a: undefined }, { n: Number.NaN }, { n: -0 }, [Infinity], { d: new Date(0) }])
      expect(exactJson(value)).toBeUndefined();
    expect(exactJson({ a: [1, 'x', null, true, { b: 2 }] })).toBe('{"a":[1,"x",null,true,{"b":2}]}');
    const key = parseKey('yaml', 'n: .nan\n');
    const parsed = parseYaml('n: .nan\n', 'data/x.yaml');
    expect(parsed.source.value).toEqual({ n: Number.NaN });
    expect(fs.existsSync(path.join(dir, 'yaml', `${key}.json`))).toBe(false);
    expect(parseYaml('n: .nan\n', 'data/x.yaml').source.value).toEqual({ n: Number.NaN });
  });
});
