/**
 * Chart files no chapter places, and the CSV files of the charts that are placed.
 *
 * A chart file that no chapter shows cannot break what is published, so its problems are reported as
 * warnings (with one more warning saying it is unused) rather than stopping the build.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import type { ChartSource } from '../../load/chart.js';
import type { LoadedChart } from '../types.js';
import { officerDownloads } from './officer.js';

/** Chart ids placed with ::chart{id=…} in any chapter body. */
export function placedChartIds(bodies: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const body of bodies)
    for (const m of body.matchAll(/::chart\{[^}\n]*?\bid=["']?([a-z0-9]+(?:-[a-z0-9]+)*)/g)) out.add(m[1]!);
  return out;
}

/** The diagnostics with those of unused chart files made warnings, and a warning for each unused file. */
export function softenUnused(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, ChartSource>,
  placed: ReadonlySet<string>,
  files: readonly string[],
): Diagnostic[] {
  const unused = new Map<string, string>();
  for (const name of files) {
    const id = name.replace(/\.(ya?ml|json)$/, '');
    if (!placed.has(id)) unused.set(`data/charts/${name}`, id);
  }
  for (const [id, s] of sources) if (!placed.has(id)) unused.set(s.file, id);
  const out = diagnostics.map((d) =>
    unused.has(d.file) && d.severity === 'error' ? { ...d, severity: 'warning' as const } : d,
  );
  for (const [file, id] of unused) out.push(diag('chart/unused', file, { line: 1, column: 1 }, [id]));
  return out;
}

/** CSV files (site path -> text) of the placed charts whose tables are cut. */
export function chartDownloads(
  charts: Iterable<LoadedChart | undefined>,
  placed?: ReadonlySet<string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const chart of charts) {
    if (!chart || (placed && !placed.has(chart.id))) continue;
    for (const [file, text] of officerDownloads(chart)) out.set(file, text);
  }
  return out;
}
