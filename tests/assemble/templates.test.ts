/**
 * The templates are loaded on every build, and the dev server builds on every save: unchanged templates
 * are reused as loaded (compiled functions included), and any change to the strategy's templates/
 * folder (an edit, a new override, a removed one) loads them afresh.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, loadTemplates } from '../../scripts/assemble/templates.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('templates loaded again', () => {
  it('are the same while templates/ is unchanged, and follow every change to it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-templates-'));
    made.push(root);
    const context = { site: { title: 'T' }, meta: { title: 'M' }, nav: [] };
    const first = loadTemplates(root);
    expect(loadTemplates(root)).toBe(first);
    const builtIn = first.render('search', context);

    // A new override of a partial.
    const footer = path.join(root, 'templates', 'partials', 'footer.hbs');
    fs.mkdirSync(path.dirname(footer), { recursive: true });
    fs.writeFileSync(footer, '<footer>Our own footer, version one</footer>');
    const second = loadTemplates(root);
    expect(second).not.toBe(first);
    expect(second.render('search', context)).toContain('Our own footer, version one');
    expect(loadTemplates(root)).toBe(second);

    // The override edited.
    fs.writeFileSync(footer, '<footer>Our own footer, version two</footer>');
    expect(loadTemplates(root).render('search', context)).toContain('Our own footer, version two');

    // The override removed: the built-in partial again.
    fs.rmSync(footer);
    expect(loadTemplates(root).render('search', context)).toBe(builtIn);
    expect(fs.existsSync(path.join(BUILTIN_TEMPLATES, 'partials', 'footer.hbs'))).toBe(true);
  });
});
