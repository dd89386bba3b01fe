/**
 * The pipeline, drawn once. Every command (build, check, dev) runs these stages in this order:
 *
 *   1 load      content/*.md, data/*.yaml, CSV, data/charts, ```chart blocks -> Project, chart sources
 *               (Markdown parsed in the sandbox: a worker with a time budget and a memory cap; parsed
 *               Markdown and YAML kept by content in the tool's cache, load/parse-cache.ts)
 *   2 validate  schemas (in load), chapter structure, cross-checks     -> diagnostics
 *   3 model     years, lookups, RAG, risk ratings, money totals         -> StrategyModel
 *   4 figures   officer and inline charts checked and compiled (drawn to SVG when a block asks),
 *               in the sandbox
 *     render    each chapter through one unified pipeline (render/markdown/pipeline.ts): ids and
 *               numbers, directives -> data blocks (registry), sanitised HTML, cross-references
 *                                                                        -> RenderedDocument
 *   5 assemble  Handlebars templates: home, sections, single page, print, accessibility
 *   6 emit      site files, open data, PDF (Chromium, started at 1 so its launch overlaps the work;
 *               a cheap untagged pass for page numbers, or the last build's numbers as a guess, then
 *               the tagged print, read back to prove them; then the plan on a page)
 *                                                                        -> out/ (swapped in atomically;
 *               `dev` passes its own folder, which rewrites only the files whose bytes changed)
 *
 * Diagnostics have one channel: each stage returns them with its value (load in project.diagnostics,
 * validate and figures as lists, emit's PDF print with its result) or adds them to the one list render
 * is handed; no stage reaches back into an earlier stage's list, and a content problem is never thrown.
 * `check` reports them all; `build` refuses to write anything when there is an error, and the previous
 * output stays as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { compareDiagnostics } from './diagnostics/diagnostic.js';
import { chartFileNames, readCharts, readInlineCharts } from './load/chart.js';
import { loadProject, type Project } from './load/project.js';
import { chaptersNeedSandbox, parseChapters } from './load/parse-chapters.js';
import { PARSE_CACHE_DIR, useParseCacheDir } from './load/parse-cache.js';
import { warmSandbox } from './util/sandbox/pool.js';
import { buildModel, type StrategyModel } from './model/strategy.js';
import { renderDocument, type RenderCache, type RenderedDocument } from './render/document.js';
import { CACHE_DIR } from './figures/index.js';
import { checkChartsCached, checkInlineChartsCached } from './figures/vega-lite/checked.js';
import { chartDownloads, placedChartIds, softenUnused } from './figures/vega-lite/usage.js';
import { checkChapters } from './validate/chapters.js';
import { validateProject } from './validate/index.js';
import { pdfPageCount, type SearchIndexer } from './emit/site-files.js';
import type { BrowserHandle, PdfJob } from './emit/pdf.js';

/**
 * Stages 5 and 6 are loaded only by `build`, so `check`, `--help` and `--version` never load
 * Handlebars, the HTML parser or the search indexer; the PDF's modules (puppeteer, pdf-lib, axe) load
 * only when a browser is started (tests/cli/lazy-modules.test.ts holds this).
 */
const writingStages = async () => {
  const [pages, extras, templates, guard, siteFiles, openData, folder, site] = await Promise.all([
    import('./assemble/pages.js'),
    import('./assemble/site-extras.js'),
    import('./assemble/templates.js'),
    import('./assemble/guard.js'),
    import('./emit/site-files.js'),
    import('./emit/open-data.js'),
    import('./emit/output-folder.js'),
    import('./emit/site.js'),
    // Loaded now, while the chapters are read, so that Pagefind starts at once when the pages are assembled.
    import('pagefind'),
  ]);
  return { ...pages, ...extras, ...templates, ...guard, ...siteFiles, ...openData, ...folder, ...site };
};
const printingStages = async () => {
  const [pdf, finish, audit, guess] = await Promise.all([
    import('./emit/pdf.js'),
    import('./emit/pdf-finish.js'),
    import('./emit/audit.js'),
    import('./emit/page-guess.js'),
  ]);
  return { ...pdf, ...finish, ...audit, ...guess };
};

export interface BuildOptions {
  /** The strategy folder: content/, data/ and optional templates/. */
  root: string;
  /** The output folder; default `<root>/dist`. */
  out?: string;
  /** Make the PDF (default true). */
  pdf?: boolean;
  /** Keep rendered charts in the tool's disk cache between runs (default true); never in the strategy folder. */
  diskCache?: boolean;
  /** Add the dev server's live-reload script. */
  devReload?: boolean;
  /** Called as each stage ends, for progress and the benchmark; `detail` counts what it made (charts, PDF pages). */
  onStage?: (stage: string, ms: number, detail?: string) => void;
  /** Rendered chapters kept between builds (the dev server), so an edit re-renders only what changed. */
  cache?: RenderCache;
  /** Check every written page with axe in Chromium; a violation fails the build. */
  audit?: boolean;
  /**
   * Index the pages for search before the output is swapped in (default true). The dev server indexes
   * after the page has reloaded instead, so a save is not kept waiting for the indexer.
   */
  searchIndex?: boolean;
  /**
   * Where stage 6 writes, instead of a fresh folder swapped in whole (emit/output-folder.ts): the dev
   * server's folder that rewrites only the files whose bytes changed (dev/in-place-folder.ts).
   */
  outputFolder?: () => OutputFolderLike;
}

/** What stage 6 needs of an output folder. */
export type OutputFolderLike = Pick<
  import('./emit/output-folder.js').OutputFolder,
  'temp' | 'write' | 'copy' | 'remove' | 'commit' | 'abort'
>;

export interface CheckResult {
  project: Project;
  model: StrategyModel;
  document: RenderedDocument;
  diagnostics: Diagnostic[];
  /** Whole data tables of charts whose tables are cut, as CSV files for the site (path -> text). */
  downloads: Map<string, string>;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  out: string;
  /** Files written, relative to `out`, when ok. */
  files: string[];
}

const timer = (onStage?: BuildOptions['onStage']) => {
  let last = performance.now();
  return (stage: string, detail?: string) => {
    const now = performance.now();
    onStage?.(stage, now - last, detail);
    last = now;
  };
};

/** Stages 1–4: everything but writing. `strategy check` is exactly this. */
export async function check(
  options: Pick<BuildOptions, 'root' | 'diskCache' | 'onStage' | 'cache'>,
): Promise<CheckResult> {
  const lap = timer(options.onStage);
  // 1 load
  // Parsed chapters and YAML are kept by content in the tool's cache; a worker starts only for a chapter not kept.
  useParseCacheDir(options.diskCache === false ? false : PARSE_CACHE_DIR);
  if (chaptersNeedSandbox(options.root)) warmSandbox();
  const project = await parseChapters(loadProject(options.root));
  const chartSources = readCharts(project);
  const inlineSources = readInlineCharts(project);
  lap('load');
  // 2 validate
  const { ordered, diagnostics: structure } = checkChapters(project.chapters, project.failedChapters);
  const diagnostics: Diagnostic[] = [...project.diagnostics, ...structure, ...validateProject(project)];
  lap('validate');
  // 3 model
  const model = buildModel(project);
  lap('model');
  // 4 figures
  // Checks are kept by content beside the drawn charts, so Vega, Vega-Lite and Ajv load only for a new chart.
  const checks = options.diskCache === false ? undefined : path.join(path.dirname(CACHE_DIR), 'checks');
  const [officer, inline] = await Promise.all([
    checkChartsCached(chartSources, checks),
    checkInlineChartsCached(inlineSources, ordered, checks),
  ]);
  diagnostics.push(...officer.diagnostics, ...inline.diagnostics);
  lap('figures');
  // 4 render
  const charts = {
    charts: officer.charts,
    inline: inline.inline,
    cacheDir: options.diskCache === false ? (false as const) : CACHE_DIR,
  };
  const document = await renderDocument(project, model, ordered, charts, diagnostics, options.cache);
  lap('render');
  // A chart file no chapter places only warns: it is not published.
  const placed = placedChartIds(project.chapters.map((c) => c.body));
  const all = softenUnused(diagnostics, chartSources, placed, chartFileNames(project.root)).sort(compareDiagnostics);
  const downloads = chartDownloads(
    [...officer.charts.values(), ...[...inline.inline.values()].flat()],
    new Set([...placed, ...[...inline.inline.values()].flat().flatMap((c) => (c ? [c.id] : []))]),
  );
  return { project, model, document, diagnostics: all, downloads };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The one page counter (stage 6), also for tests of the CLI's progress report. */
export { pdfPageCount };

/** Stages 1–6. Writes nothing unless every stage succeeded. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // The browser starts now, so its launch overlaps loading and rendering; it is closed on every path.
  const browser =
    options.pdf !== false || options.audit === true ? (await import('./emit/pdf.js')).startBrowser() : undefined;
  // The search indexer, once started, is likewise stopped on every path.
  const search: { indexer?: SearchIndexer } = {};
  try {
    return await buildWith(options, browser, search);
  } finally {
    await browser?.close();
    await search.indexer?.close();
  }
}

async function buildWith(
  options: BuildOptions,
  browser: BrowserHandle | undefined,
  search: { indexer?: SearchIndexer },
): Promise<BuildResult> {
  const lap = timer(options.onStage);
  const [checked, stages, printing] = await Promise.all([
    check(options),
    writingStages(),
    browser ? printingStages() : undefined,
  ]);
  const {
    loadTemplates,
    openDataFiles,
    downloadLabel,
    renderSiteExtras,
    assembleSite,
    assemblePrint,
    BUILTIN_TEMPLATES,
    checkTemplatePages,
    OutputFolder,
    emitSite,
    siteContext,
    pdfFileName,
    assemblePlanPrint,
    PLAN_PDF,
    startSearchIndex,
  } = stages;
  const out = path.resolve(options.out ?? path.join(checked.project.root, 'dist'));
  if (checked.diagnostics.some((d) => d.severity === 'error'))
    return { ok: false, diagnostics: checked.diagnostics, out, files: [] };
  lap('check');
  const { project, model, document } = checked;
  // Pagefind's binary starts now, while the pages are assembled and written.
  if (options.searchIndex !== false) search.indexer = await startSearchIndex();
  // 5 assemble
  const templates = loadTemplates(project.root, {
    cacheDir: options.diskCache === false ? undefined : path.join(path.dirname(CACHE_DIR), 'templates'),
  });
  const openData = openDataFiles(model);
  const downloads = new Map(
    [...openData].map(([file, content]) => [file, downloadLabel(file, Buffer.byteLength(content))]),
  );
  const extras = await renderSiteExtras(project, model, {
    charts: undefined,
    cacheDir: options.diskCache === false ? false : CACHE_DIR,
  });
  const siteOptions = { devReload: options.devReload === true, extras, downloads };
  let pages = assembleSite(model, document, templates, siteOptions);
  const print = browser && options.pdf !== false ? assemblePrint(model, document, templates, {}) : undefined;
  // A strategy's own templates arrive through pull requests like content, so their pages are checked too.
  if (
    fs.existsSync(path.join(project.root, 'templates')) &&
    path.resolve(project.root, 'templates') !== BUILTIN_TEMPLATES
  ) {
    const unsafe = checkTemplatePages(
      [
        ...pages.map((page) => ({ page, template: page.template, site: true })),
        ...(print
          ? [{ page: { path: 'the PDF', html: print, template: 'print' }, template: 'print', site: false }]
          : []),
      ],
      { devReload: options.devReload === true, root: project.root },
    );
    if (unsafe.length) return { ok: false, diagnostics: [...checked.diagnostics, ...unsafe], out, files: [] };
  }
  // The count is for the progress report only: searching every page for it costs a save in dev as much as a page.
  lap(
    'assemble',
    options.onStage
      ? plural(
          new Set(pages.flatMap((p) => [...p.html.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1])))
            .size,
          'chart',
        )
      : undefined,
  );
  // 6 emit
  const folder: OutputFolderLike = options.outputFolder?.() ?? new OutputFolder(out, project.root);
  try {
    const images = document.chapters.flatMap((c) => c.images);
    emitSite(folder, pages, templates, project.root, images, new Map([...openData, ...checked.downloads]), {
      devReload: options.devReload === true,
      url: siteContext(model, {}).url,
    });
    lap('emit site');
    if (browser && printing && print !== undefined) {
      const { printWithPageNumbers, finishPdf, printPdf, readPageGuess, keepPageGuess } = printing;
      const date = project.data.partnership?.build.date ?? '2000-01-01';
      const job: PdfJob = { dir: folder.temp, htmlFile: 'print.html', pdfFile: pdfFileName(model), date };
      const write = (pageNumbers?: Map<string, number>) => {
        const html = pageNumbers ? assemblePrint(model, document, templates, { pageNumbers }) : print;
        folder.write(job.htmlFile, html);
        return Buffer.byteLength(html);
      };
      // The plan on a page: one A4 landscape sheet (no page numbers to find). It prints after the strategy,
      // never beside it: tabs of one browser share a renderer, whose structure-element ids ("node00000422")
      // count across them, so two tagged prints at once would number the tree by how they interleaved.
      const plan = assemblePlanPrint(model, templates);
      const planJob: PdfJob = { ...job, htmlFile: 'plan-on-a-page.print.html', pdfFile: PLAN_PDF };
      folder.write(planJob.htmlFile, plan);
      const guesses = options.diskCache === false ? undefined : path.join(path.dirname(CACHE_DIR), 'page-numbers');
      const guess = guesses ? readPageGuess(guesses, project.root, job.pdfFile) : undefined;
      const printed = await printWithPageNumbers(await browser.browser(), job, write, guess);
      const planPdf = printed.pdf
        ? await printPdf(await browser.browser(), planJob, { tagged: true, htmlBytes: Buffer.byteLength(plan) })
        : undefined;
      if (!printed.pdf || !planPdf?.pdf) {
        folder.abort();
        return {
          ok: false,
          diagnostics: [...checked.diagnostics, ...printed.diagnostics, ...(planPdf?.diagnostics ?? [])],
          out,
          files: [],
        };
      }
      if (guesses) keepPageGuess(guesses, project.root, job.pdfFile, printed.pageNumbers);
      const meta = {
        title: `${model.title} – ${model.partnershipName}`,
        author: model.partnershipName,
        subject: `${model.title}: the community safety strategy of ${model.partnershipName}`,
        language: project.data.partnership?.language ?? 'en-GB',
        date,
      };
      folder.write(job.pdfFile, await finishPdf(printed.pdf, meta, printed.headings));
      folder.remove(job.htmlFile);
      const strategyPages = pdfPageCount(fs.readFileSync(path.join(folder.temp, job.pdfFile)));
      folder.write(
        planJob.pdfFile,
        await finishPdf(
          planPdf.pdf,
          { ...meta, title: `Plan on a page: ${meta.title}`, subject: `${model.title} on one page` },
          planPdf.headings,
        ),
      );
      folder.remove(planJob.htmlFile);
      lap('emit pdf', plural(strategyPages, 'page'));
      // The pages name the PDF's size and length, known only now.
      downloads.set(
        job.pdfFile,
        downloadLabel(job.pdfFile, fs.statSync(path.join(folder.temp, job.pdfFile)).size, strategyPages),
      );
      pages = assembleSite(model, document, templates, siteOptions);
      for (const page of pages) folder.write(page.path, page.html);
    }
    if (options.audit === true && browser && printing) {
      const { auditSite, auditDiagnostic } = printing;
      const { summary, findings } = await auditSite(
        await browser.browser(),
        folder.temp,
        pages.map((p) => p.path),
      );
      if (findings.length) {
        folder.abort();
        return { ok: false, diagnostics: [...checked.diagnostics, ...findings.map(auditDiagnostic)], out, files: [] };
      }
      // The statement records what was checked; only its text changes.
      pages = assembleSite(model, document, templates, { ...siteOptions, audit: summary });
      for (const page of pages.filter((p) => p.template === 'accessibility')) folder.write(page.path, page.html);
      lap('audit');
    }
    // Search runs on the finished pages in the temporary folder, before the swap.
    if (search.indexer) {
      await search.indexer.index(folder.temp);
      lap('search index');
    }
    folder.commit();
  } catch (err) {
    folder.abort();
    throw err;
  }
  return { ok: true, diagnostics: checked.diagnostics, out, files: pages.map((p) => p.path) };
}
