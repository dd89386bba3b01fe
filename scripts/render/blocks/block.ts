/** The contract every data block (`::name{attr=value}` in a chapter) implements. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceRef } from '../../load/project.js';
import type { Project } from '../../load/project.js';
import type { StrategyModel } from '../../model/strategy.js';
import type { AttributeSpec, ChartContext, LoadedChart } from '../../figures/types.js';
import type { RawHtml } from '../html.js';

/** What an attribute refers to, so the registry can check ids before rendering (shared with the chart kinds). */
export type { AttributeKind, AttributeSpec } from '../../figures/types.js';

export interface BlockContext {
  project: Project;
  model: StrategyModel;
  /** Where the directive is written, for diagnostics raised while rendering. */
  at: SourceRef;
  /** The section's anchor id, to make ids inside the block unique and stable. */
  sectionId: string;
  charts: ChartEnvironment;
}

/** Officer charts checked by the figures stage, and where rendered charts are cached. */
export interface ChartEnvironment {
  charts: ChartContext['charts'];
  /** Inline ```chart blocks by chapter file, in document order; undefined where a block has errors. */
  inline?: ReadonlyMap<string, readonly (LoadedChart | undefined)[]>;
  cacheDir: string | false;
}

/**
 * A block renders once per output: the site (interactive disclosure for data tables) and print, with
 * the problems found while rendering (a chart that cannot be drawn renders as nothing, and says why).
 */
export interface BlockOutput {
  site: RawHtml;
  print: RawHtml;
  /** Warnings the block raised while rendering (e.g. a chart's drawing over its size budget). */
  diagnostics?: Diagnostic[];
}

export interface BlockDefinition {
  name: string;
  description: string;
  attributes: readonly AttributeSpec[];
  /** An example of the directive, used in error hints. */
  example: string;
  render(ctx: BlockContext, attrs: Record<string, string>): Promise<BlockOutput> | BlockOutput;
}

export const same = (h: RawHtml): BlockOutput => ({ site: h, print: h });
