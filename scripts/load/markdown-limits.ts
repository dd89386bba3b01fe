/**
 * Input limits for a chapter's Markdown, checked before it is parsed. The parser (micromark, mdast,
 * parse5) recurses once per level of nesting and is quadratic in the number of unmatched emphasis and
 * link marks in one paragraph, so a pull request could crash the build (2,000 nested `>`, 20,000 nested
 * `<div>`, a 1,500-level list) or stall it for minutes (80 KB of `*a`). No real chapter comes near these
 * limits; each one exceeded is an error at its line saying what to write instead, and the chapter is not
 * parsed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';

/** Block quotes and lists inside each other on one line (`> > - 1.`). */
export const MAX_BLOCK_NESTING = 32;
/** Leading spaces of a line (nested lists indent by two to four per level). */
export const MAX_INDENT = 128;
/** Raw HTML elements open inside each other. */
export const MAX_HTML_DEPTH = 200;
/** Unescaped emphasis, code and link marks (`* _ \` [ ] < ~`) in one paragraph. */
export const MAX_INLINE_MARKS = 2000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const CONTAINER = /^[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

export function checkMarkdownLimits(body: string, file: string, lineOffset: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = body.split('\n');
  const at = (i: number, column = 1) => ({ line: i + 1 + lineOffset, column });
  let htmlDepth = 0;
  let htmlReported = false;
  let marks = 0;
  let paragraphStart = 0;
  let marksReported = false;
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(\/?)>/g;
  let fence: string | undefined;
  for (const [i, line] of lines.entries()) {
    // Code blocks are text: only their indentation is checked.
    const opener = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener)
        fence = undefined;
      continue;
    }
    if (opener) {
      fence = opener;
      marks = 0;
      paragraphStart = i + 1;
      marksReported = false;
      continue;
    }
    // 1. Containers nested on one line.
    let rest = line;
    let depth = 0;
    for (let m = CONTAINER.exec(rest); m && depth <= MAX_BLOCK_NESTING; m = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    if (depth > MAX_BLOCK_NESTING)
      out.push(
        diag('markdown/too-deep', file, at(i), [`more than ${MAX_BLOCK_NESTING} quotes or lists inside each other`]),
      );
    // 2. Indentation (deeply nested lists written one item a line).
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > MAX_INDENT)
      out.push(
        diag('markdown/too-deep', file, at(i), [`a line indented by ${indent} spaces (more than ${MAX_INDENT})`]),
      );
    // 3. Raw HTML elements inside each other.
    if (!htmlReported) {
      tag.lastIndex = 0;
      for (let m = tag.exec(line); m; m = tag.exec(line)) {
        const name = m[2]!.toLowerCase();
        if (VOID.has(name) || m[3] === '/') continue;
        htmlDepth = m[1] ? Math.max(0, htmlDepth - 1) : htmlDepth + 1;
        if (htmlDepth > MAX_HTML_DEPTH) {
          out.push(
            diag('markdown/too-deep', file, at(i, m.index + 1), [
              `more than ${MAX_HTML_DEPTH} HTML elements inside each other`,
            ]),
          );
          htmlReported = true;
          break;
        }
      }
    }
    // 4. Emphasis and link marks in one paragraph (a run of non-blank lines).
    if (line.trim() === '') {
      marks = 0;
      paragraphStart = i + 1;
      marksReported = false;
      continue;
    }
    if (!marksReported) {
      marks += countMarks(line);
      if (marks > MAX_INLINE_MARKS) {
        out.push(diag('markdown/too-many-marks', file, at(paragraphStart), [String(MAX_INLINE_MARKS)]));
        marksReported = true;
      }
    }
  }
  return out;
}

function countMarks(line: string): number {
  let n = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 0x5c) {
      k++; // an escaped character is text
      continue;
    }
    // * _ ` [ ] < ~
    if (c === 0x2a || c === 0x5f || c === 0x60 || c === 0x5b || c === 0x5d || c === 0x3c || c === 0x7e) n++;
  }
  return n;
}
