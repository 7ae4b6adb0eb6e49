import { COUNTRY_CODES } from '../schema/countries.ts';
import { DURATION_PATTERN } from '../duration.ts';
import { isMapping } from './anchored.ts';

/** Codes vendors write for a country that ISO 3166-1 spells otherwise, with the code they mean. */
const COUNTRY_MISTAKES: Readonly<Record<string, string>> = {
  // The United Kingdom's ISO code is GB; UK is reserved, and Greece is GR (EL is the EU's code).
  UK: 'GB',
  EL: 'GR',
  // Language codes written as countries.
  JA: 'JP',
  KO: 'KR',
  ZH: 'CN',
  DA: 'DK',
  // ISO 3166-1 alpha-3 codes of the countries vendors most often name.
  USA: 'US',
  GBR: 'GB',
  DEU: 'DE',
  FRA: 'FR',
  NLD: 'NL',
  BEL: 'BE',
  IRL: 'IE',
  CHE: 'CH',
  AUT: 'AT',
  ESP: 'ES',
  ITA: 'IT',
  POL: 'PL',
  SWE: 'SE',
  NOR: 'NO',
  DNK: 'DK',
  FIN: 'FI',
  CAN: 'CA',
  AUS: 'AU',
  NZL: 'NZ',
  IND: 'IN',
  JPN: 'JP',
  KOR: 'KR',
  CHN: 'CN',
  SGP: 'SG',
  BRA: 'BR',
};

/** Whether `values` are the allowed values of a country code field. */
export function isCountryList(values: readonly unknown[]): boolean {
  return values.length === COUNTRY_CODES.length && values.includes('GB');
}

/** A hint for a country code that is not ISO 3166-1 alpha-2 but means one; undefined if none. */
export function countryHint(written: string): string | undefined {
  const upper = written.trim().toUpperCase();
  if (upper === 'EU' || upper === 'EEA')
    return `${upper} is not a country: list the countries, or say it in geography (e.g. "Europe")`;
  const meant = COUNTRY_MISTAKES[upper];
  return meant ? `did you mean "${meant}"?` : undefined;
}

/** The pattern zod reports for a period that does not match. */
const DURATION_SOURCE = String(DURATION_PATTERN);

/** Whether a zod regex issue is about an ISO 8601 period. */
export function isDurationPattern(pattern: string | undefined): boolean {
  return pattern === DURATION_SOURCE;
}

const WORD_UNITS: readonly [RegExp, string][] = [
  [/^(years?|yrs?|y)$/, 'Y'],
  [/^(months?|mos?)$/, 'M'],
  [/^(weeks?|wks?|w)$/, 'W'],
  [/^(days?|d)$/, 'D'],
  [/^(hours?|hrs?|h)$/, 'TH'],
  [/^(minutes?|mins?)$/, 'TM'],
  [/^(seconds?|secs?|s)$/, 'TS'],
];

function count(amount: string, unit: string): string {
  return `${amount} ${unit}${Number(amount) === 1 ? '' : 's'}`;
}

function periodOf(amount: string, unit: string): string {
  return unit.startsWith('T') ? `PT${amount}${unit.slice(1)}` : `P${amount}${unit}`;
}

/**
 * What to write instead of a period that is not ISO 8601, when the mistake is a common one:
 * words (`30 days`), a fraction (`P1.5Y`), a missing P (`1M`), time units without T (`P1H`),
 * small letters (`p30d`). Undefined when there is nothing better to say than the units.
 */
export function durationHint(written: string): string | undefined {
  const text = written.trim();
  const words = /^(\d+)\s*([a-z]+)$/i.exec(text);
  if (words?.[1] && words[2]) {
    const unit = WORD_UNITS.find(([pattern]) => pattern.test(words[2]!.toLowerCase()))?.[1];
    if (unit && /^[a-z]{2,}$/i.test(words[2]))
      return `for ${text} write ${periodOf(words[1], unit)}`;
    if (/^\d+M$/i.test(text))
      return `a period starts with P: P${words[1]}M is ${count(words[1], 'month')}, PT${words[1]}M is ${count(words[1], 'minute')}`;
    if (unit) return `a period starts with P: write ${periodOf(words[1], unit)}`;
  }
  const fraction = /^P(\d+)[.,](\d+)([YMWD])$/i.exec(text);
  if (fraction?.[1] && fraction[2] && fraction[3]) {
    const value = Number(`${fraction[1]}.${fraction[2]}`);
    const unit = fraction[3].toUpperCase();
    const smaller: Record<string, [number, string, string]> = {
      Y: [12, 'M', 'months'],
      M: [30, 'D', 'days'],
      W: [7, 'D', 'days'],
      D: [24, 'TH', 'hours'],
    };
    const [factor, into, name] = smaller[unit] ?? [1, unit, ''];
    const whole = value * factor;
    return Number.isInteger(whole)
      ? `periods take whole numbers: write ${periodOf(String(whole), into)} (${whole} ${name})`
      : 'periods take whole numbers: write it in a smaller unit';
  }
  if (/^P\d+[HS]$/i.test(text) || /^P(\d+[YMWD])*\d+H/i.test(text))
    return `hours, minutes and seconds come after T: write ${text.toUpperCase().replace(/^P((?:\d+[YMWD])*)/, 'P$1T')}`;
  if (text !== text.toUpperCase() && DURATION_PATTERN.test(text.toUpperCase()))
    return `write it in capitals: ${text.toUpperCase()}`;
  return undefined;
}

// A key that is, or nearly is, a locale code ("en", "DE", "pt-br") is meant as a translation.
const LOCALE_KEY = /^(?:[a-z]{2,3}|[a-z]{2})(?:[-_][a-z0-9]{2,8})*$/;
const LOCALE_LIKE = /^[a-z]{2}(?:[-_][a-z0-9]{2,8})*$/i;

/**
 * The text a vendor most likely meant when YAML read a plain value with `: ` in it as a mapping
 * of one field (`- Note: the logs are kept` is `{ Note: 'the logs are kept' }`); undefined when
 * the value does not look like that (a real mapping, or translations).
 */
export function colonText(written: unknown): string | undefined {
  if (!isMapping(written)) return undefined;
  const entries = Object.entries(written);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0] as [string, unknown];
  if (LOCALE_KEY.test(key) || LOCALE_LIKE.test(key)) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return undefined;
  return `${key}: ${String(value)}`;
}

/** The quote hint for a value YAML read as a mapping because of its `: `. */
export function quoteHint(text: string): string {
  return `YAML read the ": " in it as a new field; to write the text ${JSON.stringify(text)}, put it in quotes`;
}
