/**
 * The template guard checks the pages a strategy's own templates make. A strategy holding an exact copy
 * of the built-in templates has none of its own (its pages are the built-in templates' pages), and a
 * page found safe is not parsed again while its bytes stay the same (the dev server checks on every
 * save); a page with a problem is reported every time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTemplatePages, templatesSameAsBuiltIn } from '../../scripts/assemble/guard.js';
import { CONTENT_SECURITY_POLICY } from '../../scripts/assemble/pages.js';
import { BUILTIN_TEMPLATES } from '../../scripts/assemble/templates.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function strategyWithCopiedTemplates(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-guard-'));
  made.push(root);
  fs.cpSync(BUILTIN_TEMPLATES, path.join(root, 'templates'), { recursive: true });
  return root;
}

describe('templates that are a copy of the built-in ones', () => {
  it('count as built-in only while every template is byte for byte the same', () => {
    const root = strategyWithCopiedTemplates();
    expect(templatesSameAsBuiltIn(root)).toBe(true);
    const head = path.join(root, 'templates', 'partials', 'head.hbs');
    const original = fs.readFileSync(head, 'utf8');
    fs.writeFileSync(head, `${original} `);
    expect(templatesSameAsBuiltIn(root)).toBe(false);
    fs.writeFileSync(head, original);
    expect(templatesSameAsBuiltIn(root)).toBe(true);
    // A template of its own, even one the tool does not use by that name.
    fs.writeFileSync(path.join(root, 'templates', 'extra.hbs'), '<p>hello</p>');
    expect(templatesSameAsBuiltIn(root)).toBe(false);
    fs.rmSync(path.join(root, 'templates', 'extra.hbs'));
    // A link to the built-in file is not the file.
    fs.rmSync(head);
    fs.symlinkSync(path.join(BUILTIN_TEMPLATES, 'partials', 'head.hbs'), head);
    expect(templatesSameAsBuiltIn(root)).toBe(false);
  });

  it('are not checked, while a changed copy is', () => {
    const root = strategyWithCopiedTemplates();
    const unsafe = {
      page: {
        path: 'index.html',
        template: 'home',
        html: `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><title>x</title></head><body><script>alert(1)</script></body></html>`,
      },
      template: 'home',
      site: true,
    };
    expect(checkTemplatePages([unsafe], { devReload: false, root })).toEqual([]);
    fs.appendFileSync(path.join(root, 'templates', 'home.hbs'), '\n');
    const found = checkTemplatePages([unsafe], { devReload: false, root });
    expect(found.map((d) => d.ruleId)).toEqual(['template/unsafe']);
    expect(found[0]!.message).toContain('<script>');
  });
});

describe('pages checked again', () => {
  const head = `<head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><title>x</title></head>`;
  const page = (body: string) => ({
    page: { path: 'a.html', template: 'section', html: `<!doctype html><html>${head}<body>${body}</body></html>` },
    template: 'section',
    site: true,
  });

  it('report a problem on every check, and a page made safe is safe', () => {
    const bad = page('<iframe src="x"></iframe>');
    const good = page('<p>fine</p>');
    for (let i = 0; i < 3; i++) {
      expect(checkTemplatePages([good, bad], { devReload: false }).map((d) => d.message)).toEqual([
        expect.stringContaining('<iframe>'),
      ]);
    }
    expect(checkTemplatePages([good], { devReload: false })).toEqual([]);
    // The dev server's script is allowed only in dev: a page safe in dev is checked again for a build.
    const reload = page('<script src="assets/dev-reload.js"></script>');
    expect(checkTemplatePages([reload], { devReload: true })).toEqual([]);
    expect(checkTemplatePages([reload], { devReload: false })).toHaveLength(1);
    expect(checkTemplatePages([reload], { devReload: true })).toEqual([]);
  });
});
