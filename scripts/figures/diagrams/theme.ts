/**
 * The diagrams' colours, from the charts' theme and GOV.UK's palette. Every fill is a light tint
 * whose text (#0b0c0c) keeps a contrast of at least 7:1, every border and line at least 3:1 against
 * white (WCAG 1.4.11), and the kinds differ in more than hue: fills step in lightness, borders are
 * solid, thick or dashed, and lines are solid, dashed or dotted with different arrowheads, so the
 * diagrams read in greyscale and for colour-blind readers. tests/figures/diagrams checks the ratios.
 */
import { SECONDARY_TEXT, TEXT } from '../theme.js';

export const DIAGRAM_COLOURS = {
  text: TEXT,
  secondary: SECONDARY_TEXT,
  link: '#1d4f91',
  /** Borders and lines. */
  navy: '#12263f',
  blue: '#1d70b8',
  green: '#00703c',
  purple: '#4c2c92',
  grey: '#505a5f',
  orange: '#b24b07',
  /** Fills, from lightest to darkest. */
  white: '#ffffff',
  paleGrey: '#f3f2f1',
  paleBlue: '#e8f1f8',
  paleGreen: '#e3f1ea',
  paleYellow: '#fff7d6',
  paleRed: '#fbe9e4',
  blueTint: '#d2e2f1',
  greenTint: '#c8e3d4',
} as const;

/** WCAG relative luminance contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Luminance on a 0–1 scale, to check that kinds differ in greyscale. */
export function greyLevel(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
