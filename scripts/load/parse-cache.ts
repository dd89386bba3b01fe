/**
 * Parsed inputs kept by content: a chapter's Markdown tree and a YAML file's value with its positions,
 * under a hash of the text, the kind of parse and the code and package versions that parse it. Kept in
 * memory for the life of the process (the dev server's rebuilds) and, unless a caller opts out, in the
 * tool's disk cache (node_modules/.cache/csp-strategy/parsed), so `strategy check` of an unchanged
 * strategy reads JSON instead of starting the Markdown sandbox and running the YAML parser.
 *
 * The disk cache lives with the tool, never in the strategy folder: a strategy arrives as a pull request,
 * and a planted entry would stand in for what its text says. An entry is only ever written from a parse
 * of the very text it is keyed by (for Markdown, the sandbox's own result), and only when JSON holds the
 * value exactly (no undefined, NaN, infinity or -0): a value JSON would change is not kept on disk.
 *
 *   text --sha256(kind, code, versions, text)--> memory | <cache>/parsed/<kind>/<key>.json | parse (then stored)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolCacheDir } from '../util/tool-cache.js';

export const PARSE_CACHE_DIR = toolCacheDir('parsed');

const require = createRequire(import.meta.url);

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    // A package whose exports hide its package.json: key by where it resolves instead.
    try {
      return require.resolve(pkg);
    } catch {
      return 'unknown';
    }
  }
}

/** The parsers' code: this folder's own files and the parsing packages' versions. Worked out once. */
let code: string | undefined;
function parserCode(): string {
  if (code !== undefined) return code;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  for (const pkg of ['yaml', 'remark-parse', 'remark-gfm', 'remark-directive', 'unified'])
    h.update(`${pkg}@${versionOf(pkg)}\0`);
  for (const f of fs
    .readdirSync(here)
    .filter((n) => /\.(ts|js)$/.test(n))
    .sort())
    h.update(`${f}\0`).update(fs.readFileSync(path.join(here, f)));
  code = h.digest('hex').slice(0, 16);
  return code;
}

/** Counts for tests and the bench: parses answered from memory, from disk, and parses made. */
export const parseCacheStats = { fromMemory: 0, fromDisk: 0, parsed: 0 };

const MEMORY_SIZE = 512;
/** Kept as JSON text when JSON holds the value exactly (each hit parses a fresh copy), else as the value. */
const memory = new Map<string, { json: string } | { value: unknown }>();

/** Whether the disk cache is used; `strategy check` and `build` do unless told `diskCache: false`. */
let diskDir: string | false = PARSE_CACHE_DIR;

/** Use `dir` for the disk cache, or no disk cache at all (tests, `diskCache: false`). */
export function useParseCacheDir(dir: string | false): void {
  diskDir = dir;
}

/** Forget what is kept in memory (tests read entries back from disk). */
export function clearParseMemory(): void {
  memory.clear();
}

export function parseKey(kind: string, text: string): string {
  return createHash('sha256').update(`${kind}\0${parserCode()}\0`).update(text).digest('hex');
}

/** A copy of its own of the value kept under `key`, from memory or disk; undefined when there is none. */
export function cachedParse<T>(kind: string, key: string): T | undefined {
  const hit = memory.get(key);
  if (hit !== undefined) {
    parseCacheStats.fromMemory++;
    return ('json' in hit ? JSON.parse(hit.json) : structuredClone(hit.value)) as T;
  }
  if (diskDir === false) return undefined;
  try {
    const json = fs.readFileSync(path.join(diskDir, kind, `${key}.json`), 'utf8');
    const value = JSON.parse(json) as T;
    remember(key, { json });
    parseCacheStats.fromDisk++;
    return value;
  } catch {
    // Missing or damaged: parsed again.
    return undefined;
  }
}

/** Whether a value is kept under `key` (memory or disk), without reading it. */
export function hasCachedParse(kind: string, key: string): boolean {
  return memory.has(key) || (diskDir !== false && fs.existsSync(path.join(diskDir, kind, `${key}.json`)));
}

function remember(key: string, entry: { json: string } | { value: unknown }): void {
  memory.set(key, entry);
  if (memory.size > MEMORY_SIZE) memory.delete(memory.keys().next().value!);
}

/** JSON for `value` when JSON gives it back exactly, else undefined. */
export function exactJson(value: unknown): string | undefined {
  let exact = true;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    // The holder's own value, before any toJSON (a Date would already be a string in `v`).
    const raw = key === '' ? value : this[key];
    if (raw === undefined || (typeof raw === 'number' && (!Number.isFinite(raw) || Object.is(raw, -0)))) exact = false;
    else if (key === '__proto__') exact = false;
    else if (raw !== null && typeof raw === 'object') {
      const proto = Object.getPrototypeOf(raw) as unknown;
      if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) exact = false;
    } else if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean' && raw !== null)
      exact = false;
    return v;
  });
  return exact ? text : undefined;
}

/**
 * Keep `value` (just parsed from the text `key` stands for) in memory and, when JSON holds it exactly,
 * on disk. The caller may go on to change its own `value`: what is kept is a copy.
 */
export function storeParse(kind: string, key: string, value: unknown): void {
  parseCacheStats.parsed++;
  const json = exactJson(value);
  remember(key, json === undefined ? { value: structuredClone(value) } : { json });
  if (diskDir === false || json === undefined) return;
  try {
    const dir = path.join(diskDir, kind);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, json);
    fs.renameSync(tmp, path.join(dir, `${key}.json`));
  } catch {
    // The cache only saves time.
  }
}
