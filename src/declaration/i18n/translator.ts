/**
 * Strings from a catalogue for one locale, falling back to the English catalogue (imported
 * here) for a key the locale's catalogue lacks. The runtime itself is `translate.ts`, which
 * imports no catalogue: the page uses it directly and loads English as data like the others.
 */
import english from '../../../locales/en-US.json' with { type: 'json' };
import { translatorOver, type Translator } from './translate.ts';

export { placeholdersOf, translatorOver, type Params, type Translator } from './translate.ts';

/**
 * A translator for `locale` over `catalogue` (checked: a catalogue of the wrong shape is an Error
 * that names the entry); `fallback`, by default the English catalogue, `locales/en-US.json`, is
 * read for keys `catalogue` lacks; a key neither has reads as the key itself.
 */
export function createTranslator(
  locale: string,
  catalogue: unknown,
  fallback: unknown = english,
): Translator {
  return translatorOver(locale, catalogue, fallback);
}
