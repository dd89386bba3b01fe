/** Percent-decoding that never throws: a malformed escape (`%E0%A4%A`) gives undefined, for a diagnostic. */
export function safeDecode(s: string, decode: (x: string) => string = decodeURIComponent): string | undefined {
  try {
    return decode(s);
  } catch {
    return undefined;
  }
}
