import { ValidateBy, ValidationOptions } from 'class-validator';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The one parser for every time field: RFC 3339 with an offset or `Z`
 * (`2026-11-29T10:00:00+08:00`). Week dates, ordinal dates, basic format, missing offsets,
 * impossible dates and times outside 1970–9999 are undefined, never an Invalid Date.
 */
export function parseDateTime(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  // A match is at most 35 characters: the limit only spares the regex long input (equivalent
  // mutants, test/mutation/equivalent.md).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no longer string can match
  if (text.length > 40) return undefined;
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // what Date.parse lets through: the 29th–31st of a shorter month (rolled over) and 24:00
  if (day > daysIn(year, month) || hour > 23) return undefined;
  // Illegal element values that ECMAScript's date-time format makes NaN below anyway; checked
  // here so the rule does not rest on the engine (equivalent mutants, test/mutation/equivalent.md).
  // Stryker disable next-line ConditionalExpression,LogicalOperator: Date.parse refuses these too
  if (month < 1 || month > 12 || day < 1 || minute > 59 || second > 59) return undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: Date.parse refuses these too
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return undefined;
  const date = new Date(text);
  const ms = date.getTime();
  if (Number.isNaN(ms) || ms < 0 || date.getUTCFullYear() > 9999) return undefined;
  return date;
}

export const IS_DATE_TIME = 'isDateTime';

/** A string `parseDateTime` accepts; the reason is translated (`reasons.isDateTime`). */
export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_DATE_TIME,
      validator: {
        validate: (value: unknown) => parseDateTime(value) !== undefined,
        defaultMessage: () => '$property must be an RFC 3339 time with an offset, e.g. 2026-11-29T10:00:00+08:00',
      },
    },
    options,
  );
}
