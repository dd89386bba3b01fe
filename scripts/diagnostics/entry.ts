import type { Severity } from './diagnostic.js';

/** A message or hint: plain text, or a function of the diagnostic's arguments. */
export type Text = string | ((...args: string[]) => string);

export interface Entry {
  severity: Severity;
  /** What is wrong, in plain words. */
  message: Text;
  /** What to write instead. */
  hint: Text;
}

export const e = (severity: Severity, message: Text, hint: Text): Entry => ({ severity, message, hint });
