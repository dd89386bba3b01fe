/** Messages for the cross-checks of `strategy check` (scripts/validate/). Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const RULES = {
  'id/duplicate': e('error', (kind, id, other) => `The ${kind} id "${id}" is used twice (also at ${other}).`, () => 'Give each one its own id.'),
} as const;
