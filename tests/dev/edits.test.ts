/**
 * `strategy dev` through its real watcher: a chapter edit renders that chapter again and rewrites only
 * its page and the single page; a KPI result renders the chapters and pages that show KPIs; after the
 * edits the served folder is byte for byte a full build of the same files; a broken edit is reported
 * at its file, line and column, and the fix is picked up without a restart. Counted, never timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { startDevServer, type RunningDevServer } from '../support/dev-server.js';
import { cleanCopies, copyExample, edit } from '../support/example-copy.js';

interface Rebuilt {
  rendered: string[];
  written: string[];
  removed: string[];
  site: string;
}

let root: string;
let server: RunningDevServer;
const rebuilt: Rebuilt[] = [];
const reports: Diagnostic[][] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-dev-edits-'));

/** Resolves when the server has reported `n` builds in all (good ones by onRebuilt, every one by report). */
async function builds(list: unknown[], n: number): Promise<void> {
  const limit = Date.now() + 300_000;
  while (list.length < n) {
    if (Date.now() > limit) throw new Error(`the dev server did not rebuild (${list.length} of ${n})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Every file of a folder by path, as bytes; left out are the search index (made after the reload) and
 * the marker `strategy build` leaves in a folder it may replace (the dev server's folder is its own).
 */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, rel);
    const posix = rel.split(path.sep).join('/');
    if (posix.startsWith('pagefind') || posix === '.strategy-build') continue;
    if (fs.statSync(full).isFile()) out.set(posix, fs.readFileSync(full));
  }
  return out;
}

async function fullBuild(): Promise<Map<string, Buffer>> {
  const out = path.join(work, `full-${Date.now()}`);
  const r = await build({ root, out, pdf: false, devReload: true, searchIndex: false });
  expect(r.ok).toBe(true);
  return files(out);
}

beforeAll(async () => {
  root = copyExample();
  server = await startDevServer({
    root,
    report: (ds) => reports.push(ds),
    onRebuilt: (what) => rebuilt.push(what),
  });
});
afterAll(async () => {
  await server.stop();
  cleanCopies();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('strategy dev: what a save renders and writes', { timeout: 600_000 }, () => {
  it('the first build writes every file', () => {
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]!.written).toContain('index.html');
    expect(rebuilt[0]!.written.length).toBeGreaterThan(20);
  });

  it('a chapter edit renders that chapter and rewrites its page and the single page only', async () => {
    const before = rebuilt.length;
    edit(root, 'content/03-partnership-context.md', /\n## /, '\nA sentence added by an officer.\n\n## ');
    await builds(rebuilt, before + 1);
    const what = rebuilt.at(-1)!;
    expect(what.rendered).toEqual(['content/03-partnership-context.md']);
    expect(what.written.filter((f) => f.endsWith('.html')).sort()).toEqual(['full.html', 'partnership-context.html']);
    expect(what.written.filter((f) => !f.endsWith('.html'))).toEqual([]);
    expect(what.removed).toEqual([]);
  });

  it('a KPI result renders the chapters that show KPIs, and no chapter without', async () => {
    const before = rebuilt.length;
    edit(root, 'data/kpi-actuals.csv', /^(sv-01,2027-28 Q1,)\d+/m, '$1640');
    await builds(rebuilt, before + 1);
    const what = rebuilt.at(-1)!;
    expect(what.rendered).toContain('content/06-delivery-plans.md');
    for (const untouched of ['content/01-executive-summary.md', 'content/03-partnership-context.md'])
      expect(what.rendered).not.toContain(untouched);
    expect(what.written).toContain('data/kpi-actuals.csv');
    expect(what.written).not.toContain('partnership-context.html');
    expect(what.written).not.toContain('executive-summary.html');
  });

  it('after the edits the served folder is a full build of the same files, byte for byte', async () => {
    expect(files(rebuilt.at(-1)!.site)).toEqual(await fullBuild());
  });

  it('a KPI target shown by a chart, the title of a section shown on every page: a full build each time', async () => {
    let before = rebuilt.length;
    edit(root, 'data/kpis.yaml', '2027-28: 590,', '2027-28: 585,');
    await builds(rebuilt, before + 1);
    expect(rebuilt.at(-1)!.rendered).toContain('content/06-delivery-plans.md');
    expect(rebuilt.at(-1)!.written).toContain('delivery-plans.html');
    expect(files(rebuilt.at(-1)!.site)).toEqual(await fullBuild());

    // An appendix's title is in every page's contents and in the cross-references of other chapters.
    before = rebuilt.length;
    edit(
      root,
      'content/11-appendix-a-horizon-scan.md',
      'title: Horizon Scan of National and Local Drivers\n',
      'title: Horizon Scan of National and Local Drivers and Outlook\n',
    );
    await builds(rebuilt, before + 1);
    const what = rebuilt.at(-1)!;
    expect(what.rendered).toContain('content/02-legal-duties.md');
    expect(what.written).toEqual(
      expect.arrayContaining(['index.html', 'legal-duties.html', 'appendix-horizon-scan.html', 'full.html']),
    );
    expect(files(what.site)).toEqual(await fullBuild());
  });

  it('a chapter added, then deleted: its page is written, then removed', async () => {
    const file = path.join(root, 'content/13-appendix-c-notes.md');
    let before = rebuilt.length;
    fs.writeFileSync(
      file,
      '---\nsection: C\ntitle: Notes\nsummary: Notes added while the strategy was drafted.\n---\n\n## A note\n\nSee [](#risk-register).\n',
    );
    await builds(rebuilt, before + 1);
    expect(rebuilt.at(-1)!.rendered).toContain('content/13-appendix-c-notes.md');
    expect(rebuilt.at(-1)!.written).toContain('appendix-c.html');
    expect(files(rebuilt.at(-1)!.site)).toEqual(await fullBuild());

    before = rebuilt.length;
    fs.rmSync(file);
    await builds(rebuilt, before + 1);
    expect(rebuilt.at(-1)!.removed).toEqual(['appendix-c.html']);
    expect(files(rebuilt.at(-1)!.site)).toEqual(await fullBuild());
  });

  it('a broken edit is reported at its file, line and column; the fix rebuilds without a restart', async () => {
    const file = path.join(root, 'data/kpis.yaml');
    const good = fs.readFileSync(file, 'utf8');
    const lines = good.split('\n');
    const at = lines.findIndex((l) => /^ {4}title: /.test(l));
    lines[at] = `${lines[at]!.replace('title:', 'title: [unclosed')}`;
    const reported = reports.length;
    fs.writeFileSync(file, lines.join('\n'));
    // On a busy machine a build may start between the save's truncate and its write (and report an
    // empty file); the save's second event builds again. Wait for the report of the saved text.
    const syntax = () =>
      reports.slice(reported).flatMap((ds) => ds.filter((d) => d.severity === 'error' && d.ruleId.startsWith('yaml/')));
    const limit = Date.now() + 300_000;
    while (syntax().length === 0 && Date.now() < limit) await new Promise((r) => setTimeout(r, 20));
    const [error] = syntax();
    expect(error).toMatchObject({ file: 'data/kpis.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(error!.line).toBeGreaterThanOrEqual(at + 1);
    expect(error!.column).toBeGreaterThanOrEqual(1);

    const good2 = rebuilt.length;
    fs.writeFileSync(file, good);
    await builds(rebuilt, good2 + 1);
    expect(files(rebuilt.at(-1)!.site)).toEqual(await fullBuild());
  });
});
