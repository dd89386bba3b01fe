/** Messages raised by data blocks while they render (scripts/render/blocks/). Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const BLOCKS = {
  'block/csv-missing-column': e(
    'error',
    (file, column) => `${file} has no column "${column}".`,
    (file, column, columns) =>
      `Use one of its columns (names must match exactly, including capitals and spaces): ${columns}.`,
  ),
  'block/csv-no-location': e(
    'warning',
    (count, file, by) =>
      `${count} row${count === '1' ? '' : 's'} of ${file} ${count === '1' ? 'has' : 'have'} no location (police.uk writes "No Location" and leaves the LSOA empty), so the breakdown by ${by} leaves ${count === '1' ? 'it' : 'them'} out.`,
    (count) =>
      `This is normal for police.uk downloads, and the table says so under it ("a further ${count} records had no location"). Once you have checked the number, add \`unlocated=noted\` to the block to confirm it.`,
  ),
  'block/bad-number': e(
    'error',
    (name, value) => `The block setting ${name}="${value}" is not a whole number.`,
    (name) => `Write a whole number, e.g. ${name}=5.`,
  ),
  'block/question-not-in-survey': e(
    'error',
    (question, survey) => `The survey "${survey}" has no question "${question}" to compare.`,
    (question, survey, known) => `Give the question the same id in every survey compared; "${survey}" has: ${known}.`,
  ),
  'block/no-data': e(
    'warning',
    (what) => `The ${what} block has nothing to show.`,
    (what, fix) => fix,
  ),
} as const;
