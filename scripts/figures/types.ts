/** The public types of the charts stage: what the lead asks for, and what comes back. */
import type * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project, SourceRef } from '../load/project.js';
import type { YamlSource } from '../load/yaml.js';

/** What to draw. Officer charts come from data/charts/<id>.yaml; the rest from the strategy's data. */
export type ChartRequest =
  | { kind: 'officer'; id: string }
  | { kind: 'kpi-trend'; kpiId: string }
  | { kind: 'risk-heatmap'; rating?: 'current' | 'residual' }
  | { kind: 'funding'; by: 'priority' | 'funder' }
  | { kind: 'delivery-timeline'; priority?: string }
  | { kind: 'consultation'; survey: string; question: string }
  | { kind: 'priority-scores' };

export type ChartKind = ChartRequest['kind'];

/** An officer chart, checked and ready to draw (scripts/figures/vega-lite/check.ts). */
export interface LoadedChart {
  id: string;
  /** e.g. `data/charts/asb-by-lsoa.yaml`, or the chapter of an inline chart. */
  file: string;
  title: string;
  description: string;
  source?: string;
  /** The spec with its data inlined and times made UTC, ready to compile. */
  spec: TopLevelSpec;
  /** Data files the chart reads, relative to the root. */
  dataFiles: string[];
  yaml: YamlSource;
}

export interface ChartContext {
  project: Project;
  /** Officer charts, checked by `checkCharts` (scripts/figures/vega-lite/check.ts). */
  charts?: Map<string, LoadedChart> | undefined;
  /** Where the request was written (a directive's file:line:column), for diagnostics. */
  at?: SourceRef | undefined;
  /**
   * The on-disk cache folder; defaults to the tool's `node_modules/.cache/csp-strategy/charts`. `false` keeps the
   * cache in memory only.
   */
  cacheDir?: string | false | undefined;
}

export interface ChartColumn {
  label: string;
  /** Numbers are right-aligned. */
  numeric: boolean;
}

/** The data behind a chart, as a real table: text cells, already formatted for reading. */
export interface ChartTable {
  caption: string;
  columns: ChartColumn[];
  rows: string[][];
  /** Rows that are totals, printed in bold (indices into rows). */
  totalRows?: number[];
  /** A note printed under the table, e.g. that rows were cut. */
  note?: string;
}

export interface RenderedChart {
  /** The figure id, unique per chart, e.g. `chart-kpi-sv-01`; every id inside the SVG starts with it. */
  id: string;
  title: string;
  description: string;
  /** Where the data comes from, when known. */
  source?: string;
  svg: string;
  table: ChartTable;
}

export type ChartResult = { ok: true; chart: RenderedChart; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export type DataReader = (dataset: string) => Record<string, unknown>[];

export interface ChartJob {
  /** The figure id, e.g. `chart-kpi-sv-01`. */
  id: string;
  title: string;
  description: string;
  source?: string;
  spec: TopLevelSpec;
  /** The table, or how to read it from the drawn view (officer charts). */
  table: ChartTable | ((data: DataReader, compiled: vega.Spec) => ChartTable);
}

/** What a job builder returns: a job, or the diagnostics that explain why there is none. */
export type JobResult = { job: ChartJob; diagnostics?: Diagnostic[] } | { job?: undefined; diagnostics: Diagnostic[] };
