/**
 * Stage 2 of the pipeline, validate: the cross-checks of `strategy check`, run on a loaded project.
 * The loader has already checked each file against its own schema; these rules check the files
 * against each other and against the law (DOMAIN.md): ids and references, every priority measured
 * and delivered, KPI targets and actuals, statutory coverage, the EQIA, risk scales, money, dates.
 *
 *   loadProject -> validateProject -> model -> render -> assemble -> emit
 *
 * One file per domain noun under rules/; wording in scripts/diagnostics/catalogue/rules.ts.
 * A rule whose inputs failed to load skips them: the loader's diagnostics already say why.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../load/project.js';
import { createContext, type Rule } from './context.js';
import { checkActions } from './rules/actions.js';
import { checkCoverage } from './rules/coverage.js';
import { checkDates } from './rules/dates.js';
import { checkEqia } from './rules/eqia.js';
import { checkFunding } from './rules/funding.js';
import { checkGovernance } from './rules/governance.js';
import { checkGuidance } from './rules/guidance.js';
import { checkIds } from './rules/ids.js';
import { checkKpis } from './rules/kpis.js';
import { checkLogicModels } from './rules/logic-models.js';
import { checkPriorities } from './rules/priorities.js';
import { checkPriorityMatrix } from './rules/priority-matrix.js';
import { checkRisks } from './rules/risks.js';
import { checkTheoryOfChange } from './rules/theory-of-change.js';
import { checkUsage } from './rules/usage.js';

export const RULES: readonly Rule[] = [
  checkIds,
  checkDates,
  checkPriorities,
  checkCoverage,
  checkKpis,
  checkLogicModels,
  checkTheoryOfChange,
  checkActions,
  checkGovernance,
  checkFunding,
  checkEqia,
  checkRisks,
  checkPriorityMatrix,
  checkUsage,
  checkGuidance,
];

/** Run every cross-check; the diagnostics come back sorted by file and position. */
export function validateProject(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx = createContext(project, out);
  for (const rule of RULES) rule(ctx);
  return out.sort(compareDiagnostics);
}
