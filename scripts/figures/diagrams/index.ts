/**
 * The diagrams stage: the theory of change, a logic model per priority and the accountability
 * structure, drawn from the model as static SVG at build time, the same on the site and in the PDF.
 *
 *   model --kind (kinds/*.ts, registered)--> DiagramSpec + text equivalent
 *         --measure and wrap text (Arial metrics)--> sized boxes
 *         --elkjs layered, cached by content--> PlacedDiagram
 *         --svg.ts--> one <svg role="img">;  figure.ts --> the figure HTML with its text equivalent
 *
 * Public API: `renderDiagram` (build and lay out one diagram) and `diagramFigureHtml`.
 */
import path from 'node:path';
import type { StrategyModel } from '../../model/strategy.js';
import { cachedLayout } from './cache.js';
import './kinds/index.js';
import { diagramKind, type DiagramMedium, type EquivalentItem } from './registry.js';
import type { PlacedDiagram } from './types.js';

export { diagramFigureHtml, equivalentHtml, altText, PORTRAIT_WIDTH, type DiagramMode } from './figure.js';
export { diagramSvg } from './svg.js';
export { PRINT_PAGE, printPage } from './pages.js';
export {
  diagramKind,
  diagramKinds,
  type DiagramMedium,
  type DiagramLink,
  type EquivalentItem,
  type DiagramContent,
} from './registry.js';
export { clearDiagramCache, layoutStats } from './cache.js';
export type * from './types.js';

export interface RenderedDiagram {
  placed: PlacedDiagram;
  /** Its later parts in print, one a page (empty when it fits on one page). */
  continued: PlacedDiagram[];
  equivalent: EquivalentItem[];
}

/**
 * The diagrams' disk cache sits beside the charts' (`…/.cache/csp-strategy/diagrams`); `false`
 * keeps layouts in memory only.
 */
export function diagramCacheDir(chartCacheDir: string | false | undefined): string | undefined {
  return chartCacheDir ? path.join(path.dirname(chartCacheDir), 'diagrams') : undefined;
}

/** Build and lay out one diagram, or undefined when the strategy has no data for it. */
export async function renderDiagram(
  kind: string,
  model: StrategyModel,
  params: Readonly<Record<string, string>>,
  cacheDir?: string,
  medium: DiagramMedium = 'screen',
): Promise<RenderedDiagram | undefined> {
  const k = diagramKind(kind);
  if (!k) throw new Error(`No diagram kind is registered as ${kind}`);
  const content = k.build(model, params, medium);
  if (!content) return undefined;
  const [placed, ...continued] = await Promise.all(
    [content.spec, ...(content.continued ?? [])].map((spec) => cachedLayout(spec, cacheDir)),
  );
  return { placed: placed!, continued, equivalent: content.equivalent };
}
