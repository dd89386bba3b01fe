/**
 * What `strategy dev` may serve: only regular files that this process's last good build wrote into its
 * own private output folder, read without following a symlink, and whose real path is inside that
 * folder. Plus the two checks that keep a reviewer's machine private: the Host header, and absolute
 * paths taken out of anything sent to the page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class ServedFiles {
  private readonly out: string;
  private files = new Set<string>();

  constructor(out: string) {
    this.out = out;
  }

  /** Record the files of the build just committed: regular files only, found without following links. */
  refresh(): void {
    const found = new Set<string>();
    const walk = (dir: string, rel: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path.join(dir, entry.name), childRel);
        else if (entry.isFile()) found.add(childRel);
        // Symlinks, sockets and the like are never served.
      }
    };
    if (fs.existsSync(this.out)) walk(this.out, '');
    this.files = found;
  }

  /** An open file descriptor for `rel` (forward slashes), or undefined when it is not ours to serve. */
  open(rel: string): number | undefined {
    if (!this.files.has(rel)) return undefined;
    const file = path.join(this.out, ...rel.split('/'));
    let fd: number;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    } catch {
      return undefined;
    }
    try {
      const real = fs.realpathSync(file);
      const base = fs.realpathSync(this.out);
      if (!real.startsWith(base + path.sep) || !fs.fstatSync(fd).isFile()) {
        fs.closeSync(fd);
        return undefined;
      }
    } catch {
      fs.closeSync(fd);
      return undefined;
    }
    return fd;
  }
}

/** Whether a request's Host header names this server: localhost, 127.0.0.1 or [::1], on its port. */
export function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`].includes(h);
}

/**
 * Text for the page or the terminal with the machine's paths taken out: the strategy folder becomes
 * `.`, the private output folder `<dev site>`, the home folder `~`, and any other absolute path its
 * last two parts (a page served on localhost can be read by other local processes' pages).
 */
export function redactPaths(text: string, where: { root: string; work: string }): string {
  const replace = (s: string, from: string, to: string) => (from.length > 1 ? s.split(from).join(to) : s);
  let out = text;
  for (const root of new Set([where.root, safeReal(where.root)]))
    out = replace(out, `${root}${path.sep}`, '').split(root).join('.');
  for (const work of new Set([where.work, safeReal(where.work)])) out = replace(out, work, '<dev site>');
  out = replace(out, os.homedir(), '~');
  // Anything else that looks like an absolute path keeps only its last two parts.
  return out.replace(/(?<![\w.~<>-])(?:\/[^\s/"'`:]+){3,}/g, (p) => `…/${p.split('/').slice(-2).join('/')}`);
}

function safeReal(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
