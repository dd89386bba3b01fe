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
 * What an editor shows for a value that does not match a field's pattern (VS Code's YAML extension
 * reads `patternErrorMessage`; others read `errorMessage`). It says the same thing `strategy check`
 * says for the same mistake, so no officer ever sees a regular expression.
 */
export const patternMessage = (message: string) => ({ patternErrorMessage: message, errorMessage: message });

/** The editor's sentence for each message `strategy check` gives for a pattern, so both say the same. */
const HINTS = new Map<string, string>();

/**
 * The words for a pattern: `must` is what `strategy check` says is wrong ("must be a month like
 * 2027-04"), `write` what the editor shows and what check then suggests writing.
 */
export function wording(must: string, write: string) {
  HINTS.set(must, write);
  return { must, meta: patternMessage(write) };
}

/** The suggestion for a value a pattern refused, in the editor's words, or undefined. */
export const patternHint = (why: string): string | undefined => HINTS.get(why.replace(/\.$/, ''));

/**
 * A choice from a fixed list, each value explained: the explanations are shown by editors beside each
 * value as the officer picks one (`markdownEnumDescriptions`, `enumDescriptions`).
 */
export function choice<const K extends string>(values: Record<K, string>) {
  const keys = Object.keys(values) as [K, ...K[]];
  const texts = keys.map((k) => values[k]);
  return z
    .enum(keys)
    .meta({ markdownEnumDescriptions: texts, enumDescriptions: texts.map((t) => t.replace(/`/g, '')) });
}

/** The explanations of an enum already declared elsewhere, in its order, for `.meta()`. */
export const explainValues = (values: Record<string, string>) => {
  const texts = Object.values(values);
  return { markdownEnumDescriptions: texts, enumDescriptions: texts.map((t) => t.replace(/`/g, '')) };
};

const ID_MESSAGE = 'must be letters, digits and hyphens with no spaces, like serious-violence or R01';

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
    description:
      'A short name other files use to point at this entry: letters, digits and hyphens, kept as written. Readers never see it; they see the title.',
    examples: ['R01', 'serious-violence'],
    ...patternMessage(`The id ${ID_MESSAGE}.`),
  });

const YEAR = wording(
  'must be a financial year like 2027-28',
  'Write a financial year like 2027-28 (1 April 2027 to 31 March 2028).',
);
/** A financial year, written `2027-28` (1 April 2027 to 31 March 2028). */
export const FinancialYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { error: YEAR.must })
  .meta({
    description: 'A financial year, e.g. `2027-28` (1 April 2027 to 31 March 2028).',
    examples: ['2027-28'],
    ...YEAR.meta,
  });

const QUARTER = wording(
  'must be a financial-year quarter like 2027-28 Q1',
  'Write a quarter like 2027-28 Q1 (the financial year, a space, then Q1 to Q4; Q1 is April to June).',
);
/** A financial-year quarter, written `2027-28 Q1` (Q1 = April to June). */
export const Quarter = z
  .string()
  .regex(/^\d{4}-\d{2} Q[1-4]$/, { error: QUARTER.must })
  .meta({
    description:
      'A financial-year quarter, e.g. `2027-28 Q1` (Q1 = Apr–Jun, Q2 = Jul–Sep, Q3 = Oct–Dec, Q4 = Jan–Mar).',
    examples: ['2027-28 Q3'],
    ...QUARTER.meta,
  });

const MONTH = wording(
  'must be a month like 2027-04',
  'Write a month like 2027-04 (the year, a hyphen, then the month as two digits).',
);
/** A calendar month, written `2027-04`. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: MONTH.must })
  .meta({ description: 'A calendar month, e.g. `2027-04` for April 2027.', examples: ['2027-04'], ...MONTH.meta });

const PERIOD = wording(
  'must be a financial year (2027-28), a quarter (2027-28 Q1) or a month (2027-04)',
  'Write a financial year like 2027-28, a quarter like 2027-28 Q1 (Q1 is April to June) or a month like 2027-04.',
);
/** A period a figure belongs to: a financial year, a quarter or a month. */
export const Period = z
  .string()
  .regex(/^(\d{4}-\d{2}( Q[1-4])?|\d{4}-(0[1-9]|1[0-2]))$/, { error: PERIOD.must })
  .meta({
    description:
      'The period the figure covers: a financial year (`2027-28`), a financial-year quarter (`2027-28 Q1`, April to June) or a month (`2027-04`).',
    examples: ['2027-28 Q1', '2026-27', '2027-04'],
    ...PERIOD.meta,
  });

const DATE = wording('must be a date like 2027-03-31', 'Write a date like 2027-03-31 (year, month, day).');
/** A calendar date, written `2027-03-31`. YAML dates are kept as text so nothing depends on time zones. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE.must })
  .meta({ description: 'A date, written year-month-day, e.g. `2027-03-31`.', examples: ['2027-03-31'], ...DATE.meta });

/** Plain text; Markdown inline formatting is allowed where the output renders it. */
export const Text = z.string().min(1, { error: 'must not be empty' });

/** Who leads: an organisation and a role, never a named individual's personal data. */
export const Lead = z.strictObject({
  organisation: Text.meta({
    description: 'The organisation that leads, as the public knows it.',
    examples: ['Kent Police', 'Medway Council'],
  }),
  role: Text.meta({
    description: 'The accountable role (never a named person), published beside the organisation.',
    examples: ['Community Safety Partnership Manager', 'Detective Superintendent, Safeguarding'],
  }),
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

const DUTIES: Record<string, string> = { ...STATUTORY_DUTIES, ...OTHER_DUTIES };
export const Duty = z.enum(Object.keys(DUTIES) as [string, ...string[]]).meta({
  ...explainValues(DUTIES),
  description:
    'A legal duty the priority addresses. The strategy shows, duty by duty, which priorities meet it; `strategy check` warns when one of the four statutory duties is met by none.',
  examples: ['serious-violence'],
});

/** Money in whole pounds. Totals are always computed by the build, never typed. */
export const Pounds = z
  .number()
  .int({ error: 'must be a whole number of pounds, with no pence' })
  .nonnegative({ error: 'must not be negative' })
  .meta({
    description: 'An amount in whole pounds, without the £ sign, commas or pence. The build adds the totals.',
    examples: [106460],
  });

/** Every data file may name its schema for editors; the build ignores it. */
export const schemaRef = (file: string) =>
  z
    .string()
    .optional()
    .meta({
      description:
        'Which schema your editor checks this file against. The build ignores it; most files name it in the first comment line instead.',
      examples: [`../node_modules/csp-strategy/schemas/${file}.schema.json`],
    });
