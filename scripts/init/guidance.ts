/**
 * The guidance `strategy init` writes into each new chapter: what the section must contain and why,
 * for the officer who drafts it, with the data blocks that fill it from data/. Replace it with the
 * strategy's own text; the data blocks may stay.
 */
export const GUIDANCE: Readonly<Record<string, string>> = {
  'executive-summary': `
> **Guidance (delete when written):** the executive summary is for councillors, partners and residents
> who will read nothing else. In a page or two, say what the partnership is, what the strategic
> assessment found, which priorities it chose and why, and what will be different by the end of the
> strategy. Name the four statutory duties the strategy meets (crime and disorder, substance misuse,
> re-offending, serious violence). Keep figures to the few that matter most, and link to the sections
> that give the detail, e.g. [](#strategic-priorities). A "plan on a page" is often published from
> this section, so write it to stand alone.

## Our priorities at a glance

::priorities
`,
  'legal-duties': `
> **Guidance (delete when written):** set out the law the partnership works under, so readers and
> scrutiny can see the strategy meets it: the Crime and Disorder Act 1998 ss5–7 and the 2007 strategy
> regulations (an annual strategic assessment and a partnership plan revised each year), the Serious
> Violence Duty, Prevent (Counter-Terrorism and Security Act 2015 s26) and the Domestic Abuse Act 2021.
> Then list the national and local drivers that shape this strategy: new duties, national strategies,
> the Police and Crime Plan. Say what each means for the partnership, not just what it is. The table
> below comes from data/horizon-scan.yaml and the matrix from the duties of each priority.

## Statutory duties

::statutory-coverage

## National and local drivers

::horizon-scan
`,
  'partnership-context': `
> **Guidance (delete when written):** describe who the partnership is and the place it serves. Name the
> responsible authorities (council, police, fire and rescue, health, probation) and the other partners,
> and say briefly how they work together: the board, its delivery groups and who chairs them. Describe
> the area in a few lines: its population, its character (town centres, night-time economy, rural
> areas) and anything that shapes crime locally. Readers should come away knowing who is accountable
> for community safety here and how to get involved. Partners come from data/partnership.yaml.

## Who we are

::partners
`,
  'needs-assessment': `
> **Guidance (delete when written):** summarise the findings of the Strategic Needs Assessment that the
> priorities rest on. Cover crime and anti-social behaviour trends over at least three years, where
> and when problems concentrate (hotspots), who is most affected as victims and offenders (vulnerable
> cohorts), and what residents told you in consultation. Use plain numbers and say what changed and
> why it matters; put long tables in an appendix. Be honest about gaps in the data. Every priority in
> section 5 should trace back to a finding here. Consultation results come from data/consultation.yaml.

## What residents told us

::consultation{survey=residents-survey}
`,
  'strategic-priorities': `
> **Guidance (delete when written):** state the priorities and why they were chosen. Show the scoring
> used to compare candidate priorities (harm, volume, trend, public concern, disproportionality,
> deliverability, preventability, political priority) so the choice is transparent and can be
> challenged. For each priority, say what it covers, who leads it, and which statutory duties it
> addresses: between them the priorities must cover all four. Add the theory of change: how the
> partnership expects its work to lead to the long-term goal over the four years.

## How we chose our priorities

::priority-matrix

## Our priorities

::priorities

## Theory of change

::theory-of-change
`,
  'delivery-plans': `
> **Guidance (delete when written):** for each priority, show how it will be delivered and measured.
> Give its logic model (inputs, activities, outputs, outcomes and impact), its actions with a lead,
> partners and a due quarter, and its KPIs with a baseline and a target for every year. Partnerships
> have been criticised for KPIs with no baseline: every KPI here needs one. Actions are updated each
> quarter, and the status shown comes from data/actions.yaml, so keep the data current rather than
> editing this text. Add a section like the one below for each priority.

## Preventing serious violence

::logic-model{priority=serious-violence}

::action-plan{priority=serious-violence}

::kpi-table{priority=serious-violence}

## Reducing drug and alcohol harm and re-offending

::logic-model{priority=drugs-and-alcohol}

::action-plan{priority=drugs-and-alcohol}

::kpi-table{priority=drugs-and-alcohol}
`,
  'performance-and-governance': `
> **Guidance (delete when written):** explain who is accountable for what and how performance is
> watched. Describe the board and each delivery group, who chairs them, who they report to and how
> often, and how the crime and disorder scrutiny committee reviews the partnership each year (Police
> and Justice Act 2006 s19). Say how KPIs are reported (quarterly, with a red, amber or green status
> against target) and what happens when a priority goes off track. The structure and reporting cycle
> come from data/governance.yaml.

## Governance structure

::governance

## Reporting cycle

::reporting-cycle
`,
  'resourcing-and-commissioning': `
> **Guidance (delete when written):** show the money behind the strategy. List each funding stream:
> who funds it, how much in each financial year, which priority and project it pays for, who
> provides the service, and whether it is confirmed or indicative. Explain how services are
> commissioned and how value for money is judged. Never type totals: the build adds them up from
> data/funding.yaml, so they always agree with the rows. Say where funding is at risk and what the
> partnership will do about it.

## Funding streams

::funding-table

::funding-chart{by=priority}
`,
  'equality-impact-assessment': `
> **Guidance (delete when written):** show that the partnership has paid due regard to the Public Sector
> Equality Duty (Equality Act 2010 s149). For each of the nine protected characteristics (age,
> disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race,
> religion or belief, sex, sexual orientation), give the likely impact of the strategy (positive,
> neutral or negative), the evidence for it and how any negative impact will be reduced. Welsh bodies
> also assess the socio-economic duty and Welsh-language impact. The table comes from data/eqia.yaml.

## Assessment

::eqia
`,
  'risk-register': `
> **Guidance (delete when written):** list the main risks to delivering the strategy, so the board can
> manage them. For each, give the cause and consequence, its likelihood and impact before mitigation,
> the owner, what is being done, and the residual rating once mitigation works, with a date for the
> next review. The default scale rates likelihood A (very likely) to D (rare) and impact I
> (catastrophic) to IV (minor), like "C3"; a 5 by 5 numeric scale can be chosen in data/risks.yaml.

## Risks to delivery

::risk-register

::risk-heatmap
`,
};
