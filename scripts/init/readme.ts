/** The README `strategy init` writes for the officers who keep a strategy, and the police.uk note. */

export function officerReadme(tool: string): string {
  return `# Our Community Safety Strategy

This repository holds our partnership's Community Safety Strategy: the words in \`content/\`, the
figures in \`data/\`. The tool (\`${tool}\`) checks them and publishes a website and a PDF.

## Getting started (once)

You need Node.js 20 or newer and, for the PDF, Chrome or Chromium (on Debian or Ubuntu:
\`sudo apt-get install -y chromium\`). Then, in this folder:

\`\`\`sh
npm install        # installs the tool
npm run check      # checks every chapter and data file and lists all problems
npm run build      # writes the website and the PDF to dist/
npm run dev        # a live preview at http://localhost:4000 that reloads as you save
\`\`\`

## Where to edit what

| I want to change… | Edit |
| --- | --- |
| The words of a section | \`content/NN-<section>.md\` |
| The partnership, the edition's status, version and approvals | \`data/partnership.yaml\` |
| Priorities, KPIs, actions, funding, risks, governance, EQIA | \`data/priorities.yaml\`, \`data/kpis.yaml\`, \`data/actions.yaml\`, \`data/funding.yaml\`, \`data/risks.yaml\`, \`data/governance.yaml\`, \`data/eqia.yaml\` |
| KPI results each quarter | \`data/kpis.yaml\` (\`actuals:\`), or a spreadsheet saved as CSV named by \`actuals_csv\` |
| A chart of your own | \`data/charts/<id>.yaml\`, with its data in \`data/\` (police.uk files in \`data/police-uk/\`) |

Every chapter already says what it must contain. Periods are written \`2027-28\` (a financial year),
\`2027-28 Q1\` (April to June) or \`2027-04\` (a month); dates \`2028-05-15\`.

Editors check the data files as you type: each file's first line names its schema in
\`node_modules/${tool}/schemas/\`. In VS Code, install the recommended YAML extension when asked.

## Reviewing changes

Propose every change as a pull request. On GitHub, \`.github/workflows/strategy-pull-request.yml\`
checks it (problems appear on the changed lines, and all of them in the run's summary), builds a
preview of the website and PDF to download, and comments with what changed in plain English: KPI
targets old → new, risks re-rated, money moved between streams. To see the same report on your own
machine: \`npm run diff\` (or \`npm run diff -- main\` to compare with a branch).

When a pull request is merged, \`.github/workflows/strategy-publish.yml\` publishes the website and
PDF on GitHub Pages (turn it on once: Settings → Pages → Source: GitHub Actions).

## Getting help

\`npx strategy --help\` lists the commands. Every problem names the file, line and column, and says
what to write instead.
`;
}

export const POLICE_UK_NOTE = `# police.uk data

Put files downloaded from police.uk here, as downloaded (do not edit them), for charts in
\`data/charts/\` to read.

- Street-level crime and anti-social behaviour: data.police.uk → Downloads → choose the force and the
  months, tick "Include crime data" → one CSV per month (\`YYYY-MM-<force>-street.csv\`). Keep the file
  names, or join the months into one file such as \`<area>-street-2027-04-to-2028-03.csv\` with one
  header row.
- A chart reads a file by its path under \`data/\`, e.g. \`url: police-uk/<area>-street-2027-04-to-2028-03.csv\`.
- The files hold no personal data (locations are snapped to anonymous map points), so they can be
  committed like any other file. Files over 50 MB are refused: keep only the
  months and areas a chart needs.
`;
