/** Messages for unsafe or hostile content. Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const SECURITY = {
  'html/removed': e('warning', (what) => `Unsafe HTML was removed: ${what}.`, () => 'Write the content in Markdown; scripts, styles, frames, forms and event handlers are never published.'),
} as const;
