/**
 * Reading a source file as text: strict UTF-8 (invalid bytes are an error naming the file), a byte-
 * order mark dropped, Windows and old Mac line endings made `\n`, and a size limit against huge files.
 */
import fs from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';

export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function mib(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Decode bytes as the build sees them. Exposed for the fuzz tests. */
export function decodeText(bytes: Uint8Array, file: string, maxBytes = MAX_TEXT_BYTES): TextResult {
  if (bytes.byteLength > maxBytes) {
    return { ok: false, diagnostic: diag('file/too-large', file, undefined, [mib(bytes.byteLength), mib(maxBytes)]) };
  }
  let text: string;
  try {
    text = decoder.decode(bytes); // drops a leading BOM
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, diagnostic: diag('file/invalid-utf8', file, at) };
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

export function readText(absolute: string, file: string, maxBytes = MAX_TEXT_BYTES): TextResult {
  const size = fs.statSync(absolute).size;
  if (size > maxBytes) {
    return { ok: false, diagnostic: diag('file/too-large', file, undefined, [mib(size), mib(maxBytes)]) };
  }
  return decodeText(fs.readFileSync(absolute), file, maxBytes);
}

/** The line and column of the first byte that is not valid UTF-8, so the officer can find it. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  // Count as an editor does: a leading BOM is not a column, and CRLF, CR and LF each end a line.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { line, column };
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return { line, column };
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return { line, column };
    }
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else if (b !== 0x0d) column++;
    i += len;
  }
  return { line, column };
}
