/**
 * Risk scales. The default is Medway's: likelihood A (very likely) to D (rare) by impact I
 * (catastrophic) to IV (minor), rated like "C3" (letter, then the impact as a number). A 5×5 numeric
 * scale rates by the product of likelihood and impact (1–25). A register may also give its own levels.
 */
import { RISK_PRESETS, type RiskScaleInput } from '../schema/index.js';

export interface Level {
  code: string;
  label: string;
  /** 1 = most likely / most severe. */
  rank: number;
}

export interface RiskScale {
  kind: 'letter-numeral' | 'numeric';
  likelihood: Level[];
  impact: Level[];
}

const levels = (pairs: [string | number, string][]): Level[] =>
  pairs.map(([code, label], i) => ({ code: String(code), label, rank: i + 1 }));

export const LETTER_NUMERAL: RiskScale = {
  kind: 'letter-numeral',
  likelihood: levels(RISK_PRESETS['letter-numeral'].likelihood),
  impact: levels(RISK_PRESETS['letter-numeral'].impact),
};

export const NUMERIC_5X5: RiskScale = {
  kind: 'numeric',
  likelihood: levels(RISK_PRESETS['numeric-5x5'].likelihood),
  impact: levels(RISK_PRESETS['numeric-5x5'].impact),
};

export function resolveScale(input: RiskScaleInput | undefined): RiskScale {
  const preset = input?.preset === 'numeric-5x5' ? NUMERIC_5X5 : LETTER_NUMERAL;
  if (!input?.likelihood && !input?.impact) return preset;
  const custom = (l: { code: string | number; label: string }[] | undefined, fallback: Level[]) =>
    l ? levels(l.map((x) => [x.code, x.label])) : fallback;
  const likelihood = custom(input.likelihood, preset.likelihood);
  const impact = custom(input.impact, preset.impact);
  const numeric = [...likelihood, ...impact].every((x) => /^\d+$/.test(x.code));
  return { kind: numeric ? 'numeric' : 'letter-numeral', likelihood, impact };
}

export function findLevel(levelsList: Level[], code: string | number): Level | undefined {
  return levelsList.find((l) => l.code === String(code));
}

export interface Rating {
  /** The printed rating: "C3" or "12". */
  label: string;
  /** 0 (lowest) to 1 (highest), for colouring: combines both ranks. */
  severity: number;
  band: 'high' | 'medium' | 'low';
}

/** The rating of a likelihood and impact, or undefined when either is not on the scale. */
export function rate(scale: RiskScale, likelihood: string | number, impact: string | number): Rating | undefined {
  const l = findLevel(scale.likelihood, likelihood);
  const i = findLevel(scale.impact, impact);
  if (!l || !i) return undefined;
  const nl = scale.likelihood.length;
  const ni = scale.impact.length;
  // Position from the least severe corner, normalised to 0..1.
  const severity = ((nl - l.rank) / (nl - 1) + (ni - i.rank) / (ni - 1)) / 2;
  const band = severity >= 0.6 ? 'high' : severity >= 0.35 ? 'medium' : 'low';
  if (scale.kind === 'numeric') return { label: String(Number(l.code) * Number(i.code)), severity, band };
  return { label: `${l.code}${i.rank}`, severity, band };
}
