import { FALLBACK_LOCALE, resolveLocale } from '@declaration/i18n/locales.ts';
import { translatorOver, type Translator } from '@declaration/i18n/translate.ts';
import { getTranslations } from '../api/index.ts';

/** No catalogue could be loaded, not even English: the page has no words to show anything in. */
export class NoCatalogueError extends Error {
  override name = 'NoCatalogueError';
}

/** The catalogue Forge serves for `locale`, as a translator, or why there is none. */
async function load(locale: string): Promise<Translator | string> {
  const result = await getTranslations(resolveLocale(locale));
  if (!result.ok) return result.message;
  try {
    return translatorOver(result.locale, result.translations);
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The translator for the host's locale (`context.locale`), following Forge's fallback rules: the
 * locale is matched to a shipped catalogue (`de-AT` reads German) and Forge serves that catalogue
 * from the resource. English is loaded the same way, as data: bundling it as the fallback cost
 * the first view 9.5 KB gzipped. Each shipped catalogue is complete (a test holds every key in
 * every locale), so one catalogue is all the page reads. When the locale's catalogue cannot be
 * loaded or is damaged, the page is English rather than broken, and `warn` hears why; when
 * English cannot be loaded either, a {@link NoCatalogueError} says both reasons.
 */
export async function loadTranslator(
  hostLocale: string,
  warn: (message: string) => void = (message) => console.warn(message),
): Promise<Translator> {
  const locale = resolveLocale(hostLocale);
  const loaded = await load(locale);
  if (typeof loaded !== 'string') return loaded;
  if (locale === FALLBACK_LOCALE) throw new NoCatalogueError(loaded);
  const english = await load(FALLBACK_LOCALE);
  if (typeof english === 'string') throw new NoCatalogueError(`${loaded} ${english}`);
  warn(`${loaded} The page is shown in English.`);
  return english;
}
