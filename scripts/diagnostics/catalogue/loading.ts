/** Messages for reading files, YAML, CSV, schemas, chapters and Markdown. Wording only; see ../messages.ts. */
import { patternHint } from '../../schema/common.js';
import { e } from '../entry.js';

export const LOADING = {
  // Reading files
  'file/not-found': e(
    'error',
    (f, lookedFor) =>
      lookedFor && lookedFor !== f
        ? `The file ${f} is missing (looked for at ${lookedFor}, in the strategy folder).`
        : `The file ${f} is missing.`,
    (f, lookedFor) =>
      `Create ${lookedFor || f}, or correct the path. \`npx strategy init\` writes a starting version of every file; police.uk downloads go in data/police-uk/.`,
  ),
  'file/invalid-utf8': e(
    'error',
    () => 'This file is not valid UTF-8 text.',
    () => 'Save it again as "UTF-8" in your editor (in Excel: "CSV UTF-8").',
  ),
  'file/too-large': e(
    'error',
    (size, max) => `This file is ${size}, more than the ${max} limit.`,
    () => 'Split it into smaller files, or remove data the strategy does not use.',
  ),
  'file/outside-root': e(
    'error',
    (p) => `"${p}" points outside the strategy folder.`,
    () => 'Keep every file inside the strategy folder and refer to it by a path relative to it, without "../".',
  ),
  'file/symlink-outside-root': e(
    'error',
    (p) => `"${p}" is a link to a file outside the strategy folder.`,
    () => 'Copy the file into the strategy folder instead of linking to it.',
  ),
  'file/empty': e(
    'error',
    () => 'This file is empty.',
    () => 'Fill it in; `npx strategy init` shows what each file holds.',
  ),

  // YAML
  'yaml/syntax': e(
    'error',
    (why) => `The YAML cannot be read: ${why}.`,
    () =>
      'Check the indentation and punctuation on this line: nested items are indented by two spaces, and text containing ": " or starting with a symbol goes in quotes.',
  ),
  'yaml/tab-indent': e(
    'error',
    () => 'This line is indented with a tab.',
    () => 'Indent YAML with spaces only (two per level); most editors can convert tabs to spaces.',
  ),
  'yaml/duplicate-key': e(
    'error',
    (key) => `The key "${key}" appears twice in the same block.`,
    () => 'Keep one of them: YAML would silently use only the last.',
  ),
  'yaml/alias': e(
    'error',
    () => 'This file uses YAML anchors or aliases (& or *).',
    () => 'Write the values out in full: anchors make files hard to review and can be used to blow up memory.',
  ),
  'yaml/too-deep': e(
    'error',
    (depth) => `The YAML is nested more than ${depth} levels deep.`,
    () => 'Flatten the structure: no strategy file needs that much nesting.',
  ),

  // Schema
  'schema/required': e(
    'error',
    (key) => `"${key}" is required here but missing.`,
    (key) => `Add a line \`${key}: …\` at this level.`,
  ),
  'schema/unknown-key': e(
    'error',
    (key, known) => `"${key}" is not a field this file knows.`,
    (key, known) => `Check the spelling; the fields allowed here are: ${known}.`,
  ),
  'schema/type': e(
    'error',
    (path, expected, got) => `"${path}" should be ${expected}, but it is ${got}.`,
    (path, expected) =>
      /actuals\[\d+\]\.value$/.test(path ?? '')
        ? 'Write the figure as a number, e.g. 412. If it is due but not published yet, write `value: null` and add `reason:` saying when it will be, e.g. `reason: Published by the Home Office in August`; it is shown as "not yet available".'
        : `Write ${expected} here.`,
  ),
  'schema/enum': e(
    'error',
    (path, got, options) => `"${path}" is "${got}", which is not one of the allowed values.`,
    (path, got, options) => `Use one of: ${options}.`,
  ),
  'schema/invalid': e(
    'error',
    (path, why) => `"${path}" ${why}.`,
    (path, why) => invalidHint(why ?? ''),
  ),

  // CSV
  'csv/syntax': e(
    'error',
    (why) => `The CSV cannot be read: ${why}.`,
    () => 'Check that quotes are paired and each row has the same number of columns as the header.',
  ),
  'csv/missing-column': e(
    'error',
    (col) => `The CSV has no "${col}" column.`,
    (col, cols) => `Add a "${col}" column to the header row (expected columns: ${cols}).`,
  ),

  // Chapters and Markdown
  'chapter/no-front-matter': e(
    'error',
    () => 'This chapter has no front matter.',
    () =>
      'Start the file with a block between two lines of three dashes, e.g.\n---\nsection: 3\ntitle: Partnership Context\n---',
  ),
  'chapter/unclosed-front-matter': e(
    'error',
    () => 'The front matter starts with "---" on the first line but is never closed.',
    () => "Add a line of three dashes (---) after the last front matter line, before the chapter's text.",
  ),
  'chapter/reserved-id': e(
    'error',
    (id) => `The id "${id}" is the name of one of the site's own pages, so this chapter would replace it.`,
    (id, reserved) => `Choose another id (not ${reserved}), e.g. \`id: ${id}-section\`.`,
  ),
  'chapter/missing-section': e(
    'error',
    (n, title) => `Section ${n}, "${title}", has no chapter.`,
    (n, title, file) => `Add ${file} with front matter \`section: ${n}\` and \`title: ${title}\`.`,
  ),
  'chapter/duplicate-section': e(
    'error',
    (n, other) => `Section ${n} is also given by ${other}.`,
    () => 'Each section is one file: merge the two, or correct the section number in the front matter.',
  ),
  'chapter/wrong-title': e(
    'error',
    (n, got, expected) => `Section ${n} is titled "${got}", but the statutory structure calls it "${expected}".`,
    (n, got, expected) => `Write \`title: ${expected}\`.`,
  ),
  'chapter/out-of-order': e(
    'error',
    (n, file) => `Section ${n} is in a file that sorts out of order.`,
    (n, file) => `Rename the file so it sorts in section order, e.g. ${file}.`,
  ),
  'markdown/heading-level': e(
    'error',
    (level) => `A level-1 heading ("# …") is not allowed inside a chapter.`,
    () => 'The chapter title comes from the front matter; start your headings at "## ".',
  ),
  'xref/unknown': e(
    'error',
    (id) => `The cross-reference "#${id}" points to no section or heading.`,
    (id, suggestion) =>
      suggestion
        ? `Did you mean "#${suggestion}"? Headings get ids from their text, or set one with "## Title {#my-id}".`
        : 'Link to a section id (its front matter `id`) or a heading id; set one with "## Title {#my-id}".',
  ),
  'xref/duplicate-heading': e(
    'warning',
    (title, other, id, slug) =>
      `The heading "${title}" has the same text as the one at ${other}, so its id is "${id}" and a link to "#${slug}" goes to the other one.`,
    (title, other, id, slug) => `Reword one of them, or give this one its own id: "## ${title} {#${slug}-…}".`,
  ),
  'xref/duplicate-id': e(
    'error',
    (id, other) => `The id "${id}" is already used at ${other}.`,
    () => 'Give this heading its own id with "## Title {#another-id}".',
  ),
  'directive/unknown': e(
    'error',
    (name, known) => `There is no data block called "${name}".`,
    (name, known) => `Use one of: ${known}.`,
  ),
  'directive/missing-attribute': e(
    'error',
    (name, attr) => `The block "${name}" needs a ${attr}.`,
    (name, attr, example) => `Write it like ${example}.`,
  ),
  'directive/unknown-id': e(
    'error',
    (kind, id) => `There is no ${kind} with the id "${id}".`,
    (kind, id, known) => `Use one of: ${known}.`,
  ),
  'directive/unknown-attribute': e(
    'error',
    (name, attr) => `The block "${name}" has no setting called "${attr}".`,
    (name, attr, known) => `Remove it, or use one of: ${known}.`,
  ),
  'directive/container': e(
    'error',
    (name) => `":::${name}" blocks are not supported.`,
    (name) => `Place a data block on its own line with two colons, e.g. ::${name}.`,
  ),
  'image/remote': e(
    'error',
    (src) => `The image "${src}" is on another website.`,
    () =>
      'Save the image in the strategy folder (for example content/images/) and refer to it by its path: the build never fetches from the network.',
  ),
  'image/missing': e(
    'error',
    (src) => `The image "${src}" does not exist.`,
    () => 'Check the path: it is relative to the chapter file.',
  ),
  'image/no-alt': e(
    'warning',
    (src) => `The image "${src}" has no alternative text, so screen reader users will not know what it shows.`,
    () =>
      'Describe the image in the brackets: ![What the image shows](path.png). Leave it empty only if the image is pure decoration.',
  ),
  'image/type': e(
    'error',
    (src) => `"${src}" is not a PNG, JPEG, GIF or WebP image.`,
    () =>
      'Save the picture as .png or .jpg and refer to that file. Other files (SVG, HTML, PDF) are not published as images, because they can carry code.',
  ),

  // Templates
  'template/unsafe': e(
    'error',
    (page, what) => `The page ${page} made from this template has ${what}.`,
    () =>
      'Templates may change the look, not add code: remove it. Scripts, event handlers, frames and forms are never published, and every page keeps the Content-Security-Policy.',
  ),

  // Browser
  'site/accessibility': e(
    'error',
    (page, width, rule, help, targets) =>
      `The page ${page} at ${width} px fails the accessibility check "${rule}": ${help} (${targets}).`,
    () =>
      'Fix the content or template that makes this element (a heading out of order, a missing text alternative, low contrast), then build again. Nothing is published until every page passes.',
  ),
  'pdf/remote-request': e(
    'error',
    (url) => `The PDF tried to load "${url}", which is not part of the strategy.`,
    () => 'Keep every image and font inside the strategy folder: the build never fetches from the network.',
  ),
} as const;

/** A hint for a value the schema refuses, derived from what is wrong with it. */
function invalidHint(why: string): string {
  // A pattern's own words, as the editor shows them (scripts/schema/common.ts).
  const worded = patternHint(why);
  if (worded) return worded;
  const like = / like (\S+(?: Q\d)?)/.exec(why);
  if (like) return `Write it like ${like[1]}.`;
  if (/must not be negative/.test(why)) return 'Write 0 or a positive amount.';
  if (/must be a number/.test(why))
    return 'Write the figure as a number, e.g. 412. If it is not published yet, leave the value cell empty and say why in the note column; it is shown as "not yet available".';
  if (/whole number of pounds/.test(why)) return 'Write whole pounds without a £ sign or pence, e.g. 125000.';
  const items = /needs at least (\d+) item/.exec(why);
  if (items)
    return `Add at least ${items[1]} entr${items[1] === '1' ? 'y' : 'ies'}, each on a line starting with "- ".`;
  if (/must not be empty/.test(why)) return 'Write the text here, or remove the line if the field is optional.';
  const bound = /must be (at least|at most) (\S+)/.exec(why);
  if (bound) return `Write a number ${bound[1]} ${bound[2]}.`;
  return 'Correct the value; the JSON Schema in schemas/ describes every field and its format.';
}
