/**
 * The registry of data inputs: one schema per file under data/. The loader, `strategy check`,
 * `strategy init` and the JSON Schema generator all read this one table.
 */
import type { z } from 'zod';
import { ActionsSchema } from './actions.js';
import { ConsultationSchema } from './consultation.js';
import { EqiaSchema } from './eqia.js';
import { FundingSchema } from './funding.js';
import { GovernanceSchema } from './governance.js';
import { HorizonScanSchema } from './horizon-scan.js';
import { KpisSchema } from './kpis.js';
import { LogicModelsSchema } from './logic-models.js';
import { PartnershipSchema } from './partnership.js';
import { PrioritiesSchema } from './priorities.js';
import { PriorityMatrixSchema } from './priority-matrix.js';
import { RisksSchema } from './risks.js';
import { TheoryOfChangeSchema } from './theory-of-change.js';

export interface DataInput<S extends z.ZodType = z.ZodType> {
  /** The key of this input on the loaded data, e.g. `kpis`. */
  key: string;
  /** The file under data/. */
  file: string;
  /** What it holds, in an officer's words. */
  title: string;
  schema: S;
  required: boolean;
}

const input = <S extends z.ZodType>(d: DataInput<S>): DataInput<S> => d;

export const DATA_INPUTS = {
  partnership: input({
    key: 'partnership',
    file: 'partnership.yaml',
    title: 'Partnership',
    schema: PartnershipSchema,
    required: true,
  }),
  priorities: input({
    key: 'priorities',
    file: 'priorities.yaml',
    title: 'Priorities',
    schema: PrioritiesSchema,
    required: true,
  }),
  kpis: input({ key: 'kpis', file: 'kpis.yaml', title: 'KPIs', schema: KpisSchema, required: true }),
  logicModels: input({
    key: 'logicModels',
    file: 'logic-models.yaml',
    title: 'Logic models',
    schema: LogicModelsSchema,
    required: true,
  }),
  theoryOfChange: input({
    key: 'theoryOfChange',
    file: 'theory-of-change.yaml',
    title: 'Theory of change',
    schema: TheoryOfChangeSchema,
    required: true,
  }),
  actions: input({
    key: 'actions',
    file: 'actions.yaml',
    title: 'Delivery plan actions',
    schema: ActionsSchema,
    required: true,
  }),
  governance: input({
    key: 'governance',
    file: 'governance.yaml',
    title: 'Governance',
    schema: GovernanceSchema,
    required: true,
  }),
  funding: input({ key: 'funding', file: 'funding.yaml', title: 'Resourcing', schema: FundingSchema, required: true }),
  eqia: input({
    key: 'eqia',
    file: 'eqia.yaml',
    title: 'Equality Impact Assessment',
    schema: EqiaSchema,
    required: true,
  }),
  risks: input({ key: 'risks', file: 'risks.yaml', title: 'Risk register', schema: RisksSchema, required: true }),
  horizonScan: input({
    key: 'horizonScan',
    file: 'horizon-scan.yaml',
    title: 'Legal duties and horizon scan',
    schema: HorizonScanSchema,
    required: true,
  }),
  consultation: input({
    key: 'consultation',
    file: 'consultation.yaml',
    title: 'Consultation results',
    schema: ConsultationSchema,
    required: false,
  }),
  priorityMatrix: input({
    key: 'priorityMatrix',
    file: 'priority-matrix.yaml',
    title: 'Priority-setting matrix',
    schema: PriorityMatrixSchema,
    required: false,
  }),
} as const;

export type DataInputs = typeof DATA_INPUTS;
export type DataKey = keyof DataInputs;
/** The parsed content of every data file, typed from its schema. Optional inputs may be absent. */
export type StrategyData = {
  [K in DataKey]: DataInputs[K]['required'] extends true
    ? z.output<DataInputs[K]['schema']>
    : z.output<DataInputs[K]['schema']> | undefined;
};

export * from './common.js';
export * from './partnership.js';
export * from './priorities.js';
export * from './kpis.js';
export * from './logic-models.js';
export * from './theory-of-change.js';
export * from './actions.js';
export * from './governance.js';
export * from './funding.js';
export * from './eqia.js';
export * from './risks.js';
export * from './horizon-scan.js';
export * from './consultation.js';
export * from './priority-matrix.js';
export * from './chapter.js';
