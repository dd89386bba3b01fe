/** Messages for unsafe or hostile content. Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const SECURITY = {
  'html/removed': e('warning', (what) => `Unsafe HTML was removed: ${what}.`, () => 'Write the content in Markdown; scripts, styles, frames, forms and event handlers are never published.'),
  'file/dot-name': e(
    'error',
    (p) => `"${p}" names a hidden file or folder (a name starting with a dot), which the tool never reads or publishes.`,
    () => 'Keep the file under data/ (or content/ for an image) with a name that does not start with a dot, e.g. data/police-uk/crimes.csv.',
  ),
  'file/outside-data': e(
    'error',
    (p) => `"${p}" is not a file in the data/ folder; chart data and KPI actuals are read only from data/.`,
    () => 'Put the file in data/ and write its path from there without "../", e.g. "police-uk/crimes.csv" for data/police-uk/crimes.csv.',
  ),
} as const;
