/**
 * The job summary for GitHub Actions. Annotations (`--format github`) put problems on the pull
 * request's lines, but GitHub shows only ten of each kind per step; the summary
 * (`$GITHUB_STEP_SUMMARY`) lists every problem in one Markdown table on the run's page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { summarise } from '../diagnostics/report.js';

/** GitHub refuses a step summary over 1 MiB; stay well inside it with very long lists. */
const MAX_ROWS = 2000;

/** Text in a table cell: no line breaks, pipes escaped, Markdown and HTML shown as typed. */
export function cell(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .trim();
}

export interface SummaryOptions {
  /** The strategy folder inside the repository (`""` at its top), prefixed to each file. */
  root?: string;
  /** A link to each line, when GitHub says where the files are (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA). */
  env?: NodeJS.ProcessEnv;
  title?: string;
}

export function formatSummary(diags: readonly Diagnostic[], opts: SummaryOptions = {}): string {
  const sorted = [...diags].sort(compareDiagnostics);
  const title = opts.title ?? 'Strategy check';
  const lines = [`## ${title}: ${summarise(sorted).replace(/\.$/, '')}`, ''];
  if (sorted.length === 0) return `${lines.join('\n')}\nEvery chapter and data file passed.\n`;
  const env = opts.env ?? {};
  const base =
    env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] && env['GITHUB_SHA']
      ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/blob/${env['GITHUB_SHA']}/`
      : undefined;
  lines.push('| | Where | Problem | What to do | Rule |', '| --- | --- | --- | --- | --- |');
  for (const d of sorted.slice(0, MAX_ROWS)) {
    const file = opts.root ? path.posix.join(opts.root, d.file) : d.file;
    const place = `${cell(file)}:${d.line}:${d.column}`;
    const where = base ? `[${place}](${base}${file.split('/').map(encodeURIComponent).join('/')}#L${d.line})` : place;
    lines.push(
      `| ${d.severity === 'error' ? '❌ error' : '⚠️ warning'} | ${where} | ${cell(d.message)} | ${cell(d.hint)} | \`${d.ruleId.replace(/`/g, '')}\` |`,
    );
  }
  if (sorted.length > MAX_ROWS)
    lines.push(
      '',
      `The first ${MAX_ROWS} of ${sorted.length} problems are shown; run \`npx strategy check\` to see them all.`,
    );
  return `${lines.join('\n')}\n`;
}

/** Append the summary to `$GITHUB_STEP_SUMMARY` when running in GitHub Actions; otherwise do nothing. */
export function writeStepSummary(diags: readonly Diagnostic[], opts: SummaryOptions = {}): boolean {
  const file = opts.env?.['GITHUB_STEP_SUMMARY'];
  if (!file) return false;
  fs.appendFileSync(file, `${formatSummary(diags, opts)}\n`);
  return true;
}
