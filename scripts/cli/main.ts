/**
 * The `strategy` command: build, check, dev, diff and init. Exit codes: 0 success; 1 content or data
 * errors (all of them listed); 2 a usage or environment problem (a bad flag, no browser for the PDF).
 * Content mistakes never print a stack trace; `--debug` shows one for developers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EnvironmentError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, summarise, type ReportFormat } from '../diagnostics/report.js';
import { writeStepSummary } from './github-summary.js';
import { progressReporter, type ProgressMode } from './progress.js';

// Every command's modules are imported only when it runs, so `--help`, `--version` and `init` load
// none of the rendering, charting or browser code.

export const USAGE = `Usage: strategy <command> [options]

Commands:
  build        Check the strategy, then write the website and the PDF to the output folder
  check        Check every chapter and data file and list all problems; writes nothing
  dev          Serve the website on http://localhost:4000, rebuilding and reloading on every save
  diff [<ref>] What changed in the strategy since a git branch, tag or commit, by meaning, as Markdown
               for a pull request comment; default: where this branch left the default branch
  init <dir>   Start a new strategy in an empty folder, with guidance in every chapter

Options:
  --root <dir>     The strategy folder (content/, data/, optional templates/); default: current folder
  --out <dir>      The output folder; default: <root>/dist
  --no-pdf         Build the website only (no browser needed)
  --audit          Check every page with axe in Chromium at 320, 375 and 1280 px; fail on any problem
  --format <fmt>   How problems are listed: human (default), github (pull request annotations, and
                   every problem in the job summary), json. For diff: human or github (Markdown), json
  --port <n>       Port for dev (default 4000)
  --verbose        Say what each stage did, also in CI (progress shows on a terminal by default)
  --quiet          Say nothing but problems and the result
  --debug          Show stack traces (for developers)
  -v, --version    Show the version of the tool
  -h, --help       Show this help

Exit codes: 0 success, 1 problems in the content or data, 2 usage or environment problem,
70 a bug in the tool (run again with --debug and report it).`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
  /** Whether standard error is a terminal (progress lines show there). */
  tty?: boolean;
  env?: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  color: Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'],
  tty: Boolean(process.stderr.isTTY),
  env: process.env,
});

/** The tool's version, from its own package.json (two folders up, from the sources and from lib/). */
export function toolVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  return pkg.version;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'boolean', default: true },
        'no-pdf': { type: 'boolean' },
        audit: { type: 'boolean', default: false },
        format: { type: 'string', default: 'human' },
        port: { type: 'string', default: '4000' },
        debug: { type: 'boolean' },
        verbose: { type: 'boolean' },
        quiet: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    debug = values.debug === true;
    const env = io.env ?? process.env;
    if (values.version) {
      io.out(toolVersion());
      return 0;
    }
    const command = positionals[0];
    if (values.help || !command) {
      (values.help ? io.out : io.err)(USAGE);
      return values.help ? 0 : 2;
    }
    const format = values.format as ReportFormat;
    if (!['human', 'github', 'json'].includes(format))
      throw new UsageError(`--format must be human, github or json, not "${values.format}".`);
    if (values.quiet && values.verbose) throw new UsageError('Use --quiet or --verbose, not both.');
    const mode: ProgressMode = values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'auto';
    const onStage = progressReporter({ mode, tty: io.tty === true, env, write: io.err });
    const root = path.resolve(values.root ?? '.');
    if (command !== 'init' && !fs.existsSync(path.join(root, 'content')) && !fs.existsSync(path.join(root, 'data'))) {
      throw new EnvironmentError(
        `${root} is not a strategy folder: it has no content/ or data/.`,
        'Run the command in the strategy folder, pass --root <folder>, or start one with `strategy init <folder>`.',
      );
    }
    const report = (ds: Diagnostic[]) => {
      if (format === 'human') {
        if (ds.length) io.err(formatDiagnostics(ds, 'human', { color: io.color }));
        else io.err(summarise(ds));
      } else {
        // Annotations name files from the repository's top, where the pull request's paths start.
        const rel = path.relative(process.cwd(), root).split(path.sep).join('/');
        const inside = rel && !rel.startsWith('..') ? rel : undefined;
        io.out(formatDiagnostics(ds, format, inside ? { color: false, root: inside } : { color: false }));
        // GitHub shows ten annotations of each kind per step; the job summary lists every problem.
        if (format === 'github')
          writeStepSummary(ds, {
            env,
            ...(inside ? { root: inside } : {}),
            title: command === 'build' ? 'Strategy build' : 'Strategy check',
          });
      }
    };
    switch (command) {
      case 'check': {
        const [{ check }, { createRenderCache, RENDER_CACHE_DIR }] = await Promise.all([
          import('../build.js'),
          import('../render/document.js'),
        ]);
        // Rendered chapters are kept in the tool's cache, so a check again renders only what changed.
        const cache = createRenderCache({ dir: RENDER_CACHE_DIR });
        const result = await check({ root, cache, ...(onStage ? { onStage } : {}) });
        report(result.diagnostics);
        return result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
      }
      case 'build': {
        const [{ build }, { createRenderCache, RENDER_CACHE_DIR }] = await Promise.all([
          import('../build.js'),
          import('../render/document.js'),
        ]);
        const pdf = values['no-pdf'] ? false : values.pdf;
        const started = performance.now();
        if (onStage)
          io.err(
            `Building the strategy in ${path.relative(process.cwd(), root) || '.'}${pdf ? '' : ' (website only)'}…`,
          );
        const result = await build({
          root,
          pdf,
          audit: values.audit === true,
          // As for check: rendered chapters kept in the tool's cache, so a build renders only what changed.
          cache: createRenderCache({ dir: RENDER_CACHE_DIR }),
          ...(values.out ? { out: path.resolve(values.out) } : {}),
          ...(onStage ? { onStage } : {}),
        });
        report(result.diagnostics);
        if (!result.ok) {
          io.err('Nothing was published: fix the errors above and build again. The previous output is unchanged.');
          return 1;
        }
        io.err(
          `Built ${path.relative(process.cwd(), result.out) || '.'}/ in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.files.length} pages${pdf ? ' and the PDF' : ''}.`,
        );
        return 0;
      }
      case 'dev': {
        const { serve } = await import('../dev/server.js');
        const port = Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
        await serve({ root, port, log: io.err, report });
        return 0;
      }
      case 'diff': {
        if (positionals.length > 2)
          throw new UsageError('Give one git ref to compare with, e.g. `strategy diff main`.');
        const { diffStrategy, formatDiffJson, formatDiffMarkdown } = await import('../diff/index.js');
        const result = await diffStrategy({ root, env, ...(positionals[1] ? { ref: positionals[1] } : {}) });
        io.out(format === 'json' ? formatDiffJson(result) : formatDiffMarkdown(result));
        return 0;
      }
      case 'init': {
        const dir = positionals[1];
        if (!dir) throw new UsageError('Say where to start the new strategy: strategy init <folder>.');
        const { initStrategy } = await import('../init/scaffold.js');
        const { written } = initStrategy(path.resolve(dir));
        io.err(
          `Started a new strategy in ${dir}: ${written.length} files. Next: edit the chapters in ${dir}/content and the data in ${dir}/data, then run \`npx strategy check --root ${dir}\`.`,
        );
        return 0;
      }
      default:
        throw new UsageError(`There is no command "${command}". Use build, check, dev, diff or init.`);
    }
  } catch (err) {
    if (err instanceof EnvironmentError || err instanceof UsageError) {
      io.err(
        `${err.message}\n${err instanceof EnvironmentError ? err.hint : 'Run `strategy --help` to see the commands and options.'}`,
      );
      if (debug) io.err(err.stack ?? '');
      return 2;
    }
    const machine = machineProblem(err);
    if (machine) {
      io.err(machine);
      if (debug) io.err((err as Error).stack ?? '');
      return 2;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${err.message}\nRun \`strategy --help\` to see the commands and options.`);
      return 2;
    }
    io.err(
      `The tool failed unexpectedly: ${(err as Error).message}\nThis is a bug in the tool, not in your strategy. Please report it with the output of the same command run with --debug.`,
    );
    if (debug) io.err((err as Error).stack ?? '');
    return 70;
  }
}

class UsageError extends Error {}

const MACHINE: Record<string, string> = {
  ENOSPC: 'The disk is full',
  EDQUOT: 'The disk quota is used up',
  EACCES: 'Permission was refused',
  EPERM: 'The operation was not permitted',
  EROFS: 'The disk is read-only',
  EMFILE: 'Too many files are open',
  ENFILE: 'Too many files are open',
};

/** A plain message for a file-system failure of the machine (exit 2), or undefined for anything else. */
function machineProblem(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  const what = typeof e?.code === 'string' ? MACHINE[e.code] : undefined;
  if (!what) return undefined;
  const where = e.path ? ` while writing or reading ${path.relative(process.cwd(), e.path) || '.'}` : '';
  return `${what}${where}. Nothing was published and the previous output is unchanged.\nFree some space or fix the folder's permissions (or choose another folder with --out), then run the command again.`;
}
