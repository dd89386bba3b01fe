/**
 * Stage 6 of the pipeline, emit (website): pages, stylesheets, images and open data written into the
 * output folder. GOV.UK Frontend's stylesheet is used without the GDS Transport font (licensed for
 * GOV.UK only) and without the crown crest, so a council's own site may publish it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { OutputPage } from '../assemble/pages.js';
import type { Templates } from '../assemble/templates.js';
import type { OutputFolder } from './output-folder.js';
import { BUILTIN_TEMPLATES } from '../assemble/templates.js';
import { sitemapXml } from './site-files.js';

const require = createRequire(import.meta.url);

let govukCss: string | undefined;
/** GOV.UK Frontend's compiled CSS, with the font faces and crest image removed. */
export function govukStylesheet(): string {
  if (govukCss === undefined) {
    const file = require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css');
    govukCss = fs
      .readFileSync(file, 'utf8')
      .replace(/@font-face\{[^}]*\}/g, '')
      .replace(/url\(\/assets\/images\/govuk-crest\.svg\)/g, 'none')
      .replace(/"GDS Transport",/g, '')
      .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
  }
  return govukCss;
}

export const SITE_ASSETS = ['site.css', 'print.css', 'plan.css', 'dev-reload.js'] as const;

/** The site's script is always the built-in one: a strategy's own templates/ may restyle, never run code. */
const BUILTIN_SCRIPT = path.join(BUILTIN_TEMPLATES, 'assets', 'site.js');

/**
 * The stylesheets, script, favicon and the chapters' images: all the print document links to, so the
 * build writes these first and prints while the pages are assembled.
 */
export function emitSiteAssets(
  out: Pick<OutputFolder, 'write' | 'copy'>,
  templates: Templates,
  root: string,
  images: string[],
  opts: { devReload?: boolean } = {},
): void {
  out.write('assets/govuk-frontend.min.css', govukStylesheet());
  for (const asset of SITE_ASSETS) {
    if (asset === 'dev-reload.js' && !opts.devReload) continue;
    out.write(`assets/${asset}`, templates.asset(asset));
  }
  out.write('assets/site.js', fs.readFileSync(BUILTIN_SCRIPT));
  // The default favicon, built in for the same reason (an SVG opened on its own could run script).
  out.write('favicon.svg', fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'assets', 'favicon.svg')));
  for (const image of [...new Set(images)].sort()) out.copy(path.join(root, image), image);
}

/** The pages, the sitemap (when the site's address is known) and the open data. */
export function emitSitePages(
  out: Pick<OutputFolder, 'write'>,
  pages: OutputPage[],
  openData: Map<string, string>,
  opts: { url?: string | undefined } = {},
): void {
  for (const page of pages) out.write(page.path, page.html);
  if (opts.url)
    out.write(
      'sitemap.xml',
      sitemapXml(
        opts.url,
        pages.map((p) => p.path),
      ),
    );
  for (const [file, content] of openData) out.write(file, content);
}
