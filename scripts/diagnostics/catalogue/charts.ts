/** Messages for charts (scripts/load/chart.ts, scripts/figures/). Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const CHARTS = {
  'chart/unknown': e(
    'error',
    (id) => `There is no chart with the id "${id}".`,
    (id, known) => `Add data/charts/${id}.yaml, or use one of: ${known}.`,
  ),
  'chart/bad-file-name': e(
    'error',
    (name) => `The chart file name "${name}" cannot be used as a chart id.`,
    () =>
      'Name chart files with lower-case letters, digits and hyphens, e.g. data/charts/asb-by-area.yaml; the name (without .yaml) is the id you write in ::chart{id=…}.',
  ),
  'chart/spec-invalid': e(
    'error',
    (path, why) => `The chart's spec is not valid Vega-Lite: "${path}" ${why}.`,
    () =>
      'Correct this line; the Vega-Lite documentation lists the fields each part of a spec allows (https://vega.github.io/vega-lite/docs/).',
  ),
  'chart/compile-failed': e(
    'error',
    (why) => `Vega-Lite cannot make a chart from this spec: ${why}.`,
    () =>
      'Check the mark, encoding and transforms against the Vega-Lite documentation; start from one of the example charts in data/charts/.',
  ),
  'chart/compile-warning': e(
    'warning',
    (why) => `Vega-Lite warns about this spec: ${why}.`,
    () => 'Check the encoding this warning names; the chart is drawn, but may not show what you meant.',
  ),
  'chart/render-failed': e(
    'error',
    (why) => `The chart could not be drawn: ${why}.`,
    () =>
      'Check the transforms and expressions of the spec; a field name must match the data exactly, including capitals and spaces.',
  ),
  'chart/no-data': e(
    'error',
    () => 'The chart has no data.',
    () =>
      'Add `data:` to the spec with either `values:` (a list of rows) or `url:` (a CSV, JSON or YAML file under data/, e.g. `url: police-uk/street.csv`).',
  ),
  'chart/remote-data': e(
    'error',
    (url) => `The chart loads data from "${url}", which is not a file in the strategy folder.`,
    () =>
      'Save the data as a CSV, JSON or YAML file under data/ and write its path relative to data/, e.g. `url: police-uk/street.csv`: the build never fetches from the network.',
  ),
  'chart/data-format': e(
    'error',
    (file) => `The data file "${file}" is not a format charts can read.`,
    (file, ext) =>
      `Charts read .csv, .tsv, .json (rows, GeoJSON or TopoJSON), .geojson, .topojson, .yaml and .yml files under data/. For another extension, say what the file holds with \`format: {type: csv}\` (or tsv, json, topojson)${ext && ext !== '(none)' ? `; "${ext}" is not one of these` : ''}.`,
  ),
  'chart/data-not-rows': e(
    'error',
    (file) => `The data file "${file}" does not hold a list of rows.`,
    () =>
      'A JSON or YAML data file is a list of rows, each a block of fields, e.g.\n- area: Northbridge 001A\n  count: 12',
  ),
  'chart/data-unsupported': e(
    'error',
    (what) => `Charts cannot use ${what}.`,
    () =>
      "Give the data as `values:` (rows, a list of numbers, or CSV text with `format: {type: csv}`), as a `url:` to one file under data/, as a `name:` of one of the spec's own `datasets`, or generate it (`sequence`, `graticule`, `sphere`).",
  ),
  'chart/missing-field': e(
    'error',
    (field) => `The chart uses the field "${field}", which its data does not have at that point.`,
    (field, columns) =>
      `Use one of the fields the data has there (names must match exactly, including capitals and spaces): ${columns}. A transform's \`as\` makes a new field for the steps after it.`,
  ),
  'chart/unsafe-expression': e(
    'error',
    (word) => `This expression uses "${word}", which chart expressions may not use.`,
    () =>
      "Expressions may use the data's fields, e.g. datum['Crime type'] == 'Drugs', and Vega's own functions; they cannot reach the program running the build.",
  ),
  'chart/link-or-image': e(
    'error',
    (what) => `The chart contains ${what}; charts may not link anywhere or show images.`,
    () => "Remove it: a chart shows the strategy's own data. Put links in the chapter's text instead.",
  ),
  'chart/unknown-ref': e(
    'error',
    (kind, id) => `There is no ${kind} with the id "${id}" to chart.`,
    (kind, id, known) => `Use one of: ${known}.`,
  ),
  'chart/missing-input': e(
    'error',
    (what, file) => `The ${what} chart has no data to draw: ${file} is missing or has errors.`,
    (what, file) => `Add ${file}, or correct the errors reported for it.`,
  ),
  'chart/empty': e(
    'warning',
    (what) => `The ${what} chart has nothing to show yet.`,
    (what, fix) => fix,
  ),
  'chart/data-text': e(
    'error',
    (why) => `The chart's CSV text cannot be read: ${why}.`,
    () =>
      'Write the text with a header row, one line per row and the values separated by commas (tabs for `format: {type: tsv}`), e.g. values: "area,count\\nNorth,12\\nSouth,7".',
  ),
  'chart/data-topojson': e(
    'error',
    (file, why) => `The map file "${file}" ${why}.`,
    (file, why, objects) =>
      `Name the TopoJSON object to draw: \`format: {type: topojson, feature: <object>}\` for its areas, or \`mesh: <object>\` for the boundaries between them. The file's objects: ${objects}.`,
  ),
  'chart/interactive': e(
    'warning',
    (name, kind) =>
      `The chart's ${kind} "${name}" cannot work on the website or in the PDF: charts there are pictures, drawn once as the spec first appears.`,
    (name, kind, initially) =>
      `The chart is drawn as it first appears (${initially}), and its description says so. If the chart needs the ${kind} to make sense, remove it from \`params\` and draw what it would show, e.g. with a \`filter\`.`,
  ),
  'chart/svg-too-large': e(
    'warning',
    (size, budget) =>
      `The chart's drawing is ${size}, over the ${budget} budget: pages with it load slowly and the PDF grows.`,
    () =>
      "Draw less: aggregate the rows before drawing (an `aggregate` by area or month, or `bin`), `filter` to what the chart is about, or simplify a map's shapes (e.g. mapshaper -simplify 10%) before saving the file under data/.",
  ),
  'chart/unused': e(
    'warning',
    (id) => `The chart "${id}" is not placed in any chapter.`,
    (id) =>
      `Place it with ::chart{id=${id}} in a chapter, or delete the file. Problems in a chart no chapter shows are reported as warnings.`,
  ),
} as const;
