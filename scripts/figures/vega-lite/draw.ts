/**
 * Drawing a Vega-Lite spec as static SVG in Node, with no browser:
 *
 *   Vega-Lite spec --compile (theme)--> Vega spec --parse (AST mode)--> dataflow --run (interpreter)--> SVG
 *
 * Expressions are never turned into JavaScript: `vega.parse(..., {ast: true})` keeps them as syntax
 * trees and vega-interpreter evaluates those trees, so there is no `Function` evaluator to escape
 * from. The loader refuses every request, so a spec can never fetch a file or a web address (data is
 * inlined by scripts/load/chart.ts before this point).
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { useArialMetrics } from '../text-metrics.js';
import { THEME } from '../theme.js';
import { readableTimeAxes } from './time-axes.js';
import { ChartSpecError } from './spec-error.js';

export { ChartSpecError } from './spec-error.js';

const refuse =
  (what: string) =>
  async (uri: string): Promise<never> => {
    throw new Error(`charts may not load anything (${what} "${uri}")`);
  };

/** A Vega loader that refuses everything: no files, no network, no images. */
export const refusingLoader: vega.Loader = {
  load: refuse('load'),
  // Vega asks to sanitise every link and image address; refusing would crash its renderer, so every
  // address becomes empty instead (specs with links or images are refused when they are loaded).
  sanitize: async () => ({ href: '' }),
  http: refuse('fetch'),
  file: refuse('read'),
};

interface CollectingLogger extends vega.LoggerInterface {
  warnings: string[];
  errors: string[];
}

function collectingLogger(): CollectingLogger {
  const warnings: string[] = [];
  const errors: string[] = [];
  const logger: CollectingLogger = {
    warnings,
    errors,
    level(): never {
      return logger as never;
    },
    error(...args: readonly unknown[]) {
      errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
      return logger;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  } as CollectingLogger;
  return logger;
}

export interface Compiled {
  vega: vega.Spec;
  /** Vega-Lite's warnings, e.g. a field dropped from a channel. */
  warnings: string[];
}

/** Compile with the one theme; the spec's own `config` is merged over it by Vega-Lite. */
export function compileSpec(spec: vl.TopLevelSpec): Compiled {
  const logger = collectingLogger();
  try {
    const { spec: vg } = vl.compile(spec, { config: THEME, logger });
    forceAriaOff(vg);
    readableTimeAxes(vg as unknown as Record<string, unknown>);
    return { vega: vg, warnings: [...new Set([...logger.errors, ...logger.warnings])] };
  } catch (err) {
    throw new ChartSpecError('compile', plainError(err));
  }
}

/** Marks and guides never carry their own ARIA, whatever a spec's config says. */
function forceAriaOff(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) forceAriaOff(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  for (const key of ['marks', 'axes', 'legends'] as const) {
    const list = obj[key];
    if (Array.isArray(list)) {
      for (const item of list) if (item && typeof item === 'object') (item as Record<string, unknown>)['aria'] = false;
    }
  }
  for (const key of ['marks', 'axes', 'legends', 'title']) if (obj[key]) forceAriaOff(obj[key]);
}

/**
 * Run a Vega spec headless and return its SVG. `inspect` may read datasets before the view is
 * released (the officer charts' data tables come from the dataset their marks draw).
 */
export async function drawVega<T>(
  spec: vega.Spec,
  inspect?: (view: { data(name: string): Record<string, unknown>[] }) => T,
): Promise<{ svg: string; inspected: T | undefined }> {
  useArialMetrics(vega);
  let view: vega.View | undefined;
  try {
    const runtime = vega.parse(spec, undefined, { ast: true });
    const logger = collectingLogger();
    view = new vega.View(runtime, {
      expr: expressionInterpreter,
      renderer: 'none',
      loader: refusingLoader,
      logger,
      logLevel: vega.Warn,
    });
    const svg = await view.toSVG();
    // Vega logs a failed load (or a failing expression) and carries on with no data: an error here.
    const failed = [...logger.errors, ...logger.warnings.filter((w) => /^Loading failed/.test(w))];
    if (failed.length) throw new Error(failed[0]);
    const v = view;
    const inspected = inspect ? inspect({ data: (name) => v.data(name) as Record<string, unknown>[] }) : undefined;
    return { svg, inspected };
  } catch (err) {
    throw new ChartSpecError('render', plainError(err));
  } finally {
    view?.finalize();
  }
}

function plainError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const first = msg.split('\n')[0] ?? msg;
  return first.replace(/\.$/, '');
}
