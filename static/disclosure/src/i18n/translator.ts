import { ENGLISH } from '@declaration/i18n/english.ts';
import { resolveLocale } from '@declaration/i18n/locales.ts';
import { createTranslator, type Translator } from '@declaration/i18n/translator.ts';
import { getTranslations } from '../api/index.ts';

/**
 * The translator for the host's locale (`context.locale`), following Forge's fallback rules: the
 * locale is matched to a shipped catalogue (`de-AT` reads German), Forge serves that catalogue
 * from the resource, and any key it lacks reads the English text bundled with the page. When
 * the catalogue cannot be loaded or is damaged, the page is English rather than broken; `warn`
 * hears why.
 */
export async function loadTranslator(
  hostLocale: string,
  warn: (message: string) => void = (message) => console.warn(message),
): Promise<Translator> {
  const locale = resolveLocale(hostLocale);
  // The English catalogue ships inside the page as the fallback: no request needed for it.
  if (locale === ENGLISH.locale) return ENGLISH;
  const result = await getTranslations(locale);
  if (!result.ok) {
    warn(`${result.message} The page is shown in English.`);
    return ENGLISH;
  }
  try {
    return createTranslator(result.locale, result.translations);
  } catch (error) {
    warn(`${(error as Error).message} The page is shown in English.`);
    return ENGLISH;
  }
}
