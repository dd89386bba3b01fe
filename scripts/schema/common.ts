/**
 * Building blocks shared by every input schema. Each schema in this folder is the single source of
 * truth for one input file: the TypeScript types come from `z.infer`, the JSON Schemas in `schemas/`
 * are generated from it (`npm run schemas`), and `strategy check` reports its issues with positions.
 */
import { z } from 'zod';

/** A suggested id for a value that is not one: spaces and other marks become hyphens, case is kept. */
export function suggestId(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const fixed = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return fixed || 'R01';
}

/**
 * An identifier as the officer writes it: letters (either case), digits and hyphens, e.g. `R01`,
 * `serious-violence`, `SV-01`. The case is kept everywhere it is shown.
 */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, {
    error: (iss) =>
      `must be letters, digits and hyphens with no spaces, like ${suggestId(iss.input)} (it is "${String(iss.input)}")`,
  })
  .meta({
    description: 'An identifier: letters, digits and hyphens, kept as written, e.g. `R01` or `serious-violence`.',
    examples: ['R01', 'serious-violence'],
  });

/** A financial year, written `2027-28` (1 April 2027 to 31 March 2028). */
export const FinancialYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { error: 'must be a financial year like 2027-28' })
  .meta({ description: 'A financial year, e.g. `2027-28` (1 April 2027 to 31 March 2028).' });

/** A financial-year quarter, written `2027-28 Q1` (Q1 = April to June). */
export const Quarter = z
  .string()
  .regex(/^\d{4}-\d{2} Q[1-4]$/, { error: 'must be a financial-year quarter like 2027-28 Q1' })
  .meta({ description: 'A financial-year quarter, e.g. `2027-28 Q1` (Q1 = Apr–Jun, Q4 = Jan–Mar).' });

/** A calendar month, written `2027-04`. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month like 2027-04' })
  .meta({ description: 'A calendar month, e.g. `2027-04`.' });

/** A period a figure belongs to: a financial year, a quarter or a month. */
export const Period = z
  .string()
  .regex(/^(\d{4}-\d{2}( Q[1-4])?|\d{4}-(0[1-9]|1[0-2]))$/, {
    error: 'must be a financial year (2027-28), a quarter (2027-28 Q1) or a month (2027-04)',
  })
  .meta({ description: 'A financial year (`2027-28`), quarter (`2027-28 Q1`) or month (`2027-04`).' });

/** A calendar date, written `2027-03-31`. YAML dates are kept as text so nothing depends on time zones. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2027-03-31' })
  .meta({ description: 'A date, e.g. `2027-03-31`.' });

/** Plain text; Markdown inline formatting is allowed where the output renders it. */
export const Text = z.string().min(1, { error: 'must not be empty' });

/** Who leads: an organisation and a role, never a named individual's personal data. */
export const Lead = z.strictObject({
  organisation: Text.meta({ description: 'The organisation, e.g. `Northbridge Police`.' }),
  role: Text.meta({ description: 'The accountable role, e.g. `Detective Superintendent, Safeguarding`.' }),
});

/** The statutory duties a Community Safety Partnership strategy must address (Crime and Disorder Act 1998 s6). */
export const STATUTORY_DUTIES = {
  'crime-and-disorder': 'reducing crime and disorder, including anti-social behaviour',
  'substance-misuse': 'combating the misuse of drugs, alcohol and other substances',
  reoffending: 'reducing re-offending',
  'serious-violence': 'preventing and reducing serious violence (Serious Violence Duty)',
} as const;

/** Further duties a priority may address; they are reported, but not required. */
export const OTHER_DUTIES = {
  'domestic-abuse': 'supporting victims of domestic abuse (Domestic Abuse Act 2021)',
  prevent: 'preventing people being drawn into terrorism (Counter-Terrorism and Security Act 2015 s26)',
  'anti-social-behaviour': 'tackling anti-social behaviour (Anti-social Behaviour, Crime and Policing Act 2014)',
  'hate-crime': 'tackling hate crime and supporting community cohesion',
} as const;

export const Duty = z
  .enum([...Object.keys(STATUTORY_DUTIES), ...Object.keys(OTHER_DUTIES)] as [string, ...string[]])
  .meta({ description: 'A duty the priority addresses.' });

/** Money in whole pounds. Totals are always computed by the build, never typed. */
export const Pounds = z
  .number()
  .int({ error: 'must be a whole number of pounds, with no pence' })
  .nonnegative({ error: 'must not be negative' })
  .meta({ description: 'An amount in whole pounds, e.g. `125000`.' });

/** Every data file may name its schema for editors; the build ignores it. */
export const SchemaRef = z.string().optional().meta({ description: 'The JSON Schema this file follows.' });
