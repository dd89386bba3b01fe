/**
 * Text widths for layout. Without a canvas, Vega estimates every character as 0.8 em wide, which
 * truncates labels that would fit and pads charts with empty space. The document's font is Arial or
 * Liberation Sans (metric-compatible), so the width of each character is known: these are Arial's
 * advance widths in thousandths of an em (bold is about 8% wider). Deterministic on every machine.
 */
import type * as Vega from 'vega';

const ASCII_WIDTHS = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278, // space to /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556, // 0 to ?
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778, // @ to O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556, // P to _
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556, // ` to o
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584, // p to ~
];
const OTHER: Record<string, number> = {
  '£': 556,
  '€': 556,
  '–': 556,
  '—': 1000,
  '…': 1000,
  '‘': 222,
  '’': 222,
  '“': 333,
  '”': 333,
  '×': 584,
  '•': 350,
};

export function arialWidth(text: string, fontSize: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32]! : (OTHER[ch] ?? 556);
  }
  return (units / 1000) * fontSize * (bold ? 1.08 : 1);
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

let installed = false;

/**
 * Replace Vega's estimate with Arial's metrics (once per process; Vega reads it at layout time). Vega
 * is passed in by the one module that draws, so measuring a diagram's text never loads it.
 */
export function useArialMetrics(vega: typeof Vega): void {
  if (installed) return;
  installed = true;
  const metrics = (
    vega as unknown as { textMetrics: { width: (item: TextItem, text: string) => number; canvas?: unknown } }
  ).textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize ?? 11;
    const w = item.fontWeight;
    const bold =
      w === 'bold' ||
      w === 'bolder' ||
      (typeof w === 'number' && w >= 600) ||
      (typeof w === 'string' && /^[6-9]00$/.test(w));
    return arialWidth(text == null ? '' : String(text), size, bold);
  };
}

/**
 * Split `text` at spaces into lines no wider than `max` px in Arial at this size, so a chart label is
 * wrapped, never cut. A single word wider than `max` stays whole on its own line (Vega's label limit,
 * set wider than `max`, then still shows it entire).
 */
export function wrapWords(text: string, max: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || arialWidth(candidate, fontSize, bold) <= max) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
