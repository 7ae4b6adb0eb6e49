import type { Text } from '../schema/index.ts';

/** Normalises Atlassian-style locales ("en_US") to BCP 47 ("en-US"). */
function normalizeLocale(locale: string): string {
  return locale.replace(/_/g, '-');
}

/** Picks the best translation: exact locale, then its language, then en. '' for undefined. */
export function localize(text: Text | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const wanted = normalizeLocale(locale).toLowerCase();
  const language = wanted.split('-')[0] ?? wanted;
  // Keys are matched case-insensitively because hosts disagree on "pt-BR" vs "pt-br".
  const entries = Object.entries(text);
  const exact = entries.find(([key]) => key.toLowerCase() === wanted);
  if (exact) return exact[1];
  const byLanguage = entries.find(([key]) => key.toLowerCase() === language);
  if (byLanguage) return byLanguage[1];
  return text.en ?? entries[0]?.[1] ?? '';
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

function createRegionNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
  } catch {
    // An invalid locale tag throws a RangeError; English names are better than none.
    try {
      return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    } catch {
      return null;
    }
  }
}

function regionNames(locale: string): Intl.DisplayNames | null {
  const key = normalizeLocale(locale);
  if (!displayNames.has(key)) displayNames.set(key, createRegionNames(key));
  return displayNames.get(key) ?? null;
}

/** Country name for an ISO code in the locale (Intl.DisplayNames, falling back to the code). */
export function countryName(code: string, locale: string): string {
  try {
    return regionNames(locale)?.of(code) ?? code;
  } catch {
    return code;
  }
}
