/**
 * Reading a strategy as it was at a git ref, without checking anything out: `git ls-tree` lists the
 * files under content/ and data/ at that commit and `git cat-file` reads each one. git runs with an
 * argument list (never a shell), the ref is verified as a commit first (so it cannot be read as an
 * option), and every path is checked to stay inside the strategy folder before it is used.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { EnvironmentError } from '../diagnostics/diagnostic.js';

/** The largest file read from history; the loader refuses larger ones anyway. */
const MAX_BLOB_BYTES = 64 * 1024 * 1024;

/** The folders of a strategy whose meaning the diff compares. */
export const COMPARED_FOLDERS = ['content', 'data'] as const;

function git(cwd: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        encoding,
        maxBuffer: MAX_BLOB_BYTES + 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      },
      (err, stdout, stderr) => {
        if (err) {
          const detail = String(stderr).trim().split('\n')[0] ?? '';
          reject(Object.assign(new Error(detail || err.message), { code: (err as { code?: unknown }).code }));
        } else resolve(stdout);
      },
    );
  });
}

const text = async (cwd: string, args: string[]) => String(await git(cwd, args)).trim();

export interface Repository {
  /** The repository's top folder. */
  top: string;
  /** The strategy folder inside it, with forward slashes and a trailing slash (`""` at the top). */
  prefix: string;
}

/** The git repository holding `root`, or an EnvironmentError saying how to get one. */
export async function repositoryOf(root: string): Promise<Repository> {
  try {
    const top = await text(root, ['rev-parse', '--show-toplevel']);
    const prefix = await text(root, ['rev-parse', '--show-prefix']);
    return { top, prefix };
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT')
      throw new EnvironmentError(
        'git is not installed, so the strategy cannot be compared with an earlier version.',
        'Install git (on Debian or Ubuntu: `sudo apt-get install -y git`) and run the command again.',
      );
    throw new EnvironmentError(
      `${root} is not in a git repository, so there is no earlier version to compare with.`,
      'Run `strategy diff` inside the repository that holds the strategy (run `git init` and commit to start one).',
    );
  }
}

/** A ref verified to name a commit, with its full hash. */
export async function resolveCommit(repo: Repository, ref: string): Promise<string> {
  // `--end-of-options` and the ^{commit} peel keep a ref such as `--output=x` from being an option.
  if (ref.startsWith('-') || ref.includes('\0'))
    throw new EnvironmentError(
      `"${ref}" is not a git ref.`,
      'Give a branch, tag or commit, e.g. `strategy diff main`.',
    );
  try {
    return await text(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    throw new EnvironmentError(
      `There is no commit "${ref}" in this repository.`,
      'Give a branch, tag or commit that exists, e.g. `strategy diff main` (in CI, fetch it first: `git fetch origin main`).',
    );
  }
}

/**
 * The default base: the merge base of HEAD with the default branch. On a GitHub pull request the base
 * branch is `GITHUB_BASE_REF`; otherwise origin's HEAD, then main, then master.
 */
export async function defaultBase(
  repo: Repository,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ref: string; commit: string }> {
  const candidates: string[] = [];
  const base = env['GITHUB_BASE_REF'];
  if (base) candidates.push(`origin/${base}`, base);
  try {
    candidates.push((await text(repo.top, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim());
  } catch {
    // no remote HEAD recorded
  }
  candidates.push('origin/main', 'main', 'origin/master', 'master');
  for (const ref of candidates) {
    if (!ref || ref.startsWith('-')) continue;
    let branch: string;
    try {
      branch = await text(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    } catch {
      continue;
    }
    try {
      const commit = await text(repo.top, ['merge-base', branch, 'HEAD']);
      return { ref, commit };
    } catch {
      // unrelated histories: try the next candidate
    }
  }
  throw new EnvironmentError(
    'Could not find the default branch to compare with.',
    'Name the version to compare with, e.g. `strategy diff main` or `strategy diff HEAD~1` (in CI, fetch the base branch first).',
  );
}

/**
 * The strategy's content/ and data/ files at a commit, by path relative to the strategy folder.
 * Only regular files are read: symlinks and submodules in history are skipped, as the loader would
 * refuse them on disk.
 */
export async function filesAt(repo: Repository, commit: string): Promise<Map<string, Buffer>> {
  const pathspecs = COMPARED_FOLDERS.map((f) => `${repo.prefix}${f}`);
  const listing = String(await git(repo.top, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...pathspecs]));
  const files = new Map<string, Buffer>();
  for (const entry of listing.split('\0')) {
    if (!entry) continue;
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>
    const tab = entry.indexOf('\t');
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    const full = entry.slice(tab + 1);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid || !/^[0-9a-f]{40,64}$/.test(oid)) continue;
    if (Number(size) > MAX_BLOB_BYTES) continue;
    if (!full.startsWith(repo.prefix)) continue;
    const rel = full.slice(repo.prefix.length);
    if (!isContained(rel)) continue;
    files.set(rel, (await git(repo.top, ['cat-file', 'blob', oid], 'buffer')) as Buffer);
  }
  return files;
}

/** A relative path that stays inside its folder: no `..`, no absolute path, no empty segment. */
export function isContained(rel: string): boolean {
  if (rel === '' || rel.includes('\0') || rel.includes('\\') || path.posix.isAbsolute(rel)) return false;
  return rel.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}
