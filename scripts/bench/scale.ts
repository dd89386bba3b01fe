/**
 * A strategy at N times the size of another, for measuring how the build grows (`npm run bench`).
 *
 * Copy k (2 … N) adds, beside the original:
 * - one appendix chapter holding every chapter's text again (headings one level down, explicit ids,
 *   footnote labels and inline chart ids made unique), so pages grow N-fold;
 * - a copy of every KPI (id `<id>-x<k>`) with its inline and CSV actuals, placed by the copied blocks;
 * - a copy of every chart file (id `<id>-x<k>`).
 * Priorities, risks, funding and the other single-table inputs stay as they are: a partnership does
 * not have sixteen times the priorities, it has more text, indicators and charts.
 *
 *   tsx scripts/bench/scale.ts <factor> <out-folder> [--root <strategy>]
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_TEMPLATES } from '../assemble/templates.js';
import { fileURLToPath } from 'node:url';
import { parseDocument, isMap, isSeq, type Document } from 'yaml';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface ScaledStrategy {
  root: string;
  factor: number;
  chapters: number;
  kpis: number;
  charts: number;
}

export function makeScaledStrategy(source: string, factor: number, out: string): ScaledStrategy {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`factor must be a whole number of 1 or more, not ${factor}`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // The example's templates/ are the tool's own: a copy would make the build treat them as the strategy's
  // own (checked by the template guard, and no site assembled while the PDF prints), as no officer's is.
  const dirs =
    path.resolve(source, 'templates') === BUILTIN_TEMPLATES ? ['content', 'data'] : ['content', 'data', 'templates'];
  for (const dir of dirs) {
    const from = path.join(source, dir);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(out, dir), { recursive: true });
  }
  const chapterFiles = fs
    .readdirSync(path.join(out, 'content'))
    .filter((n) => n.endsWith('.md'))
    .sort();
  const usedLetters = new Set<string>();
  for (const name of chapterFiles) {
    const m = /^section:\s*([A-Z])\s*$/m.exec(fs.readFileSync(path.join(out, 'content', name), 'utf8'));
    if (m?.[1]) usedLetters.add(m[1]);
  }
  const freeLetters = [...LETTERS].filter((l) => !usedLetters.has(l));
  if (factor - 1 > freeLetters.length)
    throw new Error(`at most ${freeLetters.length + 1}× fits in the appendix letters left`);

  const kpisFile = path.join(out, 'data', 'kpis.yaml');
  const kpiDoc = parseDocument(fs.readFileSync(kpisFile, 'utf8'));
  const kpiIds = idsOf(kpiDoc, 'kpis');
  const chartsDir = path.join(out, 'data', 'charts');
  const chartFiles = fs.existsSync(chartsDir) ? fs.readdirSync(chartsDir).filter((n) => /\.(ya?ml|json)$/.test(n)) : [];
  const csvFiles = new Set<string>();
  const kpiSeq = kpiDoc.get('kpis');

  let chapters = chapterFiles.length;
  for (let k = 2; k <= factor; k++) {
    const suffix = `-x${k}`;
    // KPIs: a copy of each, its id and title suffixed.
    if (isSeq(kpiSeq)) {
      for (const item of [...kpiSeq.items].slice(0, kpiIds.length)) {
        if (!isMap(item)) continue;
        const copy = item.clone() as typeof item;
        copy.set('id', `${String(item.get('id'))}${suffix}`);
        copy.set('title', `${String(item.get('title'))} (copy ${k})`);
        const csv = item.get('actuals_csv');
        if (typeof csv === 'string') csvFiles.add(csv);
        kpiSeq.items.push(copy);
      }
    }
    // Charts: a copy of each chart file.
    for (const name of chartFiles) {
      const ext = path.extname(name);
      fs.copyFileSync(path.join(chartsDir, name), path.join(chartsDir, `${path.basename(name, ext)}${suffix}${ext}`));
    }
    // One appendix holding every chapter again.
    const letter = freeLetters[k - 2]!;
    const parts = chapterFiles.map((name, i) =>
      copyChapterBody(
        fs.readFileSync(path.join(out, 'content', name), 'utf8'),
        `c${k}-${i}`,
        suffix,
        kpiIds,
        chartFiles,
      ),
    );
    const body = parts.join('\n\n');
    const file = `9${String(k).padStart(2, '0')}-appendix-${letter.toLowerCase()}-copy-${k}.md`;
    fs.writeFileSync(
      path.join(out, 'content', file),
      `---\nsection: ${letter}\ntitle: Copy ${k} of the strategy\n---\n\n${body}\n`,
    );
    chapters++;
  }
  fs.writeFileSync(kpisFile, kpiDoc.toString({ lineWidth: 0 }));
  linkCopies(path.join(out, 'data', 'logic-models.yaml'), factor);
  // CSV actuals: each row again for each copy's id.
  for (const csv of csvFiles) {
    const csvPath = path.join(out, 'data', csv);
    const lines = fs.readFileSync(csvPath, 'utf8').split(/\r?\n/).filter(Boolean);
    const [header, ...rows] = lines;
    const extra: string[] = [];
    for (let k = 2; k <= factor; k++) for (const row of rows) extra.push(row.replace(/^([^,]+)/, `$1-x${k}`));
    fs.writeFileSync(csvPath, `${[header, ...rows, ...extra].join('\n')}\n`);
  }
  return { root: out, factor, chapters, kpis: kpiIds.length * factor, charts: chartFiles.length * factor };
}

/** Each copied KPI measures the same outcomes as its original, so none is reported unused. */
function linkCopies(file: string, factor: number): void {
  if (!fs.existsSync(file) || factor < 2) return;
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  visit(doc.contents);
  fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
  function visit(node: unknown): void {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        if (key === 'kpis' && isSeq(pair.value)) {
          const ids = pair.value.items.map((i) => String((i as { value?: unknown }).value));
          for (let k = 2; k <= factor; k++) for (const id of ids) pair.value.add(`${id}-x${k}`);
        } else visit(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
  }
}

function idsOf(doc: Document, key: string): string[] {
  const seq = doc.get(key);
  if (!isSeq(seq)) return [];
  return seq.items.flatMap((item) =>
    isMap(item) && typeof item.get('id') === 'string' ? [String(item.get('id'))] : [],
  );
}

/** A chapter's body (front matter dropped) made safe to stand beside the original in one appendix. */
function copyChapterBody(
  text: string,
  label: string,
  suffix: string,
  kpiIds: readonly string[],
  chartFiles: readonly string[],
): string {
  const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? label;
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const chartIds = new Set(chartFiles.map((n) => n.replace(/\.(ya?ml|json)$/, '')));
  const kpis = new Set(kpiIds);
  let inFence = false;
  const lines = body.split('\n').map((line) => {
    if (/^(```|~~~)/.test(line)) {
      const opening = !inFence;
      inFence = !inFence;
      // Inline chart ids must be unique across the strategy.
      return opening ? line.replace(/\bid=([a-z0-9-]+)/, `id=$1-${label}`) : line;
    }
    if (inFence) return line;
    let out = line;
    // Headings one level down, explicit ids dropped (the original keeps them), and named for this copy's
    // part: the parts share one appendix, where two chapters' "What we will do" would be one heading twice.
    out = out.replace(/\s*\{#[^}]+\}\s*$/, '').replace(/^(#{2,5})\s(.*)$/, `#$1 $2 (${label})`);
    // Footnotes: labels unique to this copy.
    out = out.replace(/\[\^([^\]]+)\]/g, `[^${label}-$1]`);
    // Blocks point at this copy's KPIs and charts.
    out = out.replace(/(::kpi-chart\{kpi=)([a-z0-9-]+)\}/g, (m, head: string, id: string) =>
      kpis.has(id) ? `${head}${id}${suffix}}` : m,
    );
    out = out.replace(/(::chart\{id=)([a-z0-9-]+)\}/g, (m, head: string, id: string) =>
      chartIds.has(id) ? `${head}${id}${suffix}}` : m,
    );
    return out;
  });
  return `## ${title}\n\n${lines.join('\n').trim()}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [factorArg, outArg] = process.argv.slice(2);
  const rootAt = process.argv.indexOf('--root');
  const root = path.resolve(rootAt > 0 ? (process.argv[rootAt + 1] ?? '.') : '.');
  if (!factorArg || !outArg) {
    process.stderr.write('Usage: tsx scripts/bench/scale.ts <factor> <out-folder> [--root <strategy>]\n');
    process.exit(2);
  }
  const made = makeScaledStrategy(root, Number(factorArg), path.resolve(outArg));
  process.stdout.write(`${JSON.stringify(made)}\n`);
}
