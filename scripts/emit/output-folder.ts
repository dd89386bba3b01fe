/**
 * Writing the output atomically: the build writes into a temporary sibling folder and swaps it into
 * place only when everything succeeded. A failed or interrupted build leaves the previous output
 * exactly as it was. The tool refuses to replace a folder it did not make, or the strategy itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../diagnostics/diagnostic.js';

const MARKER = '.strategy-build';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class OutputFolder {
  readonly out: string;
  readonly temp: string;
  private done = false;

  constructor(out: string, root: string) {
    this.out = path.resolve(out);
    const rel = path.relative(this.out, path.resolve(root));
    if (rel === '' || !rel.startsWith('..')) {
      throw new EnvironmentError(
        `The output folder ${this.out} holds the strategy itself.`,
        'Choose an output folder of its own, such as dist/, with --out.',
      );
    }
    if (fs.existsSync(this.out) && !fs.statSync(this.out).isDirectory()) {
      throw new EnvironmentError(
        `The output folder ${this.out} is a file, not a folder.`,
        'Choose a folder with --out, such as dist/.',
      );
    }
    if (fs.existsSync(this.out)) {
      const entries = fs.readdirSync(this.out);
      if (entries.length && !entries.includes(MARKER)) {
        throw new EnvironmentError(
          `The output folder ${this.out} already holds files this tool did not write, so it will not replace it.`,
          'Choose an empty or new folder with --out, or delete that folder first.',
        );
      }
    }
    OutputFolder.recover(this.out);
    this.temp = `${this.out}.building-${process.pid}`;
    fs.rmSync(this.temp, { recursive: true, force: true });
    fs.mkdirSync(this.temp, { recursive: true });
    fs.writeFileSync(
      path.join(this.temp, MARKER),
      'Written by `strategy build`. This whole folder is replaced on every build.\n',
    );
  }

  /** Tidy up after an interrupted build: remove dead temporary folders, restore a swapped-out output. */
  static recover(out: string): void {
    const dir = path.dirname(out);
    const base = path.basename(out);
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|previous)-(\\d+)$`).exec(name);
      if (!m || (pidAlive(Number(m[2])) && Number(m[2]) !== process.pid)) continue;
      const full = path.join(dir, name);
      if (m[1] === 'previous' && !fs.existsSync(out)) fs.renameSync(full, out);
      else fs.rmSync(full, { recursive: true, force: true });
    }
  }

  private target(rel: string): string {
    const abs = path.resolve(this.temp, rel);
    if (!abs.startsWith(this.temp + path.sep)) throw new Error(`Refusing to write outside the output folder: ${rel}`);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    return abs;
  }

  write(rel: string, data: string | Uint8Array): void {
    fs.writeFileSync(this.target(rel), data);
  }

  copy(fromAbsolute: string, rel: string): void {
    fs.copyFileSync(fromAbsolute, this.target(rel));
  }

  remove(rel: string): void {
    fs.rmSync(this.target(rel), { force: true });
  }

  /** Swap the finished build into place. */
  commit(): void {
    const previous = `${this.out}.previous-${process.pid}`;
    if (fs.existsSync(this.out)) fs.renameSync(this.out, previous);
    fs.renameSync(this.temp, this.out);
    fs.rmSync(previous, { recursive: true, force: true });
    this.done = true;
  }

  /** Throw away the partial build; the previous output stays as it was. */
  abort(): void {
    if (!this.done) fs.rmSync(this.temp, { recursive: true, force: true });
  }
}
