import type { ShippedLocale } from '@declaration/i18n/locales.ts';
import { describeError, loadBridge } from './bridge.ts';

/** A catalogue as Forge served it, or why it could not. */
export type TranslationsResult =
  { ok: true; locale: string; translations: unknown } | { ok: false; message: string };

/**
 * The catalogue for `locale` through `@forge/bridge`'s `i18n.getTranslations()`: Forge fetches
 * `__LOCALES__/i18n-info.json` from the app's resource, then the first catalogue in its lookup
 * order (the locale, the manifest's fallbacks for it, then `fallback.default`). `locale` is the
 * catalogue Forge reports it used. A failure is an answer, not a throw, so the page can go on.
 */
export async function getTranslations(locale: ShippedLocale): Promise<TranslationsResult> {
  try {
    const { i18n } = await loadBridge();
    const result = await i18n.getTranslations(locale);
    if (result.translations === null) {
      return { ok: false, message: `Forge has no catalogue for ${locale} or its fallbacks.` };
    }
    return { ok: true, locale: result.locale, translations: result.translations };
  } catch (error) {
    return {
      ok: false,
      message: `Could not load the catalogue for ${locale}: ${describeError(error)}`,
    };
  }
}
