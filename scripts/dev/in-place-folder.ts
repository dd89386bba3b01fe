/**
 * The dev server's output folder: each build writes into the served folder itself, and only the files
 * whose bytes differ from what the last build wrote there, so a save rewrites the page it changed (and
 * the single page) rather than the whole site. Files the last build wrote and this one did not are
 * removed when it commits. It has the shape of emit/output-folder.ts's OutputFolder, which `build`
 * uses everywhere else (there a build is swapped in whole; here the folder is private to this process
 * and a build with errors writes nothing, so there is nothing half-written to swap out).
 *
 * A build that fails while writing (a bug, not a content mistake) leaves the folder as it was written
 * so far; the next build then writes every file again.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What the last build did to the folder (tests and the log). */
export interface WriteStats {
  /** Files written, relative to the folder, because they are new or their bytes changed. */
  written: string[];
  /** Files the build made with the same bytes as the folder holds, so left alone. */
  unchanged: number;
  /** Files removed because the build no longer makes them. */
  removed: string[];
}

export class InPlaceFolder {
  readonly out: string;
  /** Where the build writes: the folder itself. */
  readonly temp: string;
  /** What each file holds now, as the last committed build wrote it. */
  private held = new Map<string, string | Uint8Array>();
  private made = new Map<string, string | Uint8Array>();
  stats: WriteStats = { written: [], unchanged: 0, removed: [] };

  constructor(out: string) {
    this.out = path.resolve(out);
    this.temp = this.out;
    fs.mkdirSync(this.out, { recursive: true });
  }

  /** Start a build: the same folder, with nothing made yet. */
  begin(): this {
    this.made = new Map();
    this.stats = { written: [], unchanged: 0, removed: [] };
    return this;
  }

  private target(rel: string): string {
    const abs = path.resolve(this.out, rel);
    if (!abs.startsWith(this.out + path.sep)) throw new Error(`Refusing to write outside the output folder: ${rel}`);
    return abs;
  }

  write(rel: string, data: string | Uint8Array): void {
    const abs = this.target(rel);
    this.made.set(rel, data);
    const before = this.held.get(rel);
    if (before !== undefined && same(before, data) && fs.existsSync(abs)) {
      this.stats.unchanged++;
      return;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, data);
    this.held.set(rel, data);
    this.stats.written.push(rel);
  }

  copy(fromAbsolute: string, rel: string): void {
    this.write(rel, fs.readFileSync(fromAbsolute));
  }

  remove(rel: string): void {
    this.made.delete(rel);
    this.held.delete(rel);
    fs.rmSync(this.target(rel), { force: true });
  }

  /** The build is finished: remove what the last build wrote and this one did not. */
  commit(): void {
    for (const rel of [...this.held.keys()].filter((r) => !this.made.has(r)).sort()) {
      fs.rmSync(this.target(rel), { force: true });
      this.held.delete(rel);
      this.stats.removed.push(rel);
    }
  }

  /** The build stopped part way: forget what the folder holds, so the next build writes every file. */
  abort(): void {
    this.held.clear();
  }
}

function same(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
