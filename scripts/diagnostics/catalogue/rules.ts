/** Messages for the cross-checks of `strategy check` (scripts/validate/). Wording only; see ../messages.ts. */
import { e } from '../entry.js';

export const RULES = {
  // Ids and references (validate/rules/ids.ts)
  'id/duplicate': e(
    'error',
    (kind, id, other) => `The ${kind} id "${id}" is used twice (also at ${other}).`,
    () => 'Give each one its own id.',
  ),
  'id/unknown': e(
    'error',
    (kind, id) => `There is no ${kind} with the id "${id}".`,
    (kind, id, known, suggestion) =>
      suggestion
        ? `Did you mean "${suggestion}"? The ${kind} ids are: ${known}.`
        : known
          ? `Use one of the ${kind} ids: ${known}.`
          : `Add the ${kind} first, or remove this reference.`,
  ),

  // A misspelt field name (load/schema-issues.ts): said once, instead of "unknown field" plus "missing field".
  'schema/misspelt-key': e(
    'error',
    (key) => `"${key}" is not a field this file knows.`,
    (key, suggestion) => `Did you mean "${suggestion}"? Correct the spelling of the field name.`,
  ),

  // Priorities (validate/rules/priorities.ts)
  'priority/no-kpi': e(
    'error',
    (id) => `The priority "${id}" has no KPI, so its progress cannot be measured.`,
    (id) => `Add a KPI to data/kpis.yaml with \`priority: ${id}\`.`,
  ),
  'priority/no-logic-model': e(
    'error',
    (id) => `The priority "${id}" has no logic model.`,
    (id) =>
      `Add a logic model to data/logic-models.yaml with \`priority: ${id}\`: context, inputs, activities, outputs, outcomes and impact.`,
  ),
  'priority/no-action': e(
    'error',
    (id) => `The priority "${id}" has no delivery action.`,
    (id) => `Add at least one action to data/actions.yaml with \`priority: ${id}\`.`,
  ),
  'logic-model/duplicate': e(
    'error',
    (id, other) => `The priority "${id}" has a second logic model (the first is at ${other}).`,
    () => 'Keep one logic model per priority: merge the two.',
  ),

  // KPIs (validate/rules/kpis.ts)
  'kpi/missing-target': e(
    'error',
    (id, year) => `The KPI "${id}" has no target for ${year}.`,
    (id, year) =>
      `Add a line \`${year}: …\` under \`targets:\`, with the figure the partnership aims for by the end of that year.`,
  ),
  'kpi/target-outside-strategy': e(
    'warning',
    (id, year, first, last) =>
      `The KPI "${id}" has a target for ${year}, which is outside the strategy (${first} to ${last}).`,
    (id, year, first, last) =>
      `Remove it, or correct the year: targets are set for each financial year from ${first} to ${last}.`,
  ),
  'kpi/target-direction': e(
    'error',
    (id, year, value, against, againstValue, better) =>
      `The ${year} target of KPI "${id}" (${value}) is worse than ${against} (${againstValue}), but ${better} is better for this KPI.`,
    (id, year, value, against, againstValue, better) =>
      `Set a target ${better === 'lower' ? 'at or below' : 'at or above'} ${againstValue}, or, if a ${better === 'lower' ? 'rise' : 'fall'} is the improvement, change \`direction\` to ${better === 'lower' ? 'higher' : 'lower'}-is-better.`,
  ),
  'kpi/actual-outside-strategy': e(
    'error',
    (id, period, first, last) =>
      `The actual for ${period} of KPI "${id}" falls outside the strategy period (${first} to ${last}).`,
    (id, period, first, last) =>
      `Correct the period, or move an earlier figure into \`baseline:\`; actuals run from ${first} to ${last}.`,
  ),
  'kpi/csv-not-linked': e(
    'error',
    (id, csv) => `This row is for KPI "${id}", but that KPI does not read ${csv}, so the figure would be ignored.`,
    (id, csv) =>
      `Add \`actuals_csv: ${csv}\` to KPI "${id}" in data/kpis.yaml, or move the figure to the file it reads.`,
  ),
  'kpi/duplicate-actual': e(
    'error',
    (id, period, other) => `KPI "${id}" has two actuals for ${period} (the other is at ${other}).`,
    () => 'Keep one figure per period: delete or correct the other.',
  ),
  'kpi/figure-missing': e(
    'warning',
    (id, period, asAt) =>
      `The KPI "${id}" has no figure for ${period}, which is due at the reporting period, ${asAt}; it is shown as "not yet available".`,
    (id, period) =>
      `Add the figure under \`actuals:\` (or in its CSV file), or, if it is not published yet, record that: \`- { period: ${period}, value: null, reason: Published in … }\`.`,
  ),
  'kpi/unavailable-no-reason': e(
    'error',
    (id, period) =>
      `The ${period} figure of KPI "${id}" is recorded as not yet available (\`value: null\`) without a reason.`,
    () =>
      'Add `reason:` saying why and when it will be published, e.g. `reason: Published by ONS in October`; readers see it beside the grey status.',
  ),
  'kpi/no-actuals': e(
    'warning',
    (id) => `The KPI "${id}" has no actuals yet.`,
    () =>
      'Add figures under `actuals:` (period and value), or name a CSV file in `actuals_csv:`, as soon as the first period is reported.',
  ),
  'kpi/unused': e(
    'warning',
    (id) => `The KPI "${id}" is not used by any logic-model outcome or action.`,
    (id) =>
      `Add "${id}" to the \`kpis:\` of an outcome in data/logic-models.yaml or of an action in data/actions.yaml, or remove the KPI.`,
  ),

  // Guidance left from `strategy init` (validate/rules/guidance.ts)
  'chapter/guidance-left': e(
    'warning',
    () => 'A guidance note from `strategy init` is still in this chapter.',
    () =>
      'Replace the note (the quoted paragraph starting "Guidance (delete when written)") with the strategy\'s own text before the status leaves `draft`: it would be published.',
  ),
  'chapter/guidance-published': e(
    'error',
    (status) =>
      `A guidance note from \`strategy init\` is still in this chapter, and the strategy's status is "${status}", so it would be published.`,
    () =>
      'Delete the quoted paragraph starting "Guidance (delete when written)" and write the section\'s own text, or set `status: draft` in data/partnership.yaml while it is unfinished.',
  ),

  // Actions (validate/rules/actions.ts)
  'action/overdue': e(
    'warning',
    (id, due, asAt) => `The action "${id}" was due in ${due} but is not complete at the reporting period, ${asAt}.`,
    () =>
      'Update its `status` (complete, on-track, at-risk or off-track), or agree a new `due` quarter and record why.',
  ),

  // Statutory coverage (validate/rules/coverage.ts)
  'coverage/duty-missing': e(
    'error',
    (duty, description) => `No priority addresses the statutory duty of ${description}.`,
    (duty) =>
      `Add \`${duty}\` to the \`duties:\` of the priority that addresses it, or add a priority for it: the Crime and Disorder Act 1998 s6 requires the strategy to cover it.`,
  ),

  // Equality Impact Assessment (validate/rules/eqia.ts)
  'eqia/missing-characteristic': e(
    'error',
    (name) => `The Equality Impact Assessment does not cover the protected characteristic "${name}".`,
    (name) =>
      `Add an entry under \`characteristics:\` with \`characteristic: ${name}\`, its impact (positive, neutral or negative), evidence and mitigation.`,
  ),
  'eqia/duplicate-characteristic': e(
    'error',
    (name, other) => `The protected characteristic "${name}" is assessed twice (also at ${other}).`,
    () => 'Keep one entry per characteristic: merge the evidence and mitigation of the two.',
  ),

  // Risks (validate/rules/risks.ts)
  'risk/off-scale': e(
    'error',
    (id, field, value) => `The ${field} "${value}" of risk "${id}" is not on the register's scale.`,
    (id, field, value, allowed) => `Use one of: ${allowed}.`,
  ),
  'risk/residual-worse': e(
    'warning',
    (id, inherent, residual) =>
      `The residual rating of risk "${id}" (${residual}) is worse than before mitigation (${inherent}).`,
    () =>
      'Check the two ratings: mitigation should leave the risk no worse. If it really is worse, say why in `mitigation`.',
  ),

  // Money (validate/rules/funding.ts)
  'funding/typed-total': e(
    'error',
    (field, value) => `A funding stream's ${field} is "${value}": totals are computed by the build, never typed.`,
    () => 'Delete this stream: the tables and charts add up the amounts of every stream for you.',
  ),
  'funding/status-missing-year': e(
    'error',
    (id, year) => `The funding stream "${id}" has an amount for ${year} but no status for that year.`,
    (id, year) => `Add \`${year}: confirmed\` (or indicative, not-confirmed, bid-submitted) under its \`status:\`.`,
  ),
  'funding/ended-with-amount': e(
    'error',
    (id, year) => `The funding stream "${id}" is "ended" in ${year} but has an amount for it.`,
    (id, year) => `Remove the ${year} amount, or give that year another status.`,
  ),
  'funding/allocations-exceed-stream': e(
    'error',
    (round, total, stream, year, available) =>
      `The allocations of "${round}" add up to ${total}, more than the ${available} of stream "${stream}" in ${year}.`,
    (round, total, stream, year, available) =>
      `Correct the amounts, or the stream's ${year} amount in \`streams:\`: allocations are paid from it.`,
  ),
  'funding/allocations-no-amount': e(
    'error',
    (round, stream, year) =>
      `"${round}" allocates money from "${stream}" in ${year}, but that stream has no amount for ${year}.`,
    (round, stream, year) => `Add \`${year}: …\` under the \`amounts:\` of stream "${stream}", or correct the year.`,
  ),
  'funding/services-exceed-stream': e(
    'error',
    (stream, year, total, available) =>
      `Commissioned services take ${total} from stream "${stream}" in ${year}, more than its ${available}.`,
    (stream, year) =>
      `Correct the services' \`funded_by\` amounts, or the stream's ${year} amount: services are paid from the stream, not added to it.`,
  ),
  'funding/year-outside-strategy': e(
    'warning',
    (id, year, first, last) =>
      `The funding stream "${id}" has an amount for ${year}, outside the strategy (${first} to ${last}).`,
    (id, year, first, last) => `Correct the year, or remove the amount: funding tables show ${first} to ${last}.`,
  ),

  // Dates and periods (validate/rules/dates.ts)
  'date/invalid': e(
    'error',
    (value) => `"${value}" is not a date on the calendar.`,
    (value, example) =>
      `Write a real date as year-month-day${example ? `, e.g. ${example} (the last day of that month)` : ', e.g. 2027-03-31'}.`,
  ),
  'period/invalid': e(
    'error',
    (value, kind) =>
      `"${value}" is not a valid ${kind}: a financial year runs from April of one year to March of the next.`,
    (value, kind, example) => `Write the two years in a row, e.g. ${example}.`,
  ),

  // Governance (validate/rules/governance.ts)
  'governance/cycle': e(
    'error',
    (id, chain) => `The body "${id}" ends up reporting to itself: ${chain}.`,
    () =>
      'Each body reports up to one above it; the top board has no `reports_to`. Correct one of these `reports_to` lines (or a `reporting` line of kind reports-to).',
  ),
  'governance/reports-to-nobody': e(
    'error',
    (kind, id) =>
      `The ${kind} "${id}" reports to nobody, so the accountability structure cannot show who holds it to account.`,
    (_kind, id, top) =>
      `Add \`reports_to: ${top}\` to "${id}", or a line under \`reporting:\` with \`from: ${id}\`, \`kind: reports-to\` and the body it reports to.`,
  ),

  // Theory of change (validate/rules/theory-of-change.ts)
  'theory-of-change/year-outside-strategy': e(
    'warning',
    (year, first, last) => `A precondition is set for ${year}, outside the strategy (${first} to ${last}).`,
    (year, first, last) => `Use a year from ${first} to ${last}.`,
  ),

  // Priority-setting matrix (validate/rules/priority-matrix.ts)
  'matrix/score-out-of-range': e(
    'error',
    (candidate, criterion, value, max) =>
      `The score ${value} of "${candidate}" for "${criterion}" is outside the scale of 1 to ${max}.`,
    (candidate, criterion, value, max) => `Score from 1 to ${max}, or change \`scale_max\`.`,
  ),
  'matrix/threshold-off-scale': e(
    'error',
    (value, max) =>
      `The threshold ${value} is outside the scale of 1 to ${max}, so no candidate could be selected by it.`,
    (value, max) => `Set \`threshold:\` between 1 and ${max}, e.g. 3.5.`,
  ),
  'matrix/threshold-mismatch': e(
    'warning',
    (candidate, score, threshold, chosen) =>
      chosen === 'yes'
        ? `"${candidate}" became a priority, but its weighted score ${score} is below the threshold of ${threshold}.`
        : `"${candidate}" scores ${score}, at or above the threshold of ${threshold}, but has no \`priority:\`.`,
    (candidate, score, threshold, chosen) =>
      chosen === 'yes'
        ? 'Check the scores, or say in the chapter why the partnership chose it anyway.'
        : 'Add `priority:` with the priority it became, or say in the chapter why it was not taken forward.',
  ),
  'matrix/missing-score': e(
    'warning',
    (candidate, criterion) => `"${candidate}" has no score for the criterion "${criterion}".`,
    (candidate, criterion) => `Add \`${criterion}: …\` under its \`scores:\`, so the ranking is complete.`,
  ),
} as const;
