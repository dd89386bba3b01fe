/**
 * The SVG of a laid-out diagram, written by our own code: every string from data is escaped, the
 * numbers are rounded, and the elements come in a fixed order (lines, boxes, headings), so the same
 * diagram is the same bytes. The root is named by its <title> and described by its <desc>: one image
 * (`role="img"`) when it has no links, as in print; a group (`role="group"`) whose links are real when it
 * has, as on the site. No element inside carries a role or ARIA (the text equivalent beside it says all).
 */
import { escapeHtml } from '../../util/escape.js';
import { FONT } from '../theme.js';
import { SWATCH_WIDTH } from './text.js';
import { DIAGRAM_COLOURS } from './theme.js';
import { captionOf, type BoxRole, type EdgeKind, type PlacedDiagram, type PlacedLine, type Point } from './types.js';

export interface SvgOptions {
  /** A link's target in this output, or undefined to draw the text without a link. */
  href?: (href: string) => string | undefined;
  /** Name the image with this text instead of its <title> (the PDF's alt text). */
  ariaLabel?: string;
}

const n = (v: number): string => String(Math.round(v * 10) / 10);

function marker(id: string, kind: EdgeKind): string {
  const common = `id="${id}" viewBox="0 0 12 12" refX="11" refY="6" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse"`;
  switch (kind.head) {
    case 'filled':
      return `<marker ${common}><path d="M1,1.5 L11,6 L1,10.5 Z" fill="${kind.stroke}"/></marker>`;
    case 'open':
      return `<marker ${common}><path d="M1,1.5 L11,6 L1,10.5" fill="none" stroke="${kind.stroke}" stroke-width="1.6" stroke-linejoin="miter"/></marker>`;
    case 'diamond':
      return `<marker ${common}><path d="M0.5,6 L6,2 L11.5,6 L6,10 Z" fill="#ffffff" stroke="${kind.stroke}" stroke-width="1.4"/></marker>`;
  }
}

function path(points: readonly Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)},${n(p.y)}`).join(' ');
}

function lineSvg(
  line: PlacedLine,
  role: BoxRole,
  spec: PlacedDiagram['spec'],
  markerId: (kind: string) => string,
): string {
  const colour =
    line.style === 'link' || line.style === 'chip'
      ? role.text
        ? role.text
        : DIAGRAM_COLOURS.link
      : line.style === 'meta' && !role.text
        ? DIAGRAM_COLOURS.secondary
        : (role.text ?? DIAGRAM_COLOURS.text);
  let out = '';
  if (line.bullet)
    out += `<circle cx="${n(line.x - 7)}" cy="${n(line.y - line.fontSize * 0.32)}" r="2.2" fill="${colour}"/>`;
  if (line.swatch) {
    const sx = line.x - SWATCH_WIDTH;
    const sy = line.y - line.fontSize * 0.32;
    if ('edge' in line.swatch) {
      const kind = spec.edgeKinds[line.swatch.edge]!;
      out += `<path d="M${n(sx)},${n(sy)} L${n(sx + SWATCH_WIDTH - 8)},${n(sy)}" fill="none" stroke="${kind.stroke}" stroke-width="${kind.width}"${kind.dash ? ` stroke-dasharray="${kind.dash}"` : ''} marker-end="url(#${markerId(line.swatch.edge)})"/>`;
    } else {
      const r = spec.roles[line.swatch.role]!;
      out += `<rect x="${n(sx)}" y="${n(sy - 7)}" width="${SWATCH_WIDTH - 10}" height="14" rx="2" fill="${r.fill}" stroke="${r.stroke}" stroke-width="${r.strokeWidth ?? 1.2}"${r.dashed ? ' stroke-dasharray="5 3"' : ''}/>`;
    }
  }
  const weight = line.bold ? ' font-weight="bold"' : '';
  const underline = line.style === 'link' || line.style === 'chip' ? ' text-decoration="underline"' : '';
  return `${out}<text x="${n(line.x)}" y="${n(line.y)}" font-size="${line.fontSize}"${weight} fill="${colour}"${underline}>${escapeHtml(line.text)}</text>`;
}

/**
 * A box's lines, with each run of lines that share a link target wrapped in one <a> (a KPI's title
 * wrapped over two lines is one link, named by both lines).
 */
function linesSvg(lines: readonly PlacedLine[], draw: (line: PlacedLine) => string, opts: SvgOptions): string {
  let out = '';
  for (let i = 0; i < lines.length; ) {
    const target = lines[i]!.href && opts.href ? opts.href(lines[i]!.href!) : undefined;
    let j = i + 1;
    if (target) while (j < lines.length && lines[j]!.href === lines[i]!.href && !lines[j]!.bullet) j++;
    const drawn = lines.slice(i, j).map(draw).join('');
    out += target ? `<a href="${escapeHtml(target)}">${drawn}</a>` : drawn;
    i = j;
  }
  return out;
}

export function diagramSvg(placed: PlacedDiagram, opts: SvgOptions = {}): string {
  const { spec } = placed;
  const id = spec.id;
  const usedKinds = new Set<string>(placed.edges.map((e) => e.edge.kind));
  for (const node of placed.nodes)
    for (const l of node.lines) if (l.swatch && 'edge' in l.swatch) usedKinds.add(l.swatch.edge);
  const kindIds = [...usedKinds].sort();
  const markerId = (kind: string) => `${id}-head-${kindIds.indexOf(kind) + 1}`;
  const defs = kindIds.map((k) => marker(markerId(k), spec.edgeKinds[k]!)).join('');
  const edges = placed.edges
    .map((e) => {
      const kind = spec.edgeKinds[e.edge.kind]!;
      return `<path d="${path(e.points)}" fill="none" stroke="${kind.stroke}" stroke-width="${kind.width}"${kind.dash ? ` stroke-dasharray="${kind.dash}"` : ''} stroke-linejoin="round" marker-end="url(#${markerId(e.edge.kind)})"/>`;
    })
    .join('');
  const boxes = placed.nodes
    .map((p) => {
      const role = spec.roles[p.node.role]!;
      const rect = `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" rx="4" fill="${role.fill}" stroke="${role.stroke}" stroke-width="${role.strokeWidth ?? 1.2}"${role.dashed ? ' stroke-dasharray="6 3"' : ''}/>`;
      return `<g>${rect}${linesSvg(p.lines, (l) => lineSvg(l, role, spec, markerId), opts)}</g>`;
    })
    .join('');
  const headings = placed.headings
    .map(
      (h) =>
        `<text x="${n(h.x)}" y="${n(h.y)}" font-size="${h.fontSize}" font-weight="bold" fill="${DIAGRAM_COLOURS.text}">${escapeHtml(h.text)}</text>`,
    )
    .join('');
  // With links inside, the drawing is a named group whose links are real, focusable links (a role="img"
  // hides its content, so links inside one are focusable but unnamed); without, one image.
  const links = !!opts.href && placed.nodes.some((p) => p.lines.some((l) => l.href && opts.href!(l.href)));
  const name =
    opts.ariaLabel !== undefined ? ` aria-label="${escapeHtml(opts.ariaLabel)}"` : ` aria-labelledby="${id}-title"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="diagram-svg" viewBox="0 0 ${placed.width} ${placed.height}" width="${placed.width}" height="${placed.height}" role="${links ? 'group' : 'img'}"${links ? '' : ' focusable="false"'}${name} aria-describedby="${id}-desc" font-family="${escapeHtml(FONT)}">` +
    `<title id="${id}-title">${escapeHtml(captionOf(spec))}</title><desc id="${id}-desc">${escapeHtml(spec.description)}</desc>` +
    `<defs>${defs}</defs><g>${edges}</g><g>${boxes}</g><g>${headings}</g></svg>`
  );
}
