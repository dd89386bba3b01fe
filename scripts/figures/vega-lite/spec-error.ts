/**
 * A problem in a spec, with Vega-Lite's or Vega's own words. In its own module, so catching it
 * (figures/index.ts) does not load Vega.
 */
export class ChartSpecError extends Error {
  readonly stage: 'compile' | 'render';
  constructor(stage: 'compile' | 'render', message: string) {
    super(message);
    this.name = 'ChartSpecError';
    this.stage = stage;
  }
}
