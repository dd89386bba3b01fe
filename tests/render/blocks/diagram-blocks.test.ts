/**
 * The diagram blocks: `::theory-of-change`, `::logic-model{priority=…}` and `::governance` draw
 * diagrams (site: a scrolling region and the text in a disclosure; print: a landscape page when wide,
 * the text printed), and `view=table` keeps the lists and tables they showed before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlockContext, BlockOutput } from '../../../scripts/render/blocks/block.js';
import { BLOCKS } from '../../../scripts/render/blocks/index.js';
import { loadProject, type Project } from '../../../scripts/load/project.js';
import { buildModel, type StrategyModel } from '../../../scripts/model/strategy.js';
import { REPO_ROOT } from '../../support/example-build.js';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { governanceLines } from '../../../scripts/figures/diagrams/kinds/governance.js';
import { elements, hasClass, text } from '../../support/html.js';

let project: Project;
let model: StrategyModel;
beforeAll(() => {
  project = loadProject(REPO_ROOT);
  model = buildModel(project);
});

async function render(
  name: string,
  attrs: Record<string, string>,
  sectionId: string,
): Promise<{ site: string; print: string }> {
  const ctx: BlockContext = {
    project,
    model,
    at: { file: 'content/x.md', line: 1, column: 1 },
    sectionId,
    charts: { charts: undefined, cacheDir: false },
  };
  const out: BlockOutput = await BLOCKS.get(name)!.render(ctx, attrs);
  return { site: out.site.value, print: out.print.value };
}

describe('diagram blocks', () => {
  it('::theory-of-change draws the diagram; its KPIs and actions link to their rows on the delivery plans page', async () => {
    const { site, print } = await render('theory-of-change', {}, 'strategic-priorities');
    expect(site).toMatch(/^<figure class="diagram[^"]*" id="diagram-theory-of-change">/);
    expect(site).toContain(
      '<div class="diagram__image" role="region" aria-label="Theory of change 2027–2031 (diagram)" tabindex="0"',
    );
    expect(site.match(/<svg /g)).toHaveLength(1);
    expect(site).toContain('<details class="govuk-details diagram__text">');
    expect(site).toContain('href="delivery-plans.html#kpi-sv-05"');
    expect(site).toContain('href="delivery-plans.html#action-sv-a2"');
    // On the site the drawing's links are real: a named group, not an image.
    expect(site).toMatch(/<svg [^>]*role="group"[^>]* aria-labelledby="diagram-theory-of-change-title"/);
    // In print: at full size on landscape pages, in parts, each one image named by its alt text; the text follows, printed.
    expect(print).toMatch(/^<div class="diagram print-landscape" id="diagram-theory-of-change" role="group"/);
    expect(print).toMatch(
      /<svg [^>]*role="img"[^>]* aria-label="Theory of change 2027–2031 \(part 1 of 3\)\. Part 1 of 3, continued on the next page\. Read top to bottom/,
    );
    expect(print).toContain('<div class="diagram print-landscape" id="diagram-theory-of-change-part-3" role="group"');
    const svgs = print.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg).not.toContain('<a ');
    expect(print).toContain('<div class="diagram-text diagram-text--print">');
    expect(print).toContain('href="#kpi-sv-05"');
    expect(print).not.toContain('.html#');
  });

  it('::logic-model draws the diagram after the context; KPIs link to their rows on the same page', async () => {
    const { site, print } = await render('logic-model', { priority: 'vawg' }, 'delivery-plans');
    expect(site).toMatch(/^<p class="govuk-body logic-model__context"><strong>Context.<\/strong>/);
    expect(site).toContain('id="diagram-logic-model-vawg"');
    expect(site).toContain('href="#kpi-vawg-02"');
    expect(site).not.toContain('logic-model__flow');
    // Narrow enough for a portrait page.
    expect(print).toContain('<div class="diagram" id="diagram-logic-model-vawg" role="group"');
  });

  it('view=table keeps the lists and tables', async () => {
    const lm = await render('logic-model', { priority: 'vawg', view: 'table' }, 'delivery-plans');
    expect(lm.site).toContain('logic-model__flow');
    expect(lm.site).toContain('Short term (2027-28)');
    expect(lm.site).toContain('Long term (2030-31 and beyond)');
    expect(lm.site).not.toContain('<svg');
    const toc = await render('theory-of-change', { view: 'table' }, 'strategic-priorities');
    expect(toc.site).toContain('toc-table');
    expect(toc.site).not.toContain('<svg');
    const gov = await render('governance', { view: 'table' }, 'performance-and-governance');
    expect(gov.site).toContain('org-tree');
    expect(gov.site).not.toContain('<svg');
    // The caption says what the nesting means, and the nesting says what the data says: the board is
    // listed under the first body it reports to (Overview and Scrutiny), names the others, and its
    // delivery groups are listed under it; the bodies that report to none stand at the top.
    expect(gov.site).toContain('each body is listed under the body it reports to');
    expect(gov.site).not.toContain('reports to the one above it');
    const tree = fromHtml(gov.site, { fragment: true });
    const nameOf = (li: Element) =>
      text(elements({ type: 'root', children: [li] }, (e) => hasClass(e, 'org-node__name'))[0]!);
    const parentOf = new Map<string, string | undefined>();
    const walk = (ul: Element, parent: string | undefined) => {
      for (const li of ul.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li')) {
        const n = nameOf(li);
        expect(parentOf.has(n), `${n} listed once`).toBe(false);
        parentOf.set(n, parent);
        for (const sub of li.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'ul'))
          walk(sub, n);
      }
    };
    for (const root of elements(tree, (e) => hasClass(e, 'org-tree--root'))) walk(root, undefined);
    const g = model.data.governance!;
    const byId = new Map(g.bodies.map((b) => [b.id, b.name]));
    const lines = governanceLines(model).filter((l) => l.kind === 'reports-to');
    expect(parentOf.size).toBe(g.bodies.length);
    for (const b of g.bodies) {
      const parents = lines.filter((l) => l.from === b.id).map((l) => byId.get(l.to));
      expect(parentOf.get(b.name), b.name).toBe(parents[0]);
    }
    expect(parentOf.get(byId.get('board')!)).toBe(byId.get('scrutiny'));
    expect(gov.site).toContain('Also reports to: Full Council; Mayor');
  });

  it('::governance draws the structure and keeps the table of bodies, members and remits', async () => {
    const { site } = await render('governance', {}, 'performance-and-governance');
    expect(site).toContain('id="diagram-governance"');
    expect(site).toContain('Boards and delivery groups');
    expect(site).not.toContain('org-tree');
  });

  it('action rows carry an id for links to land on; the reporting cycle lists reports, not scrutiny or commissioning', async () => {
    const plan = await render('action-plan', { priority: 'serious-violence' }, 'delivery-plans');
    expect(plan.site).toContain('<span id="action-sv-a2">sv-a2</span>');
    const cycle = await render('reporting-cycle', {}, 'performance-and-governance');
    expect(cycle.site).toContain('Strategic assessment and joint priorities');
    expect(cycle.site).not.toContain('London Crime Prevention Fund projects, their outcomes');
    expect(cycle.site).not.toContain('Scrutiny of the partnership');
  });
});
