/**
 * What the build is doing, for a person at a terminal: one line as each stage ends, with the count
 * that explains its time (charts drawn, PDF pages). Quiet when nobody is watching (not a terminal, or
 * CI) unless `--verbose`; `--quiet` silences it everywhere. Problems and the final line are printed
 * by the command itself, whatever this says.
 */

export type ProgressMode = 'auto' | 'quiet' | 'verbose';

export interface ProgressOptions {
  mode: ProgressMode;
  /** Whether standard error is a terminal. */
  tty: boolean;
  env: NodeJS.ProcessEnv;
  write: (line: string) => void;
}

const DONE: Record<string, string> = {
  load: 'Read the chapters and data files',
  validate: 'Checked the structure and cross-references',
  model: 'Worked out years, statuses, risk ratings and totals',
  figures: 'Checked the charts',
  render: 'Rendered the chapters, data blocks and charts',
  assemble: 'Assembled the pages',
  'emit site': 'Wrote the website',
  'emit pdf': 'Printed the PDF',
  audit: 'Checked every page with axe',
  'search index': 'Indexed the pages for search',
};

/** Whether progress lines are shown. */
export function showsProgress(opts: Pick<ProgressOptions, 'mode' | 'tty' | 'env'>): boolean {
  if (opts.mode !== 'auto') return opts.mode === 'verbose';
  const ci = Boolean(opts.env['CI']) && opts.env['CI'] !== 'false';
  return opts.tty && !ci;
}

/** A stage listener for `build`/`check`, or undefined when progress is not shown. */
export function progressReporter(
  opts: ProgressOptions,
): ((stage: string, ms: number, detail?: string) => void) | undefined {
  if (!showsProgress(opts)) return undefined;
  return (stage, ms, detail) => {
    // `check` is the sum of the stages before it, already reported one by one.
    if (stage === 'check') return;
    const what = DONE[stage] ?? stage;
    opts.write(`  ${what}${detail ? ` (${detail})` : ''} · ${(ms / 1000).toFixed(1)} s`);
  };
}
