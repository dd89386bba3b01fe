/**
 * Issue 10, finding 3: the template guard could be bypassed. It did not look inside `<template>` (a
 * declarative shadow root runs its scripts), it checked that a CSP existed but not what it allowed, and
 * a `<meta http-equiv="refresh">` in the print template crashed the PDF stage with exit 70. Each is now
 * an error at the line of the strategy's own template, through the real CLI (exit 1, nothing published).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { looserThanBuiltIn } from '../../scripts/assemble/guard.js';
import { CONTENT_SECURITY_POLICY } from '../../scripts/assemble/pages.js';
import { BUILTIN_TEMPLATES } from '../../scripts/assemble/templates.js';
import { main } from '../../scripts/cli/main.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

afterAll(cleanCopies);

const builtinHead = fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'partials/head.hbs'), 'utf8');

function withTemplate(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, 'templates', rel)), { recursive: true });
  fs.writeFileSync(path.join(root, 'templates', rel), text);
}

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(args, {
    out: () => undefined,
    err: (s) => {
      err += `${s}\n`;
    },
    color: false,
  });
  return { code, err };
}

describe('the Content-Security-Policy must be the built-in one or stricter', () => {
  it('accepts the built-in policy and a stricter one', () => {
    expect(looserThanBuiltIn(CONTENT_SECURITY_POLICY)).toBe('');
    expect(
      looserThanBuiltIn(
        "default-src 'none'; script-src 'none'; style-src 'self'; style-src-attr 'none'; img-src 'self'; base-uri 'none'; form-action 'none'",
      ),
    ).toBe('');
  });

  it('refuses one that allows more', () => {
    expect(
      looserThanBuiltIn(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")),
    ).toBe("script-src allows 'unsafe-inline'");
    expect(looserThanBuiltIn(`${CONTENT_SECURITY_POLICY}; script-src-elem *`)).toBe('script-src-elem allows *');
    // The built-in policy lets Pagefind compile WebAssembly ('wasm-unsafe-eval'); eval of JavaScript stays refused.
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(looserThanBuiltIn(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", "'unsafe-eval'"))).toBe(
      "script-src allows 'unsafe-eval'",
    );
    expect(looserThanBuiltIn(CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", ''))).toBe('');
    expect(looserThanBuiltIn(CONTENT_SECURITY_POLICY.replace("; base-uri 'none'", ''))).toBe('base-uri is not limited');
    expect(looserThanBuiltIn('default-src *')).not.toBe('');
  });
});

describe('a strategy’s own templates, parsed as a browser parses them', () => {
  it('a declarative shadow root, a weaker CSP and a <base> are errors at their lines; exit 1, nothing published', async () => {
    const root = copyExample();
    const head = builtinHead
      .replace('content="{{site.csp}}"', `content="default-src 'self'; script-src 'self' 'unsafe-inline'"`)
      .concat('<base href="https://evil.example/">\n');
    withTemplate(root, 'partials/head.hbs', head);
    withTemplate(
      root,
      'partials/footer.hbs',
      `${fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'partials/footer.hbs'), 'utf8')}\n<div><template shadowrootmode="open"><img src="x" onerror="alert(1)"><script>alert(2)</script></template></div>\n`,
    );
    const out = path.join(root, '..', 'site');
    const { code, err } = await cli(['build', '--no-pdf', '--root', root, '--out', out]);
    expect(code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    const result = await build({ root, out, pdf: false });
    const unsafe = result.diagnostics.filter((d) => d.ruleId === 'template/unsafe');
    const headLines = head.split('\n');
    const footerLine =
      fs
        .readFileSync(path.join(root, 'templates/partials/footer.hbs'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('shadowrootmode')) + 1;
    const got = unsafe.map((d) => [
      d.file,
      d.line,
      d.message.replace(/^The page \S+ made from this template has /, ''),
    ]);
    expect(got).toEqual(
      expect.arrayContaining([
        [
          'templates/partials/head.hbs',
          headLines.findIndex((l) => l.includes('Content-Security-Policy')) + 1,
          expect.stringContaining("script-src allows 'unsafe-inline'"),
        ],
        ['templates/partials/head.hbs', headLines.findIndex((l) => l.includes('<base')) + 1, 'a <base> element.'],
        ['templates/partials/footer.hbs', footerLine, 'a declarative shadow root (<template shadowrootmode>).'],
        ['templates/partials/footer.hbs', footerLine, 'a <script> element.'],
        ['templates/partials/footer.hbs', footerLine, 'an event handler (onerror) on <img>.'],
      ]),
    );
    expect(err).toContain('templates/partials/footer.hbs');
  });

  it('a CSP moved after a stylesheet no longer protects it, and is refused', async () => {
    const root = copyExample();
    const lines = builtinHead.split('\n');
    const csp = lines.find((l) => l.includes('Content-Security-Policy'))!;
    withTemplate(root, 'partials/head.hbs', [...lines.filter((l) => l !== csp), csp].join('\n'));
    const result = await build({ root, out: path.join(root, '..', 'site'), pdf: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringContaining('its Content-Security-Policy after other content'),
    );
  });

  it('a refresh in the print template is a diagnostic with exit 1, not a crash (exit 70)', async () => {
    const root = copyExample();
    const print = fs
      .readFileSync(path.join(BUILTIN_TEMPLATES, 'print.hbs'), 'utf8')
      .replace(
        '<meta charset="utf-8">',
        '<meta charset="utf-8">\n<meta http-equiv="refresh" content="0; url=https://evil.example/">',
      );
    withTemplate(root, 'print.hbs', print);
    const out = path.join(root, '..', 'site');
    const { code, err } = await cli(['build', '--root', root, '--out', out]);
    expect(err).not.toContain('failed unexpectedly');
    expect(code).toBe(1);
    expect(err).toMatch(/templates\/print\.hbs:5:1 .*<meta http-equiv="refresh">/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
