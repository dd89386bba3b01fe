/**
 * Diagnostics are data with positions (after vfile-message): every problem an officer can fix names
 * the file, line and column, a rule id from the catalogue, a plain message and a hint saying what to
 * write instead. Nothing user-facing is thrown as a bare Error.
 */
export type Severity = 'error' | 'warning';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Diagnostic {
  /** Path relative to the strategy root, with forward slashes, e.g. `data/kpis.yaml`. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  /** A rule id from the message catalogue, e.g. `kpi/missing-baseline`. */
  ruleId: string;
  message: string;
  hint: string;
}

/** A problem with how the tool was run or with the machine (exit 2): no browser, a bad flag. */
export class EnvironmentError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvironmentError';
    this.hint = hint;
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
