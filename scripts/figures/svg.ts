/**
 * Post-processing of Vega's SVG so a chart is one accessible image with stable ids:
 * - every `role` and `aria-*` attribute Vega wrote is removed (belt and braces: the theme already
 *   turns marks', axes' and legends' ARIA off);
 * - the root <svg> gets role="img", aria-labelledby and aria-describedby pointing at a <title> and a
 *   <desc> injected as its first children;
 * - every id (Vega numbers clip paths and gradients with a process-wide counter) is renamed to
 *   `<chart id>-<n>` in order of appearance, so the same chart is byte-identical however many charts
 *   were drawn before it, and two charts on one page never share an id.
 */
import { escapeHtml } from '../util/escape.js';

export interface SvgLabels {
  /** The chart's figure id, e.g. `chart-kpi-sv-01`. */
  id: string;
  title: string;
  description: string;
}

export function finishSvg(raw: string, labels: SvgLabels): string {
  let svg = raw.replace(/\s(?:role|aria-[a-z-]+)="[^"]*"/g, '');
  svg = renameIds(svg, labels.id);
  const titleId = `${labels.id}-title`;
  const descId = `${labels.id}-desc`;
  const open = /^<svg\b([^>]*)>/.exec(svg);
  if (!open) throw new Error('Vega returned no <svg> element');
  const attrs = open[1]!.replace(/\sclass="marks"/, '');
  const head =
    `<svg${attrs} class="chart-svg" role="img" focusable="false" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
    `<title id="${titleId}">${escapeHtml(labels.title)}</title>` +
    `<desc id="${descId}">${escapeHtml(labels.description)}</desc>`;
  return head + svg.slice(open[0].length);
}

function renameIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}-${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  return svg
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${ids.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m))
    .replace(/(xlink:href|href)="#([^"]+)"/g, (m, attr: string, id: string) =>
      ids.has(id) ? `${attr}="#${ids.get(id)}"` : m,
    );
}
