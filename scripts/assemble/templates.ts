/**
 * Page layout lives in Handlebars templates, so a designer can change the look without touching
 * TypeScript. A strategy's own templates/ folder overrides the built-in templates file by file.
 * Text is escaped by `{{…}}`; only HTML our pipeline produced and sanitised is passed with `{{{…}}}`.
 */
import { createHash } from 'node:crypto';
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

/** How every template and partial is compiled: missing values print as nothing; partials keep their own indentation. */
const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const;

/** Compiled templates by content key, for the dev server's rebuilds in one process. */
const compiledSpecs = new Map<string, string>();

type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/** The spec object from Handlebars' precompiled JavaScript source (an object literal of functions). */
const evaluate = (source: string): TemplateSpec => new Function(`return ${source}`)() as TemplateSpec;

/**
 * A template's compiled form, kept as Handlebars' precompiled JavaScript by a hash of everything that
 * decides it (Handlebars' version, the options, the source), in memory and in `cacheDir`: compiling
 * the templates costs more than rendering every page with them, reading them back almost nothing.
 * The folder is the tool's own (`node_modules/.cache`), never the strategy's: an entry is code, run
 * as the template, so nothing a pull request can write may be read as one.
 */
function compiledSpec(source: string, cacheDir: string | undefined): TemplateSpec {
  const key = createHash('sha256')
    .update(`handlebars@${Handlebars.VERSION}\n${JSON.stringify(COMPILE_OPTIONS)}\n`)
    .update(source)
    .digest('hex');
  const file = cacheDir ? path.join(cacheDir, `${key}.js`) : undefined;
  let kept = compiledSpecs.get(key);
  if (kept === undefined && file) {
    try {
      kept = fs.readFileSync(file, 'utf8');
    } catch {
      // Not compiled yet.
    }
  }
  if (kept !== undefined) {
    try {
      const spec = evaluate(kept);
      compiledSpecs.set(key, kept);
      return spec;
    } catch {
      // A damaged entry is compiled again.
    }
  }
  // Typed as the spec object, but without `asObject` Handlebars returns its JavaScript source.
  const fresh = String(Handlebars.precompile(source, { ...COMPILE_OPTIONS }));
  if (file && cacheDir) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, fresh);
      fs.renameSync(tmp, file);
    } catch {
      // The cache is an optimisation: a read-only folder only makes the next build slower.
    }
  }
  compiledSpecs.set(key, fresh);
  return evaluate(fresh);
}

/**
 * A template compiled on first use, as `Handlebars.compile` makes it (so a syntax error still surfaces
 * when the template is rendered, in the same message), but from `compiledSpec`.
 */
function lazyTemplate(
  hb: typeof Handlebars,
  source: string,
  cacheDir: string | undefined,
): Handlebars.TemplateDelegate {
  let template: Handlebars.TemplateDelegate | undefined;
  return (context, options) => {
    template ??= hb.template(compiledSpec(source, cacheDir));
    return template(context, options);
  };
}

export interface TemplateOptions {
  /** The tool's cache folder for compiled templates; none keeps them in memory only. */
  cacheDir?: string | undefined;
}

/**
 * Every file the strategy's own templates/ folder holds, by path and content: what decides which file
 * each template is read from, and what it says (the built-in templates do not change while the tool runs).
 */
function ownTemplatesKey(root: string): string {
  const h = createHash('sha256').update(`${root}\0`);
  const dir = path.join(root, 'templates');
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else {
        h.update(`\0${child}\0${e.isFile() ? 'file' : 'other'}\0`);
        try {
          if (e.isFile()) h.update(fs.readFileSync(path.join(dir, child)));
          else h.update(fs.readlinkSync(path.join(dir, child)));
        } catch {
          h.update('unreadable');
        }
      }
    }
  };
  walk('');
  return h.digest('hex');
}

/**
 * The templates last loaded, by their folder's content: the dev server loads them on every save, and
 * unchanged templates keep their compiled functions instead of being looked up and evaluated again.
 */
let lastLoaded: { key: string; templates: Templates } | undefined;

export function loadTemplates(root: string, options: TemplateOptions = {}): Templates {
  const key = `${options.cacheDir ?? ''}\0${ownTemplatesKey(root)}`;
  if (lastLoaded?.key === key) return lastLoaded.templates;
  const templates = freshTemplates(root, options);
  lastLoaded = { key, templates };
  return templates;
}

function freshTemplates(root: string, options: TemplateOptions): Templates {
  const hb = Handlebars.create();
  const files: string[] = [];
  const partialDir = path.join(BUILTIN_TEMPLATES, 'partials');
  for (const name of fs
    .readdirSync(partialDir)
    .filter((n) => n.endsWith('.hbs'))
    .sort()) {
    const file = pick(root, `partials/${name}`);
    files.push(file);
    // Precompiled here, a partial would otherwise be compiled by the runtime with the calling template's options.
    hb.registerPartial(name.replace(/\.hbs$/, ''), lazyTemplate(hb, fs.readFileSync(file, 'utf8'), options.cacheDir));
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
        if (!files.includes(file)) files.push(file);
        try {
          t = lazyTemplate(hb, fs.readFileSync(file, 'utf8'), options.cacheDir);
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
      if (!files.includes(file)) files.push(file);
      return fs.readFileSync(file);
    },
  };
}
