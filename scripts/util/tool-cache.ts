/**
 * The tool's cache folder, one for everything it keeps between runs (drawn charts, chart checks, parsed
 * files, rendered chapters, compiled templates, the PDF's page numbers, the chart validator): with the
 * tool, never in the strategy folder, because anything under the strategy comes through pull requests
 * and a planted entry would be published as trusted output. Deleting it at any time is safe.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `node_modules/.cache/csp-strategy` of the tool's own folder (two levels up from scripts/util/ or lib/util/). */
export const TOOL_CACHE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/.cache/csp-strategy',
);

/** A folder of the tool's cache, by what it holds. */
export function toolCacheDir(
  name: 'charts' | 'checks' | 'parsed' | 'rendered' | 'templates' | 'page-numbers' | 'diagrams',
): string {
  return path.join(TOOL_CACHE, name);
}
