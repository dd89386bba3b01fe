/**
 * The open data the strategy publishes (under the Open Government Licence v3.0): the file names and
 * titles that the pages link to (assemble) and that emit writes (scripts/emit/open-data.ts).
 */
export const OPEN_DATA_FILES = [
  { file: 'data/kpis.csv', title: 'Key performance indicators, targets and latest status' },
  { file: 'data/kpi-actuals.csv', title: 'KPI actuals by period' },
  { file: 'data/actions.csv', title: 'Delivery plan actions' },
  { file: 'data/risks.csv', title: 'Risk register' },
  { file: 'data/funding.csv', title: 'Funding streams by year' },
  { file: 'data/strategy.json', title: 'All of the strategy’s data (JSON)' },
] as const;
