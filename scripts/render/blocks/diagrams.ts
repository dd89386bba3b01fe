/**
 * Diagram blocks: each asks the diagrams stage for one diagram (laid out once by elkjs, cached by
 * content) and places the same SVG on the site and in the PDF, with its text equivalent in a
 * disclosure on the site and printed in full in the PDF. Links in a diagram (a KPI, an action) go to
 * the row of the table that shows it: on the site, on the page where that table is placed.
 */
import type { Placement, Project } from '../../load/project.js';
import { SECTIONS } from '../../model/sections.js';
import { diagramCacheDir, diagramFigureHtml, renderDiagram, type DiagramLink } from '../../figures/diagrams/index.js';
import { raw } from '../html.js';
import type { BlockContext, BlockOutput } from './block.js';

/** The id of the page (section) a chapter becomes, as `checkChapters` names it. */
function pageIdOf(placement: Placement): string | undefined {
  const s = placement.section;
  if (placement.id) return placement.id;
  if (typeof s === 'number') return SECTIONS.find((x) => x.number === s)?.id;
  return typeof s === 'string' ? `appendix-${s.toLowerCase()}` : undefined;
}

/**
 * The page holding the first `::name{…}` directive whose attributes include `attr=value`. Read from the
 * placements, not the chapters' text, so an edit elsewhere in a chapter does not re-render this block.
 */
function pageWith(project: Project, name: string, attr: string, value: string): string | undefined {
  const re = new RegExp(`^::${name}\\{([^}\\n]*)\\}\\s*$`, 'm');
  for (const placement of project.placements) {
    for (const line of placement.directives) {
      const m = re.exec(line);
      if (!m) continue;
      const attrs = Object.fromEntries(
        [...m[1]!.matchAll(/([a-z-]+)=("([^"]*)"|\S+)/g)].map((a) => [a[1]!, a[3] ?? a[2]!]),
      );
      if (attrs[attr] === value) return pageIdOf(placement);
    }
  }
  return undefined;
}

/** Where a diagram's links go in each output; undefined when the target is not published. */
export function diagramLinks(ctx: Pick<BlockContext, 'project' | 'model' | 'sectionId'>): {
  site: (l: DiagramLink) => string | undefined;
  print: (l: DiagramLink) => string | undefined;
} {
  const cache = new Map<DiagramLink, { page: string; anchor: string } | undefined>();
  const target = (link: DiagramLink) => {
    if (cache.has(link)) return cache.get(link);
    const [kind, id] = [link.slice(0, link.indexOf(':')), link.slice(link.indexOf(':') + 1)];
    let found: { page: string; anchor: string } | undefined;
    if (kind === 'kpi') {
      const kpi = ctx.model.kpiById.get(id);
      const page = kpi ? pageWith(ctx.project, 'kpi-table', 'priority', kpi.priority) : undefined;
      if (page) found = { page, anchor: `kpi-${id}` };
    } else if (kind === 'action') {
      const action = ctx.model.actions.find((a) => a.id === id);
      const page = action ? pageWith(ctx.project, 'action-plan', 'priority', action.priority) : undefined;
      if (page) found = { page, anchor: `action-${id}` };
    }
    cache.set(link, found);
    return found;
  };
  return {
    site: (l) => {
      const t = target(l);
      return t ? (t.page === ctx.sectionId ? `#${t.anchor}` : `${t.page}.html#${t.anchor}`) : undefined;
    },
    print: (l) => {
      const t = target(l);
      return t ? `#${t.anchor}` : undefined;
    },
  };
}

/** Draw one diagram for a block; undefined when the strategy has no data for it. */
export async function diagramBlock(
  ctx: BlockContext,
  kind: string,
  params: Record<string, string>,
): Promise<BlockOutput | undefined> {
  const dir = diagramCacheDir(ctx.charts.cacheDir);
  const [screen, paper] = await Promise.all([
    renderDiagram(kind, ctx.model, params, dir, 'screen'),
    renderDiagram(kind, ctx.model, params, dir, 'print'),
  ]);
  if (!screen || !paper) return undefined;
  const links = diagramLinks(ctx);
  return {
    site: raw(diagramFigureHtml(screen.placed, screen.equivalent, 'site', links.site)),
    print: raw(diagramFigureHtml(paper.placed, paper.equivalent, 'print', links.print, paper.continued)),
  };
}
