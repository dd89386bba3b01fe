/**
 * Containment: every file the build reads resolves inside the strategy folder. `../`, absolute paths
 * elsewhere and symlinks that leave the folder are refused with a diagnostic, never followed.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Resolved = { ok: true; absolute: string; relative: string } | { ok: false; reason: 'outside-root' | 'symlink-outside-root' | 'not-found' };

/** Relative path with forward slashes, as diagnostics print it. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolve `ref` (relative to `fromDir`, itself relative to `root`) to a file inside `root`.
 * A path is refused when it lexically leaves the root, or when its real path (after symlinks) does.
 */
export function resolveInside(root: string, fromDir: string, ref: string): Resolved {
  const realRoot = fs.realpathSync(root);
  if (ref.includes('\0')) return { ok: false, reason: 'outside-root' };
  const absolute = path.resolve(realRoot, fromDir, ref);
  if (!isInside(realRoot, absolute)) return { ok: false, reason: 'outside-root' };
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    return { ok: false, reason: 'not-found' };
  }
  if (!isInside(realRoot, real)) return { ok: false, reason: 'symlink-outside-root' };
  return { ok: true, absolute: real, relative: toPosix(path.relative(realRoot, absolute)) };
}
