/** Wrapping inside boxes: every line fits, measured with the charts' Arial metrics, words kept whole where they fit. */
import { describe, expect, it } from 'vitest';
import { setText, textWidth, wrap } from '../../../scripts/figures/diagrams/text.js';

describe('wrapping text in a box', () => {
  it('breaks at spaces and keeps every line within the width', () => {
    const text = 'Place-based problem-solving in the four violence hotspots, using hospital and police data together';
    const lines = wrap(text, 'body', 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(textWidth(l, 'body')).toBeLessThanOrEqual(120);
  });

  it('breaks a word longer than the box instead of letting it overflow', () => {
    const word = 'Supercalifragilisticexpialidocious-partnership-arrangements';
    const lines = wrap(`A ${word} here`, 'heading', 80);
    for (const l of lines) expect(textWidth(l, 'heading')).toBeLessThanOrEqual(80);
    expect(lines.join('').replace(/\s/g, '')).toBe(`A${word}here`);
  });

  it('sets runs top to bottom, bullets indented, chips side by side, and the box grows to hold them', () => {
    const { lines, height } = setText(
      [
        { text: 'Heading', style: 'heading' },
        { text: 'An item long enough to wrap onto a second line in a narrow box', style: 'bullet' },
        { text: 'KPI sv-01', style: 'chip', href: 'kpi:sv-01' },
        { text: 'KPI sv-02', style: 'chip', href: 'kpi:sv-02' },
      ],
      200,
    );
    const [heading, bullet] = lines;
    expect(bullet!.x).toBeGreaterThan(heading!.x);
    expect(bullet!.bullet).toBe(true);
    const chips = lines.filter((l) => l.style === 'chip');
    expect(chips).toHaveLength(2);
    expect(chips[0]!.y).toBe(chips[1]!.y);
    expect(chips[1]!.x).toBeGreaterThan(chips[0]!.x + chips[0]!.width);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.y).toBeGreaterThanOrEqual(lines[i - 1]!.y);
    expect(height).toBeGreaterThan(lines.at(-1)!.y);
    for (const l of lines) expect(l.x + l.width).toBeLessThanOrEqual(200 - 10);
  });
});
