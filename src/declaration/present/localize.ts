import type { Text } from '../schema/index.ts';

/** A vendor text in the chosen language, and that language when it is not the reader's. */
export interface Translation {
  text: string;
  /** The language the text is in, set only when it differs from the reader's (a fallback). */
  lang?: string;
}

function languageOf(tag: string): string {
  return tag.split('-')[0] ?? tag;
}

/**
 * The translation of a vendor text for a reader's locale (a BCP 47 tag such as `de-DE`): the
 * exact locale, then one of its language, then `en`, then the first one. Keys are matched
 * without regard to case, because hosts disagree on "pt-BR" and "pt-br". A plain string is in
 * no stated language and is never marked. Null when there is no text.
 */
export function translationFor(text: Text | undefined, locale: string): Translation | null {
  if (text === undefined || text === '') return null;
  if (typeof text === 'string') return { text };
  const wanted = locale.toLowerCase();
  const language = languageOf(wanted);
  const entries = Object.entries(text).filter(([, value]) => value !== '');
  const found =
    entries.find(([key]) => key.toLowerCase() === wanted) ??
    entries.find(([key]) => languageOf(key.toLowerCase()) === language) ??
    entries.find(([key]) => key === 'en') ??
    entries[0];
  if (!found) return null;
  const [key, value] = found;
  return languageOf(key.toLowerCase()) === language ? { text: value } : { text: value, lang: key };
}

/** The vendor text for a reader's locale as a string (see `translationFor`); '' for none. */
export function localize(text: Text | undefined, locale: string): string {
  return translationFor(text, locale)?.text ?? '';
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
  if (!displayNames.has(locale)) displayNames.set(locale, createRegionNames(locale));
  return displayNames.get(locale) ?? null;
}

/** Country name for an ISO code in the locale (Intl.DisplayNames, falling back to the code). */
export function countryName(code: string, locale: string): string {
  try {
    return regionNames(locale)?.of(code) ?? code;
  } catch {
    return code;
  }
}
