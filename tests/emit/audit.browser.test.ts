/**
 * `strategy build --audit`: axe in Chromium finds a real violation in a written page and nothing in a
 * clean one, and a finding becomes a build error naming the page, the width and the rule.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../scripts/emit/pdf.js';
import { AUDIT_WIDTHS, auditDiagnostic, auditSite } from '../../scripts/emit/audit.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-audit-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>T</title></head><body><main><h1>Title</h1>${body}</main></body></html>`;

describe('the --audit check', () => {
  it('reports a missing text alternative at every width, and nothing for a clean page', async () => {
    fs.writeFileSync(path.join(dir, 'good.html'), page('<p>Fine.</p>'));
    fs.writeFileSync(path.join(dir, 'bad.html'), page('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
    const { summary, findings } = await auditSite(browser, dir, ['good.html', 'bad.html']);
    expect(summary.pages).toBe(2);
    expect(summary.widths).toEqual(AUDIT_WIDTHS);
    expect(summary.tool).toMatch(/^axe-core \d+\.\d+\.\d+$/);
    expect(findings.map((f) => `${f.page} ${f.width} ${f.rule}`)).toEqual(
      AUDIT_WIDTHS.map((w) => `bad.html ${w} image-alt`),
    );
    const d = auditDiagnostic(findings[0]!);
    expect(d.severity).toBe('error');
    expect(d.message).toContain('bad.html at 320 px');
    expect(d.message).toContain('image-alt');
  });
});
