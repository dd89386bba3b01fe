/**
 * The Vega-Lite JSON Schema as a ready-made validator, compiled ahead of time.
 *
 * Compiling the 1.9 MB schema with Ajv took about 1.25 s of every start. Ajv can write the validator
 * it compiles as standalone JavaScript; that code is written once, to
 * `node_modules/.cache/csp-strategy/vega-lite-validator-<versions>.cjs` (with the tool, never in a
 * strategy folder), by `npm run validator` (setup and the package build run it) or, failing that, by
 * the first start that needs it. Every later start only loads the file (a `require`, so checking stays
 * synchronous).
 *
 *   vega-lite-schema.json --Ajv compile (source: true)--> standalone CommonJS --write once--> .cjs
 *   next start: require(.cjs) --> the same validate function, no schema compile
 *
 * The file name carries the versions of vega-lite and ajv and the options, so an upgrade is never
 * served a stale validator.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { TOOL_CACHE } from '../../util/tool-cache.js';

const require = createRequire(import.meta.url);

/** The options the validator is compiled with (also part of the file name). */
const OPTIONS = {
  allErrors: true,
  strict: false,
  allowUnionTypes: true,
  validateFormats: false,
  inlineRefs: false,
} as const;

export const VALIDATOR_DIR = TOOL_CACHE;

/** A package's version, read from its package.json (found from its main entry: exports may hide package.json). */
function versionOf(pkg: string): string {
  try {
    let dir = path.dirname(require.resolve(pkg));
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Where the standalone validator for these versions lives. */
export function validatorFile(dir = VALIDATOR_DIR): string {
  const tag = createHash('sha256')
    .update(JSON.stringify(OPTIONS))
    .update(fs.readFileSync(require.resolve('vega-lite/vega-lite-schema.json')))
    .digest('hex')
    .slice(0, 12);
  return path.join(dir, `vega-lite-validator-${versionOf('vega-lite')}-ajv${versionOf('ajv')}-${tag}.cjs`);
}

/** Compile the schema with Ajv; with `source`, also return the standalone code of the validator. */
export function compileValidator(withSource: boolean): { validate: ValidateFunction; code?: string } {
  const schema = JSON.parse(fs.readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ ...OPTIONS, code: { optimize: false, source: withSource } });
  const validate = ajv.compile(schema);
  if (!withSource) return { validate };
  type Generate = (ajv: Ajv, validate: ValidateFunction) => string;
  const mod = standaloneCode as unknown as Generate & { default?: Generate };
  const generate = mod.default ?? mod;
  return { validate, code: generate(ajv, validate) };
}

/** Write the standalone validator (atomically); returns its path. */
export function writeValidator(file = validatorFile()): string {
  const { code } = compileValidator(true);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, code!);
  fs.renameSync(tmp, file);
  return file;
}

let loaded: ValidateFunction | undefined;

/**
 * The validator: loaded from the ahead-of-time file when there is one; otherwise compiled here, and
 * the file written for the next start (a read-only install just compiles every time).
 */
export function vegaLiteValidator(): ValidateFunction {
  if (loaded) return loaded;
  const file = validatorFile();
  if (fs.existsSync(file)) {
    try {
      const mod = require(file) as ValidateFunction & { default?: ValidateFunction };
      loaded = mod.default ?? mod;
      if (loaded) return loaded;
    } catch {
      // A damaged file is compiled again below and replaced.
    }
  }
  try {
    const { validate, code } = compileValidator(true);
    loaded = validate;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code!);
    fs.renameSync(tmp, file);
  } catch {
    loaded ??= compileValidator(false).validate;
  }
  return loaded;
}

// `npm run validator`: write the file ahead of time (setup and the package build call this).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const file = writeValidator();
  process.stdout.write(
    `Wrote ${path.relative(process.cwd(), file)} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
