/**
 * One theme for every chart, officer-written or generated, matching the document: its font, text
 * that stays legible at A4 width (charts are about 640px wide, printed at about 170mm, so 12px text
 * prints at roughly 9pt), the Okabe–Ito colour-blind-safe palette ordered so that neighbouring
 * series differ in lightness too (legible in greyscale), and GOV.UK's RAG colours for status.
 * ARIA is off for marks, axes and legends: the chart gets one accessible name and description on its
 * root <svg> instead (see svg.ts), so a PDF has one figure per chart, not one per mark.
 */
import type { Config } from 'vega-lite';

export const FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/** The width of a chart's plot area, within a drawing about 640px wide with axes and legend. */
export const PLOT_WIDTH = 520;

export const TEXT = '#0b0c0c';
export const SECONDARY_TEXT = '#505a5f';
export const GRID = '#d9dadb';

/** Okabe–Ito, ordered to alternate dark and light: blue, orange, bluish green, reddish purple, sky blue, vermilion, yellow, black. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

export const SHAPES = [
  'circle',
  'square',
  'triangle-up',
  'diamond',
  'cross',
  'triangle-down',
  'triangle-right',
  'wedge',
] as const;

/** GOV.UK status colours. */
export const RAG_COLOURS = {
  green: '#00703c',
  amber: '#f47738',
  red: '#d4351c',
  grey: '#505a5f',
  blue: '#1d70b8',
} as const;

/** A sequential scheme from light to dark blue, for counts (heat maps). */
export const SEQUENTIAL = ['#f1f7fc', '#c6dbef', '#8fbfe0', '#4f93c8', '#1f65a6', '#0b3d6e'];

export const THEME: Config = {
  aria: false,
  background: 'white',
  padding: 8,
  font: FONT,
  autosize: { type: 'pad' },
  view: {
    continuousWidth: PLOT_WIDTH,
    continuousHeight: 300,
    stroke: null,
    discreteWidth: { step: 28 },
    discreteHeight: { step: 26 },
  },
  mark: { aria: false, color: PALETTE[0], tooltip: false },
  bar: { aria: false, stroke: 'white', strokeWidth: 0.75, discreteBandSize: { band: 0.75 } },
  rect: { aria: false },
  line: { aria: false, strokeWidth: 2.5 },
  point: { aria: false, size: 60, filled: true },
  text: { aria: false, fontSize: 12, color: TEXT },
  rule: { aria: false, color: SECONDARY_TEXT },
  range: {
    category: [...PALETTE],
    ordinal: SEQUENTIAL.slice(1),
    ramp: SEQUENTIAL,
    heatmap: SEQUENTIAL,
    symbol: [...SHAPES],
    diverging: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'],
  },
  axis: {
    aria: false,
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'bold',
    labelColor: TEXT,
    titleColor: TEXT,
    titlePadding: 10,
    domainColor: SECONDARY_TEXT,
    tickColor: SECONDARY_TEXT,
    gridColor: GRID,
    labelLimit: 320,
    titleLimit: 600,
  },
  axisBand: { grid: false },
  legend: {
    aria: false,
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: 12,
    titleFontSize: 13,
    labelColor: TEXT,
    titleColor: TEXT,
    labelLimit: 360,
    titleLimit: 600,
    symbolSize: 120,
    orient: 'bottom',
    direction: 'horizontal',
    columns: 3,
    columnPadding: 16,
    rowPadding: 6,
  },
  header: {
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: 12,
    titleFontSize: 13,
    labelColor: TEXT,
    titleColor: TEXT,
  },
  title: {
    font: FONT,
    fontSize: 15,
    subtitleFont: FONT,
    subtitleFontSize: 12,
    anchor: 'start',
    color: TEXT,
    aria: false,
  },
  style: { 'guide-label': { font: FONT, fontSize: 12 }, 'guide-title': { font: FONT, fontSize: 13 } },
};

/** Bumped whenever the theme or the SVG post-processing changes, so cached SVG is not reused. */
export const THEME_VERSION = '3';
