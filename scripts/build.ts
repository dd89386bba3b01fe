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
 *   5 assemble  Handlebars templates: print document first, then home, sections, single page,
 *               accessibility (while Chromium prints)
 *   6 emit      site files, open data, PDF (Chromium, started at 1 so its launch overlaps the work;
 *               a cheap untagged pass for page numbers, or the last build's numbers as a guess, then
 *               the tagged print, read back to prove them; the plan on a page beside it, in a browser
 *               context of its own); the site's pages are assembled, written and indexed for search
 *               while the PDF prints, the PDF's label (size, pages) put in when it is finished
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
import { toolCacheDir } from './util/tool-cache.js';
import { checkChartsCached, checkInlineChartsCached } from './figures/vega-lite/checked.js';
import { chartDownloads, placedChartIds, softenUnused } from './figures/vega-lite/usage.js';
import { checkChapters } from './validate/chapters.js';
import { validateProject } from './validate/index.js';
import { pdfPageCount, type SearchIndexer } from './emit/site-files.js';
import type { BrowserHandle, PdfJob } from './emit/pdf.js';
import type { OutputPage } from './assemble/pages.js';
import type { Templates } from './assemble/templates.js';
import { escapeHtml } from './util/escape.js';

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

/**
 * Reports each stage as it ends, timed from the end of the one before; a stage that ran beside another
 * (the site assembled while the PDF prints) passes its own time instead.
 */
const timer = (onStage?: BuildOptions['onStage']) => {
  let last = performance.now();
  return (stage: string, detail?: string, ms?: number) => {
    const now = performance.now();
    onStage?.(stage, ms ?? now - last, detail);
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
  const checks = options.diskCache === false ? undefined : toolCacheDir('checks');
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
    cacheDir: options.diskCache === false ? (false as const) : toolCacheDir('charts'),
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
    emitSiteAssets,
    emitSitePages,
    siteContext,
    pdfFileName,
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
  const assembling = performance.now();
  const templates = loadTemplates(project.root, {
    cacheDir: options.diskCache === false ? undefined : toolCacheDir('templates'),
  });
  const openData = openDataFiles(model);
  const downloads = new Map(
    [...openData].map(([file, content]) => [file, downloadLabel(file, Buffer.byteLength(content))]),
  );
  // The site's extras (trend lines, each priority's blocks) are drawn once the print has started.
  let extras: ReturnType<typeof renderSiteExtras> | undefined;
  const siteOptions = async () => ({
    devReload: options.devReload === true,
    extras: await (extras ??= renderSiteExtras(project, model, {
      charts: undefined,
      cacheDir: options.diskCache === false ? false : toolCacheDir('charts'),
    })),
    downloads,
  });
  // The print document is assembled first, so that Chromium prints it while the site is assembled.
  const print =
    browser && printing && options.pdf !== false ? assemblePrint(model, document, templates, {}) : undefined;
  const pdfFile = pdfFileName(model);
  // A strategy's own templates arrive through pull requests like content, so their pages are checked too,
  // all of them before anything is printed or written. With the built-in templates the pages are assembled
  // while the PDF prints, with a stand-in for the PDF's label (size and pages, known only once it is made).
  const ownTemplates =
    fs.existsSync(path.join(project.root, 'templates')) &&
    path.resolve(project.root, 'templates') !== BUILTIN_TEMPLATES;
  const assemblePages = async (label?: string) =>
    assembleSite(model, document, templates, {
      ...(await siteOptions()),
      downloads: label === undefined ? downloads : new Map([...downloads, [pdfFile, label]]),
    });
  let pages: OutputPage[] | undefined;
  if (ownTemplates) {
    pages = await assemblePages();
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
  const assembledPrint = performance.now() - assembling;
  // 6 emit
  const folder: OutputFolderLike = options.outputFolder?.() ?? new OutputFolder(out, project.root);
  // Pagefind writes into the temporary folder while the PDF prints: a build that fails waits for it
  // before removing the folder, so nothing is written there afterwards.
  let indexing: Promise<string[]> | undefined;
  const abort = async () => {
    await indexing?.catch(() => undefined);
    folder.abort();
  };
  try {
    const images = document.chapters.flatMap((c) => c.images);
    // The stylesheets and images first: the print document links to them.
    emitSiteAssets(folder, templates, project.root, images, { devReload: options.devReload === true });
    // Chromium prints while the pages are assembled: assembly starts once the print has been asked for
    // (before that, the print needs this process to load the document).
    const asked = signal();
    const printStart = performance.now();
    const printed =
      browser && printing && print !== undefined
        ? printStrategy(printing, stages, browser, folder, {
            project,
            model,
            document,
            templates,
            print,
            pdfFile,
            options,
            onPrinting: asked.fire,
          })
        : undefined;
    if (printed) {
      // Settled on every path, so that a failure below never leaves it unhandled (the browser is closed after).
      printed.then(asked.fire, asked.fire);
      await asked.fired;
    }
    const siteStart = performance.now();
    pages ??= await assemblePages(printed ? PDF_LABEL_STAND_IN : undefined);
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
      // Beside the print, this stage's own time: the print document, then the site's pages.
      printed ? assembledPrint + performance.now() - siteStart : undefined,
    );
    emitSitePages(folder, pages, new Map([...openData, ...checked.downloads]), { url: siteContext(model, {}).url });
    lap('emit site');
    // The pages are indexed for search while the PDF prints: the built-in templates keep the PDF's label
    // (its stand-in, for now) out of the index, so the index is the one the finished pages give. After
    // --audit, whose summary the accessibility statement shows, they are indexed at the end.
    indexing =
      search.indexer && printed && !ownTemplates && options.audit !== true
        ? search.indexer.index(
            folder.temp,
            pages.map((p) => p.path),
          )
        : undefined;
    indexing?.catch(() => undefined);
    if (printed) {
      const result = await printed;
      if (!result.ok) {
        await abort();
        return { ok: false, diagnostics: [...checked.diagnostics, ...result.diagnostics], out, files: [] };
      }
      lap('emit pdf', plural(result.pages, 'page'), performance.now() - printStart);
      // The pages name the PDF's size and length, known only now.
      const label = downloadLabel(pdfFile, result.bytes, result.pages);
      downloads.set(pdfFile, label);
      pages = ownTemplates ? await assemblePages() : withPdfLabel(pages, label);
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
        await abort();
        return { ok: false, diagnostics: [...checked.diagnostics, ...findings.map(auditDiagnostic)], out, files: [] };
      }
      // The statement records what was checked; only its text changes.
      pages = assembleSite(model, document, templates, { ...(await siteOptions()), audit: summary });
      for (const page of pages.filter((p) => p.template === 'accessibility')) folder.write(page.path, page.html);
      lap('audit');
    }
    // Search runs on the finished pages in the temporary folder, before the swap.
    if (search.indexer) {
      const indexStart = performance.now();
      await (indexing ?? search.indexer.index(folder.temp));
      lap('search index', undefined, indexing ? undefined : performance.now() - indexStart);
    }
    folder.commit();
  } catch (err) {
    await abort();
    throw err;
  }
  return { ok: true, diagnostics: checked.diagnostics, out, files: pages.map((p) => p.path) };
}

/**
 * Stands in for the PDF's label ("PDF, 1.8 MB, 113 pages") in pages assembled while it prints. Letters
 * and digits only, so templates print it as it is; the built-in templates show the label only as text
 * (`{{site.pdfSize}}`), so putting the label in its place gives the bytes that assembling with it gives,
 * and only inside `data-pagefind-ignore`, so the search index made meanwhile never holds it.
 */
const PDF_LABEL_STAND_IN = 'PdfLabelStandIn7d1f0c9e4b2a';

function withPdfLabel(pages: OutputPage[], label: string): OutputPage[] {
  const text = escapeHtml(label);
  return pages.map((page) => ({ ...page, html: page.html.replaceAll(PDF_LABEL_STAND_IN, text) }));
}

/** A one-off event to wait for: `fired` settles when `fire` is first called. */
function signal(): { fire: () => void; fired: Promise<void> } {
  let fire = () => {};
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

type Printing = Awaited<ReturnType<typeof printingStages>>;
type Writing = Awaited<ReturnType<typeof writingStages>>;

/**
 * Stage 6's PDFs: the strategy, with its page numbers, then the plan on a page; both finished (metadata,
 * artefacts, structure) and written into the output folder, their print documents removed.
 */
async function printStrategy(
  printing: Printing,
  writing: Pick<Writing, 'assemblePrint' | 'assemblePlanPrint' | 'PLAN_PDF'>,
  browser: BrowserHandle,
  folder: OutputFolderLike,
  input: {
    project: Project;
    model: StrategyModel;
    document: RenderedDocument;
    templates: Templates;
    print: string;
    pdfFile: string;
    options: BuildOptions;
    /** Called when Chromium has been asked for the strategy's first print (PrintOptions.onPrinting). */
    onPrinting: () => void;
  },
): Promise<{ ok: true; bytes: number; pages: number } | { ok: false; diagnostics: Diagnostic[] }> {
  const { printWithPageNumbers, finishPdf, printPdf, readPageGuess, keepPageGuess } = printing;
  const { assemblePrint, assemblePlanPrint, PLAN_PDF } = writing;
  const { project, model, document, templates, print, pdfFile, options, onPrinting } = input;
  const root = project.root;
  const date = project.data.partnership?.build.date ?? '2000-01-01';
  const job: PdfJob = { dir: folder.temp, htmlFile: 'print.html', pdfFile, date };
  const write = (pageNumbers?: Map<string, number>) => {
    const html = pageNumbers ? assemblePrint(model, document, templates, { pageNumbers }) : print;
    folder.write(job.htmlFile, html);
    return Buffer.byteLength(html);
  };
  const meta = {
    title: `${model.title} – ${model.partnershipName}`,
    author: model.partnershipName,
    subject: `${model.title}: the community safety strategy of ${model.partnershipName}`,
    language: project.data.partnership?.language ?? 'en-GB',
    date,
  };
  const chromium = await browser.browser();
  // The plan on a page: one A4 landscape sheet (no page numbers to find), printed beside the strategy and
  // finished as soon as it arrives. It prints in a browser context of its own, whose renderer is its own:
  // in one renderer, two tagged prints at once number their structure elements ("node00000422") by how
  // they interleave, so the strategy's PDF would depend on timing.
  const plan = assemblePlanPrint(model, templates);
  const planJob: PdfJob = { ...job, htmlFile: 'plan-on-a-page.print.html', pdfFile: PLAN_PDF };
  folder.write(planJob.htmlFile, plan);
  const planContext = await chromium.createBrowserContext();
  const planFinished = printPdf(chromium, planJob, {
    tagged: true,
    htmlBytes: Buffer.byteLength(plan),
    context: planContext,
  })
    .finally(() => planContext.close().catch(() => undefined))
    .then(async (planPdf) =>
      planPdf.pdf
        ? {
            pdf: await finishPdf(
              planPdf.pdf,
              { ...meta, title: `Plan on a page: ${meta.title}`, subject: `${model.title} on one page` },
              planPdf.headings,
            ),
            diagnostics: [],
          }
        : planPdf,
    );
  // Settled on every path (the strategy's print may fail first).
  planFinished.catch(() => undefined);
  const guesses = options.diskCache === false ? undefined : toolCacheDir('page-numbers');
  const guess = guesses ? readPageGuess(guesses, root, job.pdfFile) : undefined;
  const printed = await printWithPageNumbers(chromium, job, write, guess, onPrinting);
  if (!printed.pdf) {
    await planFinished.catch(() => undefined);
    return { ok: false, diagnostics: printed.diagnostics };
  }
  const finished = await finishPdf(printed.pdf, meta, printed.headings);
  const planPdf = await planFinished;
  if (!planPdf.pdf) return { ok: false, diagnostics: planPdf.diagnostics };
  if (guesses) keepPageGuess(guesses, root, job.pdfFile, printed.pageNumbers);
  folder.write(job.pdfFile, finished);
  folder.remove(job.htmlFile);
  folder.write(planJob.pdfFile, planPdf.pdf);
  folder.remove(planJob.htmlFile);
  return { ok: true, bytes: finished.byteLength, pages: pdfPageCount(finished) };
}
