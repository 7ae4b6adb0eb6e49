import { z } from 'zod';
import { DURATION_PATTERN, DURATION_UNITS } from '../duration.ts';
import { COUNTRY_CODES } from './countries.ts';

/** Lower-case kebab-case identifier that other parts of the declaration refer to. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be lower-case letters, digits and single hyphens, like "support-requests"',
  })
  .max(64)
  .describe('A short lower-case identifier (letters, digits, hyphens) that other fields refer to.');

const LocaleKey = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
  message: 'must be a locale code such as "en", "de" or "pt-BR"',
});

/**
 * Human-readable text: a plain string, or translations keyed by locale with an `en` entry.
 * Text is always shown as text: markup in it is displayed, never interpreted.
 */
export const Text = z
  .union([
    z.string().trim().min(1, { message: 'must not be empty' }),
    z
      .record(LocaleKey, z.string().trim().min(1, { message: 'must not be empty' }))
      .refine((map) => typeof map.en === 'string', {
        message: 'translations must include an "en" entry',
      }),
  ])
  .describe(
    'Plain text, or a map from locale to text with an "en" entry, e.g. { en: "Name", de: "Name" }. No HTML: markup is shown as written.',
  );

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A calendar date written as YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .refine(isRealDate, { message: 'must be a real calendar date written YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD.');

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A web link; only https is accepted so that nothing on the page can run script or downgrade. */
export const HttpsUrl = z
  .string()
  .refine(isHttpsUrl, { message: 'must be an https:// link' })
  .describe('An https:// link.');

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** An e-mail address. */
export const Email = z
  .string()
  .regex(EMAIL, { message: 'must be an e-mail address like privacy@example.com' })
  .describe('An e-mail address.');

/** A way to reach someone: an https:// link or a mailto: link. */
export const ContactLink = z
  .string()
  .refine(
    (value) =>
      isHttpsUrl(value) ||
      (value.startsWith('mailto:') && EMAIL.test(value.slice(7).split('?')[0] ?? '')),
    { message: 'must be an https:// link or a mailto: link with an e-mail address' },
  )
  .describe('An https:// link, or mailto:address for e-mail.');

/** An ISO 8601 period: whole years, months, weeks or days, or hours, minutes, seconds after T. */
export const IsoDuration = z
  .string()
  .regex(DURATION_PATTERN, {
    message: `must be an ISO 8601 period such as P30D, P6M, P1Y or PT1H; the units are ${DURATION_UNITS}`,
  })
  .describe(
    'An ISO 8601 period such as P30D (30 days), P6M (6 months), P1Y (1 year) or PT1H (1 hour).',
  );

/** Whether a period is an upper bound, a lower bound, exact, or approximate. */
export const PeriodBound = z
  .enum(['at-most', 'at-least', 'exactly', 'about'])
  .describe(
    'How the period is meant: at-most ("up to a month"), at-least ("at least a month"), exactly, or about.',
  );

// Re-exported so existing imports keep working; the helpers live zod-free in duration.ts.
export { durationInDays, parseDuration } from '../duration.ts';

/** An ISO 3166-1 alpha-2 country code such as NZ, BE or US. */
export const CountryCode = z
  .enum(COUNTRY_CODES as [string, ...string[]], {
    message: 'must be an ISO 3166-1 alpha-2 country code in capitals, such as NZ, BE or US',
  })
  .describe('An ISO 3166-1 alpha-2 country code in capitals, such as NZ, BE or US.');

/** The Atlassian hosting platforms a statement can be about. */
export const Platform = z
  .enum(['cloud', 'data-center', 'server'])
  .describe('An Atlassian hosting platform: cloud, data-center or server.');

/** Yes, no, or the policy does not say. */
export const Tristate = z
  .enum(['yes', 'no', 'not-stated'])
  .describe('yes, no, or not-stated when the policy does not say.');

/** Whether something is personal (or sensitive) data: yes, no, may contain it, or not stated. */
export const PersonalStatus = z
  .enum(['yes', 'no', 'may-contain', 'not-stated'])
  .describe(
    'yes, no, may-contain (e.g. free text that can hold anything), or not-stated when the policy does not say.',
  );

/**
 * A host the app or vendor reaches, written as a Forge manifest writes egress and remotes:
 * `api.example.com`, `*.example.com`, optionally with `https://`.
 */
export const DomainPattern = z
  .string()
  .regex(
    /^(?:https?:\/\/)?(?:\*\.)?(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?::\d{1,5})?\/?$/,
    {
      message:
        'must be a host name such as api.example.com or *.example.com, as manifest.yml writes it',
    },
  )
  .describe(
    'A host name or wildcard as manifest.yml writes it in egress or remotes, e.g. api.example.com or *.example.com.',
  );

/** Free-form notes: clarifications, quotes, or where the policy is vague or contradicts itself. */
export const Notes = z
  .array(Text)
  .describe('Clarifications, or where the policy is vague or contradicts itself: say so here.');
