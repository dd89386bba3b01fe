/**
 * The page numbers of the last PDF built of a strategy, kept as the next build's guess (pdf.ts
 * `printWithPageNumbers`): when an edit leaves every destination on its page, which most edits do,
 * the next build prints once instead of twice. A guess is only ever a starting point: the print is
 * read back and the numbers it proves are the ones published, so a stale, wrong or planted guess can
 * cost a print but never change the PDF.
 *
 * It lives in the tool's cache beside the drawn charts, never in the strategy folder (which arrives
 * through pull requests), one small JSON file per strategy folder and PDF name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const fileFor = (cacheDir: string, root: string, pdfFile: string) =>
  path.join(
    cacheDir,
    `${createHash('sha256')
      .update(`${path.resolve(root)}\0${pdfFile}`)
      .digest('hex')
      .slice(0, 32)}.json`,
  );

/** The last build's page numbers of this strategy's PDF, or undefined (none yet, or unreadable). */
export function readPageGuess(cacheDir: string, root: string, pdfFile: string): Map<string, number> | undefined {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(fileFor(cacheDir, root, pdfFile), 'utf8'));
    if (!Array.isArray(data)) return undefined;
    const pairs = data.filter(
      (e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && Number.isInteger(e[1]),
    );
    return pairs.length === data.length && pairs.length > 0 ? new Map(pairs) : undefined;
  } catch {
    return undefined;
  }
}

/** Keep this build's proven page numbers for the next build; a cache that cannot be written is skipped. */
export function keepPageGuess(cacheDir: string, root: string, pdfFile: string, numbers: Map<string, number>): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const file = fileFor(cacheDir, root, pdfFile);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify([...numbers]));
    fs.renameSync(temp, file);
  } catch {
    // Only a guess: the next build finds the numbers the long way.
  }
}
