/** Builds a strategy folder from the base fixture with some files replaced, and runs the checks. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../scripts/diagnostics/diagnostic.js';
import { compareDiagnostics } from '../../scripts/diagnostics/diagnostic.js';
import { loadProject } from '../../scripts/load/project.js';
import { validateProject } from '../../scripts/validate/index.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
export const BASE = path.join(FIXTURES, '_base');

/** Copy `from` into a new temporary folder, then apply `overlay` (a folder, or file texts by path). */
export function makeStrategy(from: string, overlay?: string | Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-check-'));
  fs.cpSync(from, dir, { recursive: true });
  if (typeof overlay === 'string') {
    fs.cpSync(overlay, dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected.json' });
  } else if (overlay) {
    for (const [rel, text] of Object.entries(overlay)) {
      const file = path.join(dir, rel);
      if (text === null) fs.rmSync(file, { force: true });
      else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    }
  }
  return dir;
}

/** Every diagnostic of `strategy check`: loading (schemas, YAML) then the cross-checks. */
export function check(dir: string): Diagnostic[] {
  const project = loadProject(dir);
  return [...project.diagnostics, ...validateProject(project)].sort(compareDiagnostics);
}

export const summary = (d: Diagnostic) => ({
  ruleId: d.ruleId,
  severity: d.severity,
  file: d.file,
  line: d.line,
  column: d.column,
  message: d.message,
  hint: d.hint,
});
