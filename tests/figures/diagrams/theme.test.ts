/** The diagrams' colours: legible text on every fill, visible borders and lines, and kinds that differ in greyscale. */
import { describe, expect, it } from 'vitest';
import { contrast, DIAGRAM_COLOURS as C, greyLevel } from '../../../scripts/figures/diagrams/theme.js';
import { loadProject } from '../../../scripts/load/project.js';
import { buildModel } from '../../../scripts/model/strategy.js';
import { renderDiagram } from '../../../scripts/figures/diagrams/index.js';
import { REPO_ROOT } from '../../support/example-build.js';

describe('diagram colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5);
  });

  it('every diagram’s text meets 4.5:1 on its box, links too, and every border and line 3:1 against white', async () => {
    const model = buildModel(loadProject(REPO_ROOT));
    const specs = await Promise.all([
      renderDiagram('theory-of-change', model, {}),
      renderDiagram('governance', model, {}),
      ...model.priorities.map((p) => renderDiagram('logic-model', model, { priority: p.id })),
    ]);
    for (const r of specs) {
      const { roles, edgeKinds, id } = r!.placed.spec;
      for (const [name, role] of Object.entries(roles)) {
        const text = role.text ?? C.text;
        expect(contrast(text, role.fill), `${id} ${name} text`).toBeGreaterThanOrEqual(7);
        expect(contrast(C.secondary, role.fill), `${id} ${name} secondary text`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(C.link, role.fill), `${id} ${name} links`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(role.stroke, '#ffffff'), `${id} ${name} border`).toBeGreaterThanOrEqual(3);
      }
      for (const [name, kind] of Object.entries(edgeKinds))
        expect(contrast(kind.stroke, '#ffffff'), `${id} ${name} line`).toBeGreaterThanOrEqual(3);
      // Line kinds differ by more than colour: each has its own dash pattern or arrowhead.
      const looks = Object.values(edgeKinds).map((k) => `${k.dash ?? 'solid'} ${k.head}`);
      expect(new Set(looks).size).toBe(looks.length);
      // Box kinds differ in greyscale: by fill lightness, border weight or dashes.
      const boxLooks = Object.values(roles).map(
        (r) =>
          `${greyLevel(r.fill).toFixed(2)} ${r.strokeWidth ?? 1.2} ${r.dashed ? 'dashed' : 'solid'} ${greyLevel(r.stroke).toFixed(1)}`,
      );
      expect(new Set(boxLooks).size, id).toBe(boxLooks.length);
    }
  });
});
