/** The public types of the charts stage: what the lead asks for, and what comes back. */
import type { TopLevelSpec } from 'vega-lite';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../load/project.js';
import type { YamlSource } from '../load/yaml.js';
import type { StrategyModel } from '../model/strategy.js';
import type { ViewTable } from './vega-lite/table.js';

/** An officer chart: data/charts/<id>.yaml, or a ```chart block. */
export interface OfficerChartRequest {
  kind: 'officer';
  id: string;
}

/**
 * A generated chart: its kind (a file in scripts/figures/kinds/) and its settings, named as the
 * attributes of the data block that places it, e.g. `{ kind: 'kpi-trend', kpi: 'sv-01' }`.
 */
export interface GeneratedChartRequest {
  kind: string;
  [setting: string]: string | undefined;
}

/** What to draw. Officer charts come from data/charts/<id>.yaml; the rest from the model. */
export type ChartRequest = OfficerChartRequest | GeneratedChartRequest;

export type ChartKind = ChartRequest['kind'];

/** What a block attribute refers to, so ids are checked before anything renders. */
export type AttributeKind =
  | 'priority'
  | 'kpi'
  | 'survey'
  /** Survey ids separated by commas, e.g. `online-2023,panel-2023`. */
  | 'surveys'
  | 'question'
  | 'chart'
  /** A financial year of the strategy. */
  | 'year'
  /** An allocation round in data/funding.yaml. */
  | 'allocation-round'
  /** Any text, checked by the block itself (e.g. a file path or a column name). */
  | 'text'
  | { oneOf: readonly string[] };

export interface AttributeSpec {
  name: string;
  kind: AttributeKind;
  required: boolean;
}

/**
 * A generated chart kind: one file in scripts/figures/kinds/ whose default export is this, found
 * there by the registry (scripts/figures/registry.ts). Its job reads the model, never raw data.
 */
export interface ChartKindDefinition {
  /** The request kind, e.g. `kpi-trend`. */
  kind: string;
  /** The data block that places it in a chapter, e.g. `::kpi-chart{kpi=sv-01}`; settings are its attributes. */
  block: { name: string; description: string; attributes: readonly AttributeSpec[]; example: string };
  job(request: Readonly<GeneratedChartRequest>, ctx: KindContext): JobResult;
}

/** What a generated kind is given: the request's context, with the model. */
export type KindContext = ChartContext & { model: StrategyModel };

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
  /** The chart's data tables, read from its marks when it was checked (scripts/figures/vega-lite/table.ts). */
  tables: ViewTable[];
  /** Rows of a table to show before it is cut (default DEFAULT_TABLE_ROWS). */
  tableRows?: number;
}

export interface ChartContext {
  /** The model generated charts are drawn from (officer charts do not need it). */
  model?: StrategyModel | undefined;
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
  /** More tables of the same chart: a view of a concatenation each, a box plot's outliers. */
  more?: ChartTable[];
  /**
   * Too many rows to show: the site shows the first rows and links the whole table as CSV (`file`,
   * relative to the site's root); the PDF prints `summary` instead and points to the same file.
   */
  cut?: { file: string; total: number; summary: ChartTable };
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

export type ChartResult =
  | { ok: true; chart: RenderedChart; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface ChartJob {
  /** The figure id, e.g. `chart-kpi-sv-01`. */
  id: string;
  title: string;
  description: string;
  source?: string;
  spec: TopLevelSpec;
  /** The chart's data as a table (an officer chart's is read from its marks when it is checked). */
  table: ChartTable;
}

/** What a job builder returns: a job, or the diagnostics that explain why there is none. */
export type JobResult = { job: ChartJob; diagnostics?: Diagnostic[] } | { job?: undefined; diagnostics: Diagnostic[] };
