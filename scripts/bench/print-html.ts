/**
 * For the print peers: builds the site (no PDF) into <out> and writes the build's own print document
 * beside it as print.html, so Chromium and WeasyPrint print exactly what the build prints.
 *   tsx scripts/bench/print-html.ts <strategy> <out>
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, check } from '../build.js';
import { assemblePrint } from '../assemble/pages.js';
import { loadTemplates } from '../assemble/templates.js';

const [rootArg, outArg] = process.argv.slice(2);
if (!rootArg || !outArg) {
  process.stderr.write('Usage: tsx scripts/bench/print-html.ts <strategy> <out>\n');
  process.exit(2);
}
const root = path.resolve(rootArg);
const out = path.resolve(outArg);
const built = await build({ root, out, pdf: false });
if (!built.ok) {
  process.stderr.write(`The strategy at ${root} does not build; run strategy check on it.\n`);
  process.exit(1);
}
const checked = await check({ root });
fs.writeFileSync(path.join(out, 'print.html'), assemblePrint(checked.model, checked.document, loadTemplates(root), {}));
