/** Messages for unsafe or hostile content. Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const SECURITY = {
  'html/removed': e(
    'warning',
    (what) => `Unsafe HTML was removed: ${what}.`,
    () => 'Write the content in Markdown; scripts, styles, frames, forms and event handlers are never published.',
  ),
  'file/dot-name': e(
    'error',
    (p) =>
      `"${p}" names a hidden file or folder (a name starting with a dot), which the tool never reads or publishes.`,
    () =>
      'Keep the file under data/ (or content/ for an image) with a name that does not start with a dot, e.g. data/police-uk/crimes.csv.',
  ),
  'file/outside-data': e(
    'error',
    (p) => `"${p}" is not a file in the data/ folder; chart data and KPI actuals are read only from data/.`,
    () =>
      'Put the file in data/ and write its path from there without "../", e.g. "police-uk/crimes.csv" for data/police-uk/crimes.csv.',
  ),
  'markdown/too-deep': e(
    'error',
    (what) => `This chapter nests too deeply to be read safely: ${what}.`,
    () =>
      'Flatten it: use headings and short lists instead of quotes or lists inside each other, and close each HTML element you open. This chapter was not checked further.',
  ),
  'markdown/too-many-marks': e(
    'error',
    (max) =>
      `This paragraph has more than ${max} emphasis, code or link marks (* _ \` [ ] < ~), which makes the Markdown reader very slow.`,
    () =>
      'Split it into shorter paragraphs, or write a literal mark with a backslash before it (\\* for *). This chapter was not checked further.',
  ),
  'kpi/too-many-actuals': e(
    'error',
    (id, max) => `KPI "${id}" has more than ${max} results; the rows from here on were not read.`,
    () =>
      "Give one result a period (a month, quarter or year) per KPI; keep raw records in a chart's data file under data/ instead.",
  ),
  'chart/too-many-rows': e(
    'error',
    (file, n, max) => `The chart data ${file} has ${n} rows, more than the ${max} a chart may draw.`,
    () => 'Aggregate the data first (for example counts per month), or filter it to the rows the chart shows.',
  ),
  'chart/too-expensive': e(
    'error',
    (what) => `This chart asks for more work than a chart may take: ${what}.`,
    () =>
      "Charts draw the strategy's own data: put the rows in a data file under data/, keep patterns simple (e.g. test(/^Drugs/, datum['Crime type'])), and pad only a few characters.",
  ),
  'chart/over-budget': e(
    'error',
    (what) => `This chart was stopped: ${what}.`,
    () =>
      'Make it less work: aggregate the rows in the data file first (for example counts per month), drop the transforms the chart does not need (a density, loess or window over many rows is costly), or split it into smaller charts.',
  ),
  'markdown/over-budget': e(
    'error',
    (what) => `This chapter's Markdown was stopped: ${what}.`,
    () =>
      'Split long paragraphs into shorter ones, write a literal mark with a backslash before it (\\* for *), or move part of the chapter into a chapter file of its own. This chapter was not checked further.',
  ),
  'link/local': e(
    'error',
    (href) =>
      `The link "${href}" points to a file on the computer that builds the strategy, which readers of the website and the PDF cannot open.`,
    () =>
      "Link to a part of the strategy by its id, e.g. [](#strategic-priorities), or to a web page by its full address (https://…). To share a document, publish it on the council's website and link to it there.",
  ),
  'id/reserved': e(
    'error',
    (id) =>
      `The id "${id}" belongs to the page itself (the skip link, the contents or the footer use it), so it cannot be used in a chapter.`,
    (id) => `Choose another id, e.g. {#${id}-section} after the heading, or rename the heading.`,
  ),
  'text/bidi-control': e(
    'warning',
    (code) =>
      `This line has an invisible direction-control character (${code}) that can make text display in a different order from how it is stored (a "Trojan source" trick).`,
    () => 'Delete it unless you are writing right-to-left text on purpose; titles and ids should never need one.',
  ),
} as const;
