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
    // In print: the wide drawing starts a landscape page; one image named by its alt text; the text follows, printed.
    expect(print).toMatch(/^<div class="diagram print-landscape" id="diagram-theory-of-change" role="group"/);
    expect(print).toMatch(/<svg [^>]*role="img"[^>]* aria-label="Theory of change 2027–2031\. Read left to right/);
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
