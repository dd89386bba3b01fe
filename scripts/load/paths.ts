/**
 * Containment: every file the build reads resolves inside the strategy folder. `../`, absolute paths
 * elsewhere and symlinks that leave the folder are refused with a diagnostic, never followed.
 *
 * The strategy folder is often the repository itself, so "inside the folder" is not enough for paths an
 * officer writes (chart data, `actuals_csv`, images): a name starting with a dot (`.env`, `.git/config`,
 * `.cache/`) is refused wherever it appears, before or after symlinks; and a reference that must stay in
 * a folder (chart data and actuals in `data/`) may not climb out of it with `..`, nor be a symlink that
 * leads out of it.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Refusal = 'outside-root' | 'symlink-outside-root' | 'not-found' | 'dot-name' | 'outside-folder';
export type Resolved = { ok: true; absolute: string; relative: string } | { ok: false; reason: Refusal };

export interface ResolveOptions {
  /** The folder (relative to the root, e.g. `data`) the file must be in, by name and by real path. */
  within?: string;
  /** Refuse any file or folder whose name starts with a dot (default true). */
  refuseDotNames?: boolean;
}

/** Relative path with forward slashes, as diagnostics print it. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether a relative path (either slash) has a part whose name starts with a dot, `..` aside. */
export function hasDotName(rel: string): boolean {
  return rel.split(/[\\/]/).some((part) => part.startsWith('.') && part !== '..' && part !== '.');
}

/** Whether a path an officer wrote has a `..` part. */
export function hasParentSegment(ref: string): boolean {
  return ref.split(/[\\/]/).includes('..');
}

/**
 * Resolve `ref` (relative to `fromDir`, itself relative to `root`) to a file inside `root`.
 * A path is refused when it lexically leaves the root, or when its real path (after symlinks) does; when
 * it names a dot-file or dot-folder; and, with `within`, when it is not in that folder by name and by
 * real path.
 */
export function resolveInside(root: string, fromDir: string, ref: string, options: ResolveOptions = {}): Resolved {
  const realRoot = fs.realpathSync(root);
  if (ref.includes('\0')) return { ok: false, reason: 'outside-root' };
  const absolute = path.resolve(realRoot, fromDir, ref);
  if (!isInside(realRoot, absolute)) return { ok: false, reason: 'outside-root' };
  const refuseDots = options.refuseDotNames !== false;
  const relative = toPosix(path.relative(realRoot, absolute));
  if (refuseDots && (hasDotName(ref) || hasDotName(relative))) return { ok: false, reason: 'dot-name' };
  const folder = options.within === undefined ? undefined : path.resolve(realRoot, options.within);
  if (folder && (hasParentSegment(ref) || !isInside(folder, absolute))) return { ok: false, reason: 'outside-folder' };
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    return { ok: false, reason: 'not-found' };
  }
  if (!isInside(realRoot, real)) return { ok: false, reason: 'symlink-outside-root' };
  if (refuseDots && hasDotName(toPosix(path.relative(realRoot, real)))) return { ok: false, reason: 'dot-name' };
  if (folder && !isInside(folder, real)) return { ok: false, reason: 'outside-folder' };
  return { ok: true, absolute: real, relative };
}
