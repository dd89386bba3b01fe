/**
 * The example's diagrams, drawn from its data and read back from the SVG: every item of the data in
 * exactly one box, every line from the right box to the right box, no text past its box's border
 * (measured with the same Arial metrics), no two boxes overlapping, and the same bytes every time.
 * No build: the example is loaded and modelled, then each diagram is laid out on its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { arialWidth } from '../../../scripts/figures/text-metrics.js';
import {
  clearDiagramCache,
  diagramSvg,
  layoutStats,
  renderDiagram,
  PRINT_PAGE,
  printPage,
  type DiagramMedium,
  type RenderedDiagram,
} from '../../../scripts/figures/diagrams/index.js';
import { horizons } from '../../../scripts/figures/diagrams/kinds/common.js';
import { governanceLines, LINE_STYLES } from '../../../scripts/figures/diagrams/kinds/governance.js';
import { loadProject } from '../../../scripts/load/project.js';
import { buildModel, type StrategyModel } from '../../../scripts/model/strategy.js';
import { REPO_ROOT } from '../../support/example-build.js';
import { boxAt, boxWith, readDiagram, words, type DrawnBox, type DrawnDiagram } from './svg-reader.js';

let model: StrategyModel;
beforeAll(() => {
  model = buildModel(loadProject(REPO_ROOT));
});

const MEDIA: DiagramMedium[] = ['screen', 'print'];

async function draw(
  kind: string,
  params: Record<string, string>,
  medium: DiagramMedium,
): Promise<{ rendered: RenderedDiagram; svg: string; drawn: DrawnDiagram }> {
  const rendered = (await renderDiagram(kind, model, params, undefined, medium))!;
  expect(rendered, `${kind} ${JSON.stringify(params)}`).toBeDefined();
  const svg = diagramSvg(rendered.placed, { href: (h) => `#${h.replace(':', '-')}` });
  return { rendered, svg, drawn: readDiagram(svg) };
}

/** Checks that hold for every diagram: the image's one accessible name, no text overflow, no overlaps. */
function checkDrawing(d: DrawnDiagram, svg: string, id: string): void {
  // With links (as on the site) a named group of real links; without (as in print) one image.
  const linked = d.boxes.some((b) => b.texts.some((t) => t.href));
  expect(d.root.properties['role']).toBe(linked ? 'group' : 'img');
  if (!linked) expect(readDiagram(svg.replace(/<a [^>]*>|<\/a>/g, '')).root.properties['role']).toBe('img');
  expect(d.root.properties['ariaLabelledBy']).toEqual([`${id}-title`]);
  expect(d.elements[0]?.tagName).toBe('title');
  expect(d.elements[1]?.tagName).toBe('desc');
  // No element inside carries a role or ARIA: the image is one figure, its text equivalent is beside it.
  const aria = d.elements.filter((e) => Object.keys(e.properties).some((k) => k === 'role' || /^aria[A-Z]/.test(k)));
  expect(aria.map((e) => e.tagName)).toEqual([]);
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) expect(m[1]!.startsWith(`${id}-`)).toBe(true);

  for (const b of d.boxes) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(d.width);
    expect(b.y + b.height).toBeLessThanOrEqual(d.height);
    for (const t of b.texts) {
      const w = arialWidth(t.text, t.fontSize, t.bold);
      const where = `"${t.text}" in the box "${b.content.slice(0, 40)}…"`;
      expect(t.x, where).toBeGreaterThanOrEqual(b.x + 4);
      expect(t.x + w, where).toBeLessThanOrEqual(b.x + b.width - 4);
      expect(t.y - t.fontSize, where).toBeGreaterThanOrEqual(b.y);
      expect(t.y + t.fontSize * 0.25, where).toBeLessThanOrEqual(b.y + b.height);
    }
  }
  for (let i = 0; i < d.boxes.length; i++) {
    for (let j = i + 1; j < d.boxes.length; j++) {
      const a = d.boxes[i]!;
      const b = d.boxes[j]!;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `"${a.content.slice(0, 30)}" and "${b.content.slice(0, 30)}" overlap`).toBe(true);
    }
  }
  for (const h of d.headings) {
    const w = arialWidth(h.text, h.fontSize, true);
    const hit = d.boxes.find(
      (b) => h.x < b.x + b.width && h.x + w > b.x && h.y > b.y && h.y - h.fontSize < b.y + b.height,
    );
    expect(hit, `heading "${h.text}" runs into a box`).toBeUndefined();
  }
}

/** Each line drawn, as [from box, to box] by a text that names the box, sorted. */
function drawnLines(d: DrawnDiagram, name: (content: string) => string): string[] {
  return d.lines
    .map((l) => {
      const from = boxAt(d, l.points[0]!);
      const to = boxAt(d, l.points.at(-1)!);
      return `${from ? name(from.content) : '?'} -> ${to ? name(to.content) : '?'}`;
    })
    .sort();
}

/** Exactly one box holds this text, and no other box repeats it. */
function once(d: DrawnDiagram, text: string): void {
  expect(d.boxes.filter((b) => b.content.includes(words(text))).length, text).toBe(1);
}

/**
 * Every part of a drawing (one, unless it is printed in parts), each checked on its own, then read as
 * one: the boxes without the continuation marks, and each line that crosses a page joined again from
 * the box before the "continues" mark to the box after the "continued" mark of the same column.
 */
async function drawParts(
  kind: string,
  params: Record<string, string>,
  medium: DiagramMedium,
  columnOf: (content: string) => string,
): Promise<{
  parts: { svg: string; drawn: DrawnDiagram; rendered: RenderedDiagram['placed'] }[];
  whole: DrawnDiagram;
  lines: [DrawnBox, DrawnBox][];
}> {
  const rendered = (await renderDiagram(kind, model, params, undefined, medium))!;
  const parts = [rendered.placed, ...rendered.continued].map((placed) => {
    const svg = diagramSvg(placed, { href: (h) => `#${h.replace(':', '-')}` });
    return { svg, drawn: readDiagram(svg), rendered: placed };
  });
  const mark = (b: DrawnBox | undefined) => !!b && /^Continue(s|d) /.test(b.content);
  const pending = new Map<string, DrawnBox>();
  const lines: [DrawnBox, DrawnBox][] = [];
  for (const { drawn } of parts) {
    for (const l of drawn.lines) {
      const from = boxAt(drawn, l.points[0]!)!;
      const to = boxAt(drawn, l.points.at(-1)!)!;
      expect(from && to, 'every line joins two boxes').toBeTruthy();
      if (mark(to)) pending.set(columnOf(from.content), from);
      else if (mark(from)) {
        const before = pending.get(columnOf(from.content));
        expect(before, `a line continued from an earlier page: ${from.content}`).toBeDefined();
        lines.push([before!, to]);
      } else lines.push([from, to]);
    }
  }
  const whole = { ...parts[0]!.drawn, boxes: parts.flatMap((p) => p.drawn.boxes.filter((b) => !mark(b))) };
  return { parts, whole, lines };
}

describe('theory of change', () => {
  for (const medium of MEDIA) {
    it(`${medium}: every item once, every link an arrow in the right direction, nothing overflows or overlaps`, async () => {
      const t = model.data.theoryOfChange!;
      const pathwayOf = (content: string) =>
        t.pathways.find(
          (p) => content.includes(words(p.title)) || p.preconditions.some((c) => content.includes(words(c.outcome))),
        )?.id ?? content;
      const { parts, whole: d, lines } = await drawParts('theory-of-change', {}, medium, pathwayOf);
      parts.forEach((p, i) =>
        checkDrawing(p.drawn, p.svg, i ? `diagram-theory-of-change-part-${i + 1}` : 'diagram-theory-of-change'),
      );
      if (medium === 'print') {
        // At full size on a landscape page: printed in parts, each no bigger than the page.
        expect(parts.length).toBeGreaterThan(1);
        for (const p of parts) {
          expect(p.rendered.width).toBeLessThanOrEqual(PRINT_PAGE.landscape.width);
          expect(p.rendered.height).toBeLessThanOrEqual(PRINT_PAGE.landscape.height);
          expect(p.rendered.spec.part?.of).toBe(parts.length);
        }
        // Every line into a "continues" mark is picked up on a later page, in its pathway's column.
        expect(parts.at(-1)!.drawn.boxes.some((b) => b.content.startsWith('Continued from the page before'))).toBe(
          true,
        );
      } else expect(parts).toHaveLength(1);
      once(d, t.problem);
      once(d, t.goal);
      const expected: string[] = [];
      const name = (content: string) =>
        content.includes(words(t.problem))
          ? 'problem'
          : content.includes(words(t.goal))
            ? 'goal'
            : (t.pathways.find((p) => content.includes(words(p.title)))?.id ??
              t.pathways
                .flatMap((p) => p.preconditions)
                .find((c) => content.includes(words(c.outcome)))
                ?.outcome.slice(0, 30) ??
              content);
      for (const pw of t.pathways) {
        once(d, pw.title);
        for (const i of pw.interventions) once(d, i);
        expect(boxWith(d, pw.title).content).toContain(words(pw.interventions.join(' ')));
        expected.push(`problem -> ${pw.id}`);
        let previous = pw.id;
        for (const c of pw.preconditions) {
          once(d, c.outcome);
          const box = boxWith(d, c.outcome);
          // The KPIs and actions it names are shown, and link to their rows.
          for (const k of c.kpis) expect(box.texts.find((x) => x.text === `KPI ${k}`)?.href).toBe(`#kpi-${k}`);
          for (const a of c.actions) expect(box.texts.find((x) => x.text === `Action ${a}`)?.href).toBe(`#action-${a}`);
          expected.push(`${previous} -> ${c.outcome.slice(0, 30)}`);
          previous = c.outcome.slice(0, 30);
        }
        expected.push(`${previous} -> goal`);
      }
      expect(lines.map(([a, b]) => `${name(a.content)} -> ${name(b.content)}`).sort()).toEqual(expected.sort());
      if (medium === 'screen') {
        for (const a of t.assumptions) once(d, a);
        for (const e of t.evidence) once(d, e.finding);
      }
    });
  }

  it('has a row for each year of the strategy, however many it has', async () => {
    const yearsIn = (r: RenderedDiagram) =>
      [
        ...new Set(
          [r.placed, ...r.continued].flatMap((p) =>
            readDiagram(diagramSvg(p))
              .boxes.flatMap((b) => b.texts.map((x) => x.text))
              .filter((x) => x.startsWith('By the end of')),
          ),
        ),
      ].sort();
    for (const medium of MEDIA) {
      const r = (await renderDiagram('theory-of-change', model, {}, undefined, medium))!;
      expect(yearsIn(r)).toEqual(model.years.map((y) => `By the end of ${y}`));
    }
    const project = loadProject(REPO_ROOT);
    project.data.partnership!.strategy.years = 3;
    const short = buildModel(project);
    const three = (await renderDiagram('theory-of-change', short, {}, undefined, 'print'))!;
    // A precondition dated after the strategy's last year (warned about) stands in the last row with its own date.
    expect(yearsIn(three)).toEqual(
      expect.arrayContaining(['By the end of 2027-28', 'By the end of 2028-29', 'By the end of 2029-30']),
    );
    const all = [three.placed, ...three.continued].map((p) => diagramSvg(p)).join('');
    expect(all).toContain('(March 2030)');
  });
});

describe('logic models', () => {
  it('name the outcome horizons from the strategy’s own years', () => {
    expect(horizons(['2027-28', '2028-29', '2029-30', '2030-31'])).toEqual({
      short: '2027-28',
      medium: '2028-29 to 2029-30',
      long: '2030-31 and beyond',
    });
    expect(horizons(['2027-28', '2028-29', '2029-30'])).toEqual({
      short: '2027-28',
      medium: '2028-29',
      long: '2029-30 and beyond',
    });
    expect(horizons(['2027-28', '2028-29'])).toEqual({ short: '2027-28', medium: '2028-29', long: 'after 2028-29' });
  });

  it('one per priority: every item once, outcomes with their KPIs linked, stages joined in order', async () => {
    for (const [p, medium] of model.priorities.flatMap((p) => MEDIA.map((m) => [p, m] as const))) {
      const lm = model.logicModelByPriority.get(p.id)!;
      const { drawn: d, svg } = await draw('logic-model', { priority: p.id }, medium);
      checkDrawing(d, svg, `diagram-logic-model-${p.id}`);
      for (const item of [
        ...lm.inputs,
        ...lm.activities,
        ...lm.outputs,
        lm.impact,
        ...(d.boxes.some((b) => b.content.startsWith('Assumptions')) || medium === 'screen' ? lm.assumptions : []),
        ...(d.boxes.some((b) => b.content.startsWith('External')) || medium === 'screen' ? lm.external_factors : []),
      ])
        once(d, item);
      const stageOf = (content: string) => content.split(' ')[0]!.replace(/-term$/, '');
      for (const term of ['short', 'medium', 'long'] as const) {
        for (const o of lm.outcomes[term]) {
          once(d, o.text);
          const box = boxWith(d, o.text);
          expect(box.content.startsWith(`${term[0]!.toUpperCase()}${term.slice(1)}-term outcomes (`)).toBe(true);
          for (const k of o.kpis) {
            const title = model.kpiById.get(k)!.title;
            expect(box.content).toContain(words(`KPI: ${title}`));
            expect(box.texts.filter((x) => x.href === `#kpi-${k}`).length).toBeGreaterThan(0);
          }
        }
      }
      const h = horizons(model.years);
      expect(d.boxes.map((b) => b.content).join(' ')).toContain(`Long-term outcomes (${h.long})`);
      expect(d.boxes.map((b) => b.content).join(' ')).not.toMatch(/year 4/i);
      expect(drawnLines(d, stageOf)).toEqual(
        [
          'Inputs -> Activities',
          'Activities -> Outputs',
          'Outputs -> Short',
          'Outputs -> Medium',
          'Outputs -> Long',
          'Short -> Impact',
          'Medium -> Impact',
          'Long -> Impact',
        ].sort(),
      );
    }
  });
});

describe('accountability structure', () => {
  for (const medium of MEDIA)
    it(`${medium}: every body once with its chair, meetings and priorities; every line once, from the right body to the right body, in its kind’s style`, async () => {
      const g = model.data.governance!;
      const { drawn: d, svg } = await draw('governance', {}, medium);
      checkDrawing(d, svg, 'diagram-governance');
      for (const b of g.bodies) {
        once(d, b.name);
        const box = boxWith(d, b.name);
        expect(box.content).toContain(words(`Chair: ${b.chair}`));
        expect(box.content).toMatch(/Meets /);
        // Bodies outside the partnership are drawn as such.
        const outside = !['board', 'delivery-group'].includes(b.type);
        expect(box.dashed).toBe(outside);
        expect(box.content.includes('Outside the partnership')).toBe(outside);
        if (b.type === 'delivery-group')
          for (const id of b.priorities) expect(box.content).toContain(words(model.priorityById.get(id)!.title));
      }
      const lines = governanceLines(model);
      // The example uses all four kinds, in the direction its data gives.
      expect(new Set(lines.map((l) => l.kind))).toEqual(
        new Set(['reports-to', 'holds-to-account', 'commissions', 'informs']),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({ from: 'scrutiny', to: 'board', kind: 'holds-to-account' }),
      );
      expect(lines).toContainEqual(expect.objectContaining({ from: 'sv-group', to: 'board', kind: 'reports-to' }));
      const nameOf = (content: string) =>
        g.bodies.find((b) => content.startsWith(words(b.name)))?.id ?? `? ${content.slice(0, 30)}`;
      const kindOf = (stroke: string, dash: string | undefined) =>
        Object.entries(LINE_STYLES).find(([, s]) => s.stroke === stroke && s.dash === dash)?.[0] ?? '?';
      const drawn = d.lines
        .map(
          (l) =>
            `${nameOf(boxAt(d, l.points[0]!)?.content ?? '')} ${kindOf(l.stroke, l.dash)} ${nameOf(boxAt(d, l.points.at(-1)!)?.content ?? '')}`,
        )
        .sort();
      expect(drawn).toEqual(lines.map((l) => `${l.from} ${l.kind} ${l.to}`).sort());
      // The key explains every kind of line drawn.
      const key = boxWith(d, 'Key: lines');
      for (const k of new Set(lines.map((l) => l.kind))) expect(key.content).toContain(LINE_STYLES[k].label);
    });

  it('a body’s reports_to and a reporting line of the same kind between the same bodies are one line', () => {
    const lines = governanceLines(model);
    const sv = lines.filter((l) => l.from === 'sv-group' && l.to === 'board');
    expect(sv).toHaveLength(1);
    expect(sv[0]!.reports.map((r) => r.frequency)).toEqual(['Quarterly']);
  });
});

describe('in print', () => {
  it('every diagram of both examples fits its page at full size, so nothing prints below 8.25pt', async () => {
    const second = buildModel(loadProject(path.join(REPO_ROOT, 'tests/strategies/thamesmouth')));
    for (const m of [model, second]) {
      const all = [
        ['theory-of-change', {}],
        ['governance', {}],
        ...m.priorities.map((p) => ['logic-model', { priority: p.id }] as const),
      ] as const;
      for (const [kind, params] of all) {
        const r = await renderDiagram(kind, m, params, undefined, 'print');
        if (!r) continue;
        for (const part of [r.placed, ...r.continued])
          expect(printPage(part.width, part.height), `${part.spec.id}: ${part.width} × ${part.height}`).toBeDefined();
        const sizes = [r.placed, ...r.continued].flatMap((p) => p.nodes.flatMap((n) => n.lines.map((l) => l.fontSize)));
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
      }
    }
  });
});

describe('determinism and caching', () => {
  it('the same data gives the same SVG bytes, laid out again from scratch', async () => {
    const svgs = async () => {
      const r = (await renderDiagram('theory-of-change', model, {}, undefined, 'print'))!;
      return [r.placed, ...r.continued].map((p) => diagramSvg(p));
    };
    const first = await svgs();
    clearDiagramCache();
    const before = layoutStats.laidOut;
    const second = await svgs();
    // Each printed part is laid out once.
    expect(layoutStats.laidOut - before).toBe(first.length);
    expect(second).toEqual(first);
    const memoryBefore = layoutStats.fromMemory;
    await svgs();
    expect(layoutStats.fromMemory - memoryBefore).toBe(first.length);
  });

  it('a layout is kept on disk and read back, giving the same bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diagrams-cache-'));
    try {
      clearDiagramCache();
      const a = (await renderDiagram('governance', model, {}, dir))!;
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
      clearDiagramCache();
      const before = layoutStats.fromDisk;
      const b = (await renderDiagram('governance', model, {}, dir))!;
      expect(layoutStats.fromDisk - before).toBe(1);
      expect(diagramSvg(b.placed)).toBe(diagramSvg(a.placed));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
