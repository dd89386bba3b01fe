/**
 * Chart labels are wrapped or given room, never cut: no chart SVG text in either example's site ends
 * in (or holds) an ellipsis, and the labels that used to be cut (the delivery timeline's actions,
 * the priority-scores chart's candidates) print whole, across lines.
 */
import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { elements, hasClass, readPage, text } from '../support/html.js';

const outputs = { example: inject('exampleOut'), second: inject('secondOut') };

/** Every <text> inside a chart's SVG on every page, with the page it is on. */
function chartTexts(dist: string): { page: string; figure: string; text: string; lines: string[] }[] {
  const out: { page: string; figure: string; text: string; lines: string[] }[] = [];
  for (const page of fs.readdirSync(dist).filter((f) => f.endsWith('.html'))) {
    const tree = readPage(dist, page);
    for (const fig of elements(tree, (el) => el.tagName === 'figure' && hasClass(el, 'chart'))) {
      const root = { type: 'root' as const, children: [fig] };
      for (const t of elements(root, (el) => el.tagName === 'text')) {
        const spans = elements({ type: 'root', children: [t] }, (el) => el.tagName === 'tspan').map(text);
        out.push({
          page,
          figure: String(fig.properties['id']),
          text: text(t),
          lines: spans.length ? spans : [text(t)],
        });
      }
    }
  }
  return out;
}

describe('chart labels', () => {
  for (const [name, dist] of Object.entries(outputs)) {
    it(`${name}: no chart text is cut with "…"`, () => {
      const texts = chartTexts(dist);
      expect(texts.length).toBeGreaterThan(100);
      expect(texts.filter((t) => t.text.includes('\u2026')).map((t) => `${t.page} ${t.figure}: ${t.text}`)).toEqual([]);
      // Nor does any layer add a row for a value it does not have (a rule with its own data once drew "undefined").
      expect(
        texts.filter((t) => /^(undefined|null|NaN)$/.test(t.text.trim())).map((t) => `${t.page} ${t.figure}`),
      ).toEqual([]);
    });
  }

  it('the delivery timeline and priority scores print each action and candidate whole, wrapped across lines', () => {
    const dist = outputs.example;
    const texts = chartTexts(dist);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const actions = texts.filter(
      (t) => t.figure.startsWith('chart-delivery-timeline') && /^[a-z]+-a\d+ /.test(squash(t.lines.join(' '))),
    );
    expect(actions.length).toBeGreaterThan(10);
    // At least one label needed more than one line, and every line is drawn.
    expect(actions.some((t) => t.lines.length > 1)).toBe(true);
    const data = readPage(dist, 'full.html');
    const rows = elements(data, (el) => el.tagName === 'td' || el.tagName === 'th').map((c) => squash(text(c)));
    for (const a of actions) {
      const label = squash(a.lines.join(' '));
      const [id, ...rest] = label.split(' ');
      expect(rows, label).toContain(`${id}: ${rest.join(' ')}`);
    }
    const scores = texts.filter((t) => t.figure === 'chart-priority-scores' && /^\d+\. /.test(t.lines[0]!));
    expect(scores.length).toBeGreaterThan(3);
    expect(scores.some((t) => t.lines.length > 1)).toBe(true);
  });
});

describe('links inside the diagrams on the site', () => {
  it('each logic model outcome’s KPIs and the theory of change’s KPIs and actions are real links to rows that exist', () => {
    const dist = outputs.example;
    let links = 0;
    const ids = new Map<string, Set<string>>();
    const idsOf = (f: string) =>
      ids.get(f) ??
      ids
        .set(
          f,
          new Set(
            elements(readPage(dist, f), (el) => el.properties['id'] !== undefined).map((el) =>
              String(el.properties['id']),
            ),
          ),
        )
        .get(f)!;
    for (const page of fs.readdirSync(dist).filter((f) => f.endsWith('.html'))) {
      const tree = readPage(dist, page);
      for (const fig of elements(tree, (el) => el.tagName === 'figure' && hasClass(el, 'diagram'))) {
        const svg = elements({ type: 'root', children: [fig] }, (el) => el.tagName === 'svg')[0]!;
        const anchors = elements({ type: 'root', children: [svg] }, (el) => el.tagName === 'a');
        if (!anchors.length) continue;
        // A named group, not an image: its links are exposed and focusable (no tabindex="-1").
        expect(svg.properties['role']).toBe('group');
        expect(svg.properties['ariaLabelledBy']).toBeTruthy();
        for (const a of anchors) {
          links++;
          expect(a.properties['tabIndex']).toBeUndefined();
          expect(text(a).trim().length).toBeGreaterThan(0);
          const [file, anchor] = String(a.properties['href']).split('#');
          expect(idsOf(file || page).has(anchor!), `${page}: ${String(a.properties['href'])}`).toBe(true);
        }
      }
    }
    expect(links).toBeGreaterThan(20);
  });
});
