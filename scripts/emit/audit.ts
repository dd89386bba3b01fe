/**
 * `strategy build --audit`: every page of the written site, in the build's temporary folder, loaded in
 * Chromium at phone and desktop widths with axe-core's WCAG 2.0/2.1/2.2 A and AA rules. A violation
 * fails the build (nothing is published); a clean run is recorded in the accessibility statement.
 * axe is read from its package only here, so builds without --audit never load it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import type { AuditSummary } from '../assemble/pages.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';

export const AUDIT_WIDTHS = [320, 375, 1280];
export const AUDIT_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AuditFinding {
  page: string;
  width: number;
  rule: string;
  help: string;
  targets: string[];
}

export async function auditSite(
  browser: Browser,
  dir: string,
  pages: string[],
): Promise<{ summary: AuditSummary; findings: AuditFinding[] }> {
  const require = createRequire(import.meta.url);
  const axeFile = require.resolve('axe-core/axe.min.js');
  const axe = fs.readFileSync(axeFile, 'utf8');
  const version = (
    JSON.parse(fs.readFileSync(path.join(path.dirname(axeFile), 'package.json'), 'utf8')) as { version: string }
  ).version;
  const findings: AuditFinding[] = [];
  for (const file of pages) {
    for (const width of AUDIT_WIDTHS) {
      const page = await browser.newPage();
      try {
        // The site's CSP forbids inline script; it is bypassed for this page only, to add axe.
        await page.setBypassCSP(true);
        await page.setViewport({ width, height: 900 });
        await page.goto(pathToFileURL(path.join(dir, file)).href, { waitUntil: 'load' });
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async (tags: string[]) => {
          const w = window as unknown as {
            axe: {
              run: (
                ctx: Document,
                opts: object,
              ) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
            };
          };
          const result = await w.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          });
          return result.violations.map((v) => ({
            id: v.id,
            help: v.help,
            targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
          }));
        }, AUDIT_TAGS);
        for (const v of violations) findings.push({ page: file, width, rule: v.id, help: v.help, targets: v.targets });
      } finally {
        await page.close();
      }
    }
  }
  return {
    summary: {
      tool: `axe-core ${version}`,
      pages: pages.length,
      widths: AUDIT_WIDTHS,
      rules: ['WCAG 2.0, 2.1 and 2.2 at levels A and AA'],
    },
    findings,
  };
}

/** A finding as a build error, against the page's template (what an officer or designer can change). */
export function auditDiagnostic(f: AuditFinding): Diagnostic {
  return diag('site/accessibility', f.page, undefined, [f.page, String(f.width), f.rule, f.help, f.targets.join('; ')]);
}
