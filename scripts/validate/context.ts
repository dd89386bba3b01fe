/**
 * What every cross-check rule receives: the loaded data, the strategy's years and reporting period, and a
 * `report` that turns a rule id and a path into a diagnostic at the exact YAML line and column.
 * Inputs that failed to load are undefined in `data`; a rule that needs them skips, never crashes.
 */
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { diag, type RuleId } from '../diagnostics/messages.js';
import type { Project } from '../load/project.js';
import type { PathSegment } from '../load/yaml.js';
import { strategyYears } from '../model/periods.js';
import { reportingPeriod, type ReportingPeriod } from '../model/reporting.js';
import { DATA_INPUTS, type DataKey, type StrategyData } from '../schema/index.js';

export interface RuleContext {
  project: Project;
  data: Partial<StrategyData>;
  /** The strategy's financial years, e.g. 2027-28 … 2030-31, when partnership.yaml loaded. */
  years: string[] | undefined;
  /** The reporting period statuses are worked out for (`reporting.as_at`, or the publication date). */
  reporting: ReportingPeriod | undefined;
  /** File of a data input, relative to the root, e.g. `data/kpis.yaml`. */
  fileOf(key: DataKey): string;
  /** Position of the value at `path` in a data input (or of the key, with `{ key: true }`). */
  at(key: DataKey, path: readonly PathSegment[], options?: { key?: boolean }): Position;
  /** `data/kpis.yaml:12:5`, to point one diagnostic at another place. */
  where(key: DataKey, path: readonly PathSegment[]): string;
  report(
    ruleId: RuleId,
    key: DataKey,
    path: readonly PathSegment[],
    args?: string[],
    options?: { key?: boolean },
  ): void;
  /** Report at a known position, e.g. a CSV row. */
  reportAt(ruleId: RuleId, file: string, at: Position, args?: string[]): void;
}

export type Rule = (ctx: RuleContext) => void;

export function createContext(project: Project, out: Diagnostic[]): RuleContext {
  const data = project.data;
  const p = data.partnership;
  const fileOf = (key: DataKey): string => project.sources[key]?.file ?? `data/${DATA_INPUTS[key].file}`;
  const at = (key: DataKey, path: readonly PathSegment[], options: { key?: boolean } = {}): Position => {
    const source = project.sources[key];
    if (!source) return { line: 1, column: 1 };
    return options.key ? source.locateKey(path) : source.locate(path);
  };
  return {
    project,
    data,
    years: p ? strategyYears(p.strategy.start_year, p.strategy.years) : undefined,
    reporting: p ? reportingPeriod(p.reporting?.as_at, p.build.date) : undefined,
    fileOf,
    at,
    where(key, path) {
      const pos = at(key, path);
      return `${fileOf(key)}:${pos.line}:${pos.column}`;
    },
    report(ruleId, key, path, args = [], options = {}) {
      out.push(diag(ruleId, fileOf(key), at(key, path, options), args));
    },
    reportAt(ruleId, file, position, args = []) {
      out.push(diag(ruleId, file, position, args));
    },
  };
}
