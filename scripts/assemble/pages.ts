/**
 * Stage 5 of the pipeline, assemble: the rendered chapters put into Handlebars page templates — the
 * home page, one page per section with previous/next links, the single-page version, the print
 * document the PDF is made from, and the accessibility statement.
 */
import type { StrategyModel } from '../model/strategy.js';
import { formatDate } from '../model/periods.js';
import type { RenderedDocument } from '../render/document.js';
import type { RenderedChapter } from '../render/markdown/chapter.js';
import { chapterHtml, pageHref } from './links.js';
import type { Templates } from './templates.js';
import { siteChapterHtml } from './chapter-html.js';
import { dashboardHref, kpiCards, latestPeriod, priorityAnchor, priorityHref, statusCounts } from './dashboard.js';
import type { SiteExtras } from './site-extras.js';
import { OPEN_DATA_FILES } from '../model/open-data.js';
import { planOnAPageHtml } from '../render/blocks/plan-on-a-page.js';

export interface OutputPage {
  /** Path inside the output folder, e.g. `risk-register.html`. */
  path: string;
  html: string;
  /** The template it was made from, e.g. `section`, for messages about a strategy's own templates. */
  template: string;
}

/** The PDF's file name, from the title: `community-safety-strategy-2027-2031.pdf`. */
export function pdfFileName(model: StrategyModel): string {
  return `${
    model.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'strategy'
  }.pdf`;
}

/** The plan on a page: a site page and a one-page PDF beside the strategy's. */
export const PLAN_PAGE = 'plan-on-a-page.html';
export const PLAN_PDF = 'plan-on-a-page.pdf';

/**
 * Content-Security-Policy for every site page: nothing but the site's own files; no inline script; no
 * plugins, frames or forms. Inline style attributes are allowed for the SVG charts only need them.
 * WebAssembly may be compiled (not eval'd script) for the search index, which Pagefind ships as WASM.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

const STATUS_LABEL: Record<string, string> = { draft: 'Draft', consultation: 'Consultation draft', adopted: 'Adopted' };

export interface AssembleOptions {
  /** Adds the live-reload script (dev server only). */
  devReload?: boolean;
  /** Page numbers of anchors in the PDF, once known (second pass). */
  pageNumbers?: Map<string, number>;
  /** What `strategy build --audit` checked, for the accessibility statement (absent when not run). */
  audit?: AuditSummary;
  /** Labels of the downloads with their format and size, e.g. "PDF, 2.4 MB, 72 pages". */
  downloads?: Map<string, string>;
}

export interface AuditSummary {
  tool: string;
  pages: number;
  widths: number[];
  rules: string[];
}

export function siteContext(model: StrategyModel, opts: AssembleOptions) {
  const p = model.data.partnership;
  const latestApproval = p?.approvals.at(-1);
  return {
    lang: p?.language ?? 'en-GB',
    title: model.title,
    partnership: model.partnershipName,
    area: p?.area.name ?? '',
    periodLabel: model.periodLabel,
    status: p?.status ?? 'draft',
    statusLabel: STATUS_LABEL[p?.status ?? 'draft'],
    isDraft: p?.status !== 'adopted',
    version: p?.version ?? '',
    editionDate: p ? formatDate(p.build.date) : '',
    approval: latestApproval
      ? { body: latestApproval.body, date: formatDate(latestApproval.date), decision: latestApproval.decision ?? '' }
      : undefined,
    approvals: (p?.approvals ?? []).map((a) => ({
      body: a.body,
      date: formatDate(a.date),
      decision: a.decision ?? '',
    })),
    authorities: (p?.responsible_authorities ?? []).map((a) => a.name),
    contact: p?.contact,
    pdfHref: pdfFileName(model),
    planHref: PLAN_PAGE,
    planPdfHref: PLAN_PDF,
    csp: CONTENT_SECURITY_POLICY,
    devReload: opts.devReload === true,
    openData: OPEN_DATA_FILES.map((f) => ({ ...f, size: opts.downloads?.get(f.file) })),
    pdfSize: opts.downloads?.get(pdfFileName(model)),
    ogLocale: (p?.language ?? 'en-GB').replace('-', '_'),
    url: p?.site?.url ? (p.site.url.endsWith('/') ? p.site.url : `${p.site.url}/`) : undefined,
  };
}

function navFor(doc: RenderedDocument, current?: string) {
  return doc.chapters.map((c) => ({
    label: c.label,
    isAppendix: c.isAppendix,
    title: c.title,
    href: pageHref(c.id),
    summary: c.summary,
    current: c.id === current,
  }));
}

function headingsOf(c: RenderedChapter, depth: number, pageNumbers?: Map<string, number>) {
  return c.anchors
    .filter((a) => a.kind === 'heading' && a.depth === depth)
    .map((a) => ({ number: a.number, title: a.title, id: a.id, page: pageNumbers?.get(a.id) }));
}

export interface SitePageOptions extends AssembleOptions {
  /** Sparklines and each priority's blocks, drawn before assembly (`renderSiteExtras`). */
  extras?: SiteExtras;
}

/** A page's description for search engines and sharing: its own text, cut at a word near 160 characters. */
export function describe(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= 160) return clean;
  const cut = clean.slice(0, 157);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100)).replace(/[,;:.]$/, '')}…`;
}

const meta = (path: string, description: string, title: string) => ({
  path,
  description: describe(description),
  title,
});

/** Every id a page's HTML defines, for links to a KPI's definition. */
const idsIn = (html: string): string[] => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

export function assembleSite(
  model: StrategyModel,
  doc: RenderedDocument,
  templates: Templates,
  opts: SitePageOptions = {},
): OutputPage[] {
  const site = siteContext(model, opts);
  const pages: OutputPage[] = [];
  const nav = navFor(doc);
  const priorityLinks = model.priorities.map((p) => priorityHref(p.id));
  const chapterPages = doc.chapters.map((c) => ({
    c,
    html: siteChapterHtml(c, doc.index, 'page', { priorityLinks }),
  }));
  // Where each KPI is defined (the first chapter with its anchor), for the dashboard's "more about this KPI".
  const kpiHrefs = new Map<string, string>();
  for (const { c, html } of chapterPages)
    for (const id of idsIn(html))
      if (id.startsWith('kpi-') && model.kpiById.has(id.slice(4)) && !kpiHrefs.has(id.slice(4)))
        kpiHrefs.set(id.slice(4), `${pageHref(c.id)}#${id}`);
  const cards = kpiCards(model, opts.extras?.sparklines ?? new Map(), kpiHrefs);
  const counts = statusCounts(cards);
  const priorities = model.priorities.map((p, i) => ({
    number: i + 1,
    id: p.id,
    title: p.title,
    summary: p.summary,
    href: priorityHref(p.id),
    anchor: priorityAnchor(p.id),
  }));
  const ragCounts = { green: 0, amber: 0, red: 0, grey: 0 };
  for (const r of model.rag.values()) ragCounts[r.status]++;
  const delivery = doc.chapters.find((c) => c.label === '6');
  const deliveryHref = delivery ? pageHref(delivery.id) : undefined;
  const lastUpdated = latestPeriod(model);
  const home = meta(
    'index.html',
    `${model.title}: how the ${model.partnershipName} partners work together to reduce crime and disorder, tackle substance misuse, reduce re-offending and prevent serious violence, ${model.periodLabel}.`,
    model.title,
  );
  pages.push({
    path: 'index.html',
    template: 'home',
    html: templates.render('home', {
      site,
      meta: home,
      nav,
      priorities,
      ragCounts,
      counts,
      kpiCount: model.kpis.length,
      deliveryHref,
      dashboardHref,
      lastUpdated,
    }),
  });
  chapterPages.forEach(({ c, html }, i) => {
    const prev = doc.chapters[i - 1];
    const next = doc.chapters[i + 1];
    const link = (x: RenderedChapter | undefined) =>
      x ? { href: pageHref(x.id), label: x.label, title: x.title, isAppendix: x.isAppendix } : undefined;
    pages.push({
      path: pageHref(c.id),
      template: 'section',
      html: templates.render('section', {
        site,
        meta: meta(pageHref(c.id), c.summary || `${c.title}: section ${c.label} of the ${model.title}.`, c.title),
        nav: navFor(doc, c.id),
        page: {
          label: c.label,
          isAppendix: c.isAppendix,
          title: c.title,
          id: c.id,
          html,
          headings: headingsOf(c, 2),
          prev: link(prev),
          next: link(next),
        },
      }),
    });
  });
  const sectionsHere = new Set(doc.chapters.map((c) => c.id));
  pages.push({
    path: 'full.html',
    template: 'single',
    html: templates.render('single', {
      site,
      meta: meta(
        'full.html',
        `The whole ${model.title} of the ${model.partnershipName} on one page, for reading through or searching.`,
        `${model.title} (single page)`,
      ),
      nav,
      chapters: doc.chapters.map((c) => ({
        label: c.label,
        isAppendix: c.isAppendix,
        title: c.title,
        id: c.id,
        html: siteChapterHtml(c, doc.index, 'single', { idSuffix: c.id, priorityLinks, sectionsHere }),
      })),
    }),
  });
  const groups = priorities.map((p) => ({
    ...p,
    cards: cards.filter((k) => k.priorityId === p.id),
    counts: statusCounts(cards.filter((k) => k.priorityId === p.id)),
  }));
  pages.push({
    path: dashboardHref,
    template: 'dashboard',
    html: templates.render('dashboard', {
      site,
      meta: meta(
        dashboardHref,
        `Latest results of the ${model.kpis.length} key performance indicators of the ${model.title}${lastUpdated ? `, up to ${lastUpdated}` : ''}, against their targets, by priority.`,
        'Performance dashboard',
      ),
      nav,
      groups,
      counts,
      kpiCount: cards.length,
      lastUpdated,
      deliveryHref,
    }),
  });
  const blocks = opts.extras?.priorityBlocks;
  const risk = doc.chapters.find((c) => c.label === '10');
  const funding = doc.chapters.find((c) => c.label === '8');
  const prioritiesChapter = doc.chapters.find((c) => c.label === '5');
  priorities.forEach((p, i) => {
    const pr = model.priorityById.get(p.id)!;
    const b = blocks?.get(p.id);
    pages.push({
      path: p.href,
      template: 'priority',
      html: templates.render('priority', {
        site,
        meta: meta(p.href, p.summary, p.title),
        nav,
        priority: {
          ...p,
          why: pr.why,
          lead: pr.lead,
          sponsor: pr.sponsor,
          cards: groups[i]!.cards,
          counts: groups[i]!.counts,
          logicModel: b?.logicModel,
          kpis: b?.kpis,
          actions: b?.actions,
          funding: b?.funding,
          prev: priorities[i - 1],
          next: priorities[i + 1],
        },
        prioritiesHref: prioritiesChapter ? pageHref(prioritiesChapter.id) : undefined,
        deliveryHref,
        riskHref: risk ? pageHref(risk.id) : undefined,
        fundingHref: funding ? pageHref(funding.id) : undefined,
        dashboardHref,
      }),
    });
  });
  pages.push({
    path: PLAN_PAGE,
    template: 'plan',
    html: templates.render('plan', {
      site,
      meta: meta(
        PLAN_PAGE,
        `The ${model.title} on one page: its priorities, KPIs and actions at a glance.`,
        'Plan on a page',
      ),
      nav,
      plan: String(planOnAPageHtml(model)),
    }),
  });
  pages.push({
    path: 'accessibility.html',
    template: 'accessibility',
    html: templates.render('accessibility', {
      site,
      meta: meta(
        'accessibility.html',
        `How accessible the ${model.title} website is, what we know is not yet accessible, how we tested it and how to ask for another format.`,
        'Accessibility statement',
      ),
      nav,
      audit: opts.audit,
    }),
  });
  pages.push({
    path: 'search.html',
    template: 'search',
    html: templates.render('search', {
      site,
      meta: meta('search.html', `Search the ${model.title}: every section, priority and KPI.`, 'Search'),
      nav,
    }),
  });
  pages.push({
    path: '404.html',
    template: 'not-found',
    html: templates.render('not-found', {
      site,
      meta: meta(
        '404.html',
        `This page of the ${model.title} was not found: check the address, or start from the contents.`,
        'Page not found',
      ),
      nav,
      noindex: true,
    }),
  });
  return pages;
}

/**
 * A CSS string literal for generated page rules: everything but plain letters, digits and common
 * punctuation is written as a hex escape, so no title can close the string or the style element.
 */
export function cssString(text: string): string {
  return `"${[...text].map((ch) => (/[A-Za-z0-9 ,.:;!?'()-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/** Page numbers still unknown (the first pass) print as this, two digits wide like most real ones. */
export const PAGE_PLACEHOLDER = '00';

/**
 * The named pages of the PDF: each section's pages carry its number and title in the running head,
 * a wide table or diagram in a section gets a landscape page with the same head, and every page from
 * the contents on has the partnership and title in the footer (the page count is in print.css).
 */
export function printPageStyles(model: StrategyModel, doc: RenderedDocument): string {
  const rules = [
    `@page { @bottom-left { content: ${cssString(`${model.partnershipName} · ${model.title}`)}; } }`,
    '.print-front { page: front; }',
  ];
  doc.chapters.forEach((c, i) => {
    const head = `@top-left { content: ${cssString(`${c.isAppendix ? 'Appendix ' : ''}${c.label}\u2002${c.title}`)}; } @top-right { content: ${cssString(model.title)}; }`;
    rules.push(
      `@page s${i} { ${head} }`,
      `@page s${i}-wide { size: A4 landscape; ${head} }`,
      `.print-page-${i} { page: s${i}; }`,
      `.print-page-${i} .print-landscape { page: s${i}-wide; }`,
    );
  });
  return rules.join('\n');
}

/** The one-page PDF: the plan on a page on an A4 landscape sheet. */
export function assemblePlanPrint(model: StrategyModel, templates: Templates): string {
  return templates.render('plan-print', { site: siteContext(model, {}), plan: String(planOnAPageHtml(model)) });
}

/** The document the PDF is printed from: cover, contents (true page numbers once known), about, sections. */
export function assemblePrint(
  model: StrategyModel,
  doc: RenderedDocument,
  templates: Templates,
  opts: AssembleOptions = {},
): string {
  const site = siteContext(model, opts);
  const page = (id: string) => (opts.pageNumbers ? opts.pageNumbers.get(id) : PAGE_PLACEHOLDER);
  const contents = doc.chapters.map((c) => ({
    label: c.label,
    isAppendix: c.isAppendix,
    title: c.title,
    id: c.id,
    page: page(c.id),
    headings: headingsOf(c, 2).map((h) => ({ ...h, page: page(h.id) })),
  }));
  return templates.render('print', {
    site,
    contents,
    hasPageNumbers: opts.pageNumbers !== undefined,
    print: {
      pageStyles: printPageStyles(model, doc),
      aboutPage: page('about-this-document'),
      planPage: page('plan-on-a-page'),
      planPdf: PLAN_PDF,
      plan: String(planOnAPageHtml(model, { headingLevel: 3 })),
    },
    chapters: doc.chapters.map((c) => ({
      label: c.label,
      isAppendix: c.isAppendix,
      title: c.title,
      id: c.id,
      html: chapterHtml(c, doc.index, 'print', opts.pageNumbers ? { pageNumbers: opts.pageNumbers } : {}),
    })),
  });
}
