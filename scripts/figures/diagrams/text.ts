/**
 * Text in boxes: measured with the same Arial advance widths the charts use (text-metrics.ts), wrapped
 * greedily at spaces to the box's inner width, and broken inside a word only when one word alone is
 * wider than the box, so no line ever runs past its box's border.
 */
import { arialWidth } from '../text-metrics.js';
import type { PlacedLine, TextRun, TextStyle } from './types.js';

export interface TextSetting {
  fontSize: number;
  bold: boolean;
  /** Baseline to baseline. */
  lineHeight: number;
  /** Space above a run (not above the first in a box). */
  gapBefore: number;
  /** Left indent inside the box (bullets hang). */
  indent: number;
}

export const TEXT_SETTINGS: Record<TextStyle, TextSetting> = {
  heading: { fontSize: 13, bold: true, lineHeight: 16, gapBefore: 6, indent: 0 },
  body: { fontSize: 12, bold: false, lineHeight: 15, gapBefore: 4, indent: 0 },
  bullet: { fontSize: 12, bold: false, lineHeight: 15, gapBefore: 3, indent: 11 },
  meta: { fontSize: 11, bold: false, lineHeight: 14, gapBefore: 2, indent: 0 },
  link: { fontSize: 11, bold: false, lineHeight: 14, gapBefore: 2, indent: 0 },
  chip: { fontSize: 11, bold: true, lineHeight: 14, gapBefore: 4, indent: 0 },
};

/** Room for a key's sample line or box before its text. */
export const SWATCH_WIDTH = 40;
export const BOX_PADDING = { x: 10, top: 9, bottom: 10 };

export function textWidth(text: string, style: TextStyle): number {
  const s = TEXT_SETTINGS[style];
  return arialWidth(text, s.fontSize, s.bold);
}

/** Split `text` into lines no wider than `max` px. */
export function wrap(text: string, style: TextStyle, max: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, style) <= max) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // One word wider than the box: break it where it must, never let it overflow.
    let rest = word;
    while (textWidth(rest, style) > max) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), style) > max) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Lay out a box's text from its top-left corner; returns the lines (relative) and the box height. */
export function setText(runs: readonly TextRun[], width: number): { lines: PlacedLine[]; height: number } {
  const inner = width - 2 * BOX_PADDING.x;
  const lines: PlacedLine[] = [];
  let y = BOX_PADDING.top;
  const chipGap = 10;
  let chipX: number | undefined; // where the next chip goes on the current chip line
  runs.forEach((run, i) => {
    const s = TEXT_SETTINGS[run.style];
    if (run.style === 'chip') {
      const w = textWidth(run.text, 'chip');
      const baseline = (top: number) => top + s.lineHeight - (s.lineHeight - s.fontSize) / 2 - s.fontSize * 0.2;
      if (chipX !== undefined && chipX + chipGap + w <= inner) {
        // Same line as the chip before it.
        const line: PlacedLine = {
          text: run.text,
          style: 'chip',
          x: BOX_PADDING.x + chipX + chipGap,
          y: baseline(y - s.lineHeight),
          width: w,
          fontSize: s.fontSize,
          bold: s.bold,
        };
        if (run.href) line.href = run.href;
        lines.push(line);
        chipX += chipGap + w;
        return;
      }
      if (w <= inner) {
        if (i > 0) y += s.gapBefore;
        const line: PlacedLine = {
          text: run.text,
          style: 'chip',
          x: BOX_PADDING.x,
          y: baseline(y),
          width: w,
          fontSize: s.fontSize,
          bold: s.bold,
        };
        if (run.href) line.href = run.href;
        lines.push(line);
        y += s.lineHeight;
        chipX = w;
        return;
      }
    }
    chipX = undefined;
    const indent = s.indent + (run.swatch ? SWATCH_WIDTH : 0);
    if (i > 0) y += s.gapBefore;
    wrap(run.text, run.style, inner - indent).forEach((text, j) => {
      // The baseline sits about 0.8 em below the top of the line box.
      const baseline = y + s.lineHeight - (s.lineHeight - s.fontSize) / 2 - s.fontSize * 0.2;
      const line: PlacedLine = {
        text,
        style: run.style,
        x: BOX_PADDING.x + indent,
        y: baseline,
        width: textWidth(text, run.style),
        fontSize: s.fontSize,
        bold: s.bold,
      };
      if (run.href) line.href = run.href;
      if (j === 0 && run.style === 'bullet') line.bullet = true;
      if (j === 0 && run.swatch) line.swatch = run.swatch;
      lines.push(line);
      y += s.lineHeight;
    });
  });
  return { lines, height: Math.ceil(y + BOX_PADDING.bottom) };
}
