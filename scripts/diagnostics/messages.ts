/**
 * The message catalogue: every diagnostic's wording lives in catalogue/, one file per area, merged
 * here and keyed by rule id. Rules and loaders call `diag(ruleId, file, position, args)`; tests assert
 * against rule ids and these texts. Each entry gives a severity, the message (what is wrong) and the
 * hint (what to write instead).
 */
import type { Diagnostic, Position, Severity } from './diagnostic.js';
import type { Entry, Text } from './entry.js';
import { BLOCKS } from './catalogue/blocks.js';
import { CHARTS } from './catalogue/charts.js';
import { LOADING } from './catalogue/loading.js';
import { RULES } from './catalogue/rules.js';
import { SECURITY } from './catalogue/security.js';

export const MESSAGES = {
  ...LOADING,
  ...RULES,
  ...CHARTS,
  ...BLOCKS,
  ...SECURITY,
} as const satisfies Record<string, Entry>;

export type RuleId = keyof typeof MESSAGES;

const render = (t: Text, args: string[]): string => (typeof t === 'function' ? t(...args) : t);

/** Build a diagnostic from the catalogue. `args` fill the message and the hint. */
export function diag(
  ruleId: RuleId,
  file: string,
  at: Position | undefined,
  args: string[] = [],
  options: { end?: Position | undefined; severity?: Severity } = {},
): Diagnostic {
  const entry: Entry = MESSAGES[ruleId];
  const d: Diagnostic = {
    file,
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    severity: options.severity ?? entry.severity,
    ruleId,
    message: render(entry.message, args),
    hint: render(entry.hint, args),
  };
  if (options.end) {
    d.endLine = options.end.line;
    d.endColumn = options.end.column;
  }
  return d;
}
