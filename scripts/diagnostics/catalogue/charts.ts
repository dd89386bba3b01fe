/** Messages for charts (scripts/render/charts/). Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const CHARTS = {
  'chart/unknown': e('error', (id) => `There is no chart with the id "${id}".`, (id, known) => `Add data/charts/${id}.yaml, or use one of: ${known}.`),
} as const;
