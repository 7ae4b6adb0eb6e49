/**
 * The locales the app ships a catalogue for, and how any locale code a host or a user gives is
 * matched to one of them.
 */

/** Every locale with a catalogue in `locales/`, the source (`en-US`) first. */
export const SHIPPED_LOCALES = [
  'en-US',
  'de-DE',
  'es-ES',
  'fr-FR',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'zh-CN',
] as const;

/** A locale with a catalogue, in Forge's spelling (`de-DE`). */
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/** The source catalogue, and the one every lookup ends at (the manifest's `fallback.default`). */
export const FALLBACK_LOCALE: ShippedLocale = 'en-US';

/** True for a string that is one of the shipped locales, spelled exactly as Forge does. */
export function isShippedLocale(code: unknown): code is ShippedLocale {
  return typeof code === 'string' && (SHIPPED_LOCALES as readonly string[]).includes(code);
}

// Chinese written in Traditional characters (Taiwan, Hong Kong, Macau, or an explicit Hant
// script) does not fall back to the Simplified catalogue: CLDR gives zh-Hant no parent but root,
// and a reader of Traditional Chinese is better served by the fallback than by another script.
const TRADITIONAL_CHINESE = /^zh-(?:hant|tw|hk|mo)(?:-|$)/;

/**
 * The shipped locale for a locale code, in Forge's lookup order: the exact locale, then the first
 * shipped locale of the same language (`de`, `de-AT` and `de_CH` read German), then `en-US`.
 * Accepts Forge's and Atlassian's spellings (`de-DE`, `de_DE`) in any case; anything unusable
 * (null, empty, not a locale) is `en-US`, because a bad locale must never break a page.
 */
export function resolveLocale(code: string | null | undefined): ShippedLocale {
  if (typeof code !== 'string') return FALLBACK_LOCALE;
  const wanted = code.trim().replace(/_/g, '-').toLowerCase();
  if (!wanted) return FALLBACK_LOCALE;
  const exact = SHIPPED_LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  if (TRADITIONAL_CHINESE.test(wanted)) return FALLBACK_LOCALE;
  const language = wanted.split('-')[0];
  const sameLanguage = SHIPPED_LOCALES.find((locale) => locale.split('-')[0] === language);
  return sameLanguage ?? FALLBACK_LOCALE;
}
