/**
 * Page layout lives in Handlebars templates, so a designer can change the look without touching
 * TypeScript. A strategy's own templates/ folder overrides the built-in templates file by file.
 * Text is escaped by `{{…}}`; only HTML our pipeline produced and sanitised is passed with `{{{…}}}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { EnvironmentError } from '../diagnostics/diagnostic.js';
import { resolveInside } from '../load/paths.js';

/** The package's own templates folder: the defaults. */
export const BUILTIN_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** Assets that are the tool's own code, never a strategy's: a strategy's templates/assets/ cannot replace them. */
export const BUILTIN_ONLY_ASSETS = new Set(['dev-reload.js']);

export interface Templates {
  render(name: string, context: object): string;
  /** An asset (CSS) from the override folder if it has one, else the built-in. */
  asset(name: string): Buffer;
  /** Every template and asset file used, for the dev server to watch. */
  files: string[];
}

function pick(root: string, rel: string): string {
  if (fs.existsSync(path.join(root, 'templates'))) {
    const r = resolveInside(root, 'templates', rel, { within: 'templates' });
    if (r.ok) return r.absolute;
    if (r.reason !== 'not-found')
      throw new EnvironmentError(
        `The template templates/${rel} points outside the templates/ folder, or to a hidden file.`,
        'Copy the template into templates/ instead of linking to it.',
      );
  }
  return path.join(BUILTIN_TEMPLATES, rel);
}

export function loadTemplates(root: string): Templates {
  const hb = Handlebars.create();
  const files: string[] = [];
  const partialDir = path.join(BUILTIN_TEMPLATES, 'partials');
  for (const name of fs
    .readdirSync(partialDir)
    .filter((n) => n.endsWith('.hbs'))
    .sort()) {
    const file = pick(root, `partials/${name}`);
    files.push(file);
    hb.registerPartial(name.replace(/\.hbs$/, ''), fs.readFileSync(file, 'utf8'));
  }
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('year', (date: unknown) => String(date ?? '').slice(0, 4));
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  return {
    files,
    render(name, context) {
      let t = cache.get(name);
      if (!t) {
        const file = pick(root, `${name}.hbs`);
        files.push(file);
        try {
          t = hb.compile(fs.readFileSync(file, 'utf8'), { strict: false, preventIndent: true });
        } catch (err) {
          throw new EnvironmentError(
            `The template templates/${name}.hbs cannot be read: ${(err as Error).message}`,
            'Fix the Handlebars syntax in that template, or delete it to use the built-in one.',
            { cause: err },
          );
        }
        cache.set(name, t);
      }
      try {
        return t(context);
      } catch (err) {
        throw new EnvironmentError(
          `The template ${name}.hbs failed: ${(err as Error).message}`,
          'Fix that template, or delete it to use the built-in one.',
          { cause: err },
        );
      }
    },
    asset(name) {
      const file = BUILTIN_ONLY_ASSETS.has(name)
        ? path.join(BUILTIN_TEMPLATES, 'assets', name)
        : pick(root, `assets/${name}`);
      files.push(file);
      return fs.readFileSync(file);
    },
  };
}
