/**
 * Printing diagnostics, in three formats:
 * - `human` (after vfile-reporter): `file:line:col  severity  message  rule-id` rows, each followed by
 *   its hint, grouped by file, then a summary such as "3 errors, 2 warnings". Colour only when asked.
 * - `github`: workflow commands (`::error file=…,line=…,col=…,title=…::…`), so problems appear on the
 *   pull request's lines.
 * - `json`: a stable array, sorted, with keys in a fixed order.
 * `root`, when given, is prefixed to each file (e.g. the strategy folder inside the repository), so
 * paths resolve from where the command was run.
 */
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';

export type ReportFormat = 'human' | 'github' | 'json';

export interface ReportOptions {
  color: boolean;
  root?: string;
}

export function formatDiagnostics(diags: readonly Diagnostic[], format: ReportFormat, opts: ReportOptions): string {
  const sorted = [...diags]
    .sort(compareDiagnostics)
    .map((d) => (opts.root ? { ...d, file: path.posix.join(opts.root.split(path.sep).join('/'), d.file) } : d));
  if (format === 'json') return formatJson(sorted);
  if (format === 'github') return formatGithub(sorted);
  return formatHuman(sorted, opts.color);
}

/** "3 errors, 2 warnings", "1 error", or "No problems found." */
export function summarise(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const parts: string[] = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'No problems found.';
}

const ANSI = { red: 31, yellow: 33, dim: 2, bold: 1 } as const;

function formatHuman(diags: Diagnostic[], color: boolean): string {
  const paint = (style: keyof typeof ANSI, s: string) => (color ? `\u001b[${ANSI[style]}m${s}\u001b[0m` : s);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  const blocks: string[] = [];
  for (const [file, items] of groups) {
    const places = items.map((d) => `${file}:${d.line}:${d.column}`);
    const placeWidth = places.reduce((w, p) => Math.max(w, p.length), 0);
    const severityWidth = items.some((d) => d.severity === 'warning') ? 'warning'.length : 'error'.length;
    const lines: string[] = [];
    items.forEach((d, i) => {
      const severity = d.severity.padEnd(severityWidth);
      const indent = ' '.repeat(placeWidth + severityWidth + 4);
      lines.push(
        `${places[i]!.padEnd(placeWidth)}  ${paint(d.severity === 'error' ? 'red' : 'yellow', severity)}  ${d.message}  ${paint('dim', d.ruleId)}`,
      );
      lines.push(...d.hint.split('\n').map((h) => `${indent}${paint('dim', h)}`));
    });
    blocks.push(lines.join('\n'));
  }
  const summary = summarise(diags);
  const errors = diags.some((d) => d.severity === 'error');
  const painted = diags.length === 0 ? summary : paint('bold', paint(errors ? 'red' : 'yellow', summary));
  return `${[...blocks, painted].join('\n\n')}\n`;
}

/** GitHub's escaping: the message escapes %, CR and LF; properties also escape : and ,. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function formatGithub(diags: Diagnostic[]): string {
  return diags
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${escapeProperty(d.ruleId)}`);
      return `::${d.severity} ${props.join(',')}::${escapeData(`${d.message} ${d.hint}`)}\n`;
    })
    .join('');
}

function formatJson(diags: Diagnostic[]): string {
  const stable = diags.map((d) => {
    const o: Record<string, unknown> = { file: d.file, line: d.line, column: d.column };
    if (d.endLine !== undefined) o['endLine'] = d.endLine;
    if (d.endColumn !== undefined) o['endColumn'] = d.endColumn;
    Object.assign(o, { severity: d.severity, ruleId: d.ruleId, message: d.message, hint: d.hint });
    return o;
  });
  return `${JSON.stringify(stable, null, 2)}\n`;
}
