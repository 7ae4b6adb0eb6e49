/**
 * The string catalogue runtime: typed keys from `locales/en-US.json`, Forge's locale fallback,
 * named placeholders, plurals and lists. Pure: the catalogues are data passed in (the page gets
 * them from Forge, the CLI through `loadCatalogue`).
 */
export {
  checkCatalogue,
  isPluralObject,
  PLURAL_CATEGORIES,
  type Catalogue,
  type CatalogueTree,
  type MessageKey,
  type PluralCategory,
  type PluralKey,
} from './catalogue.ts';
export {
  FALLBACK_LOCALE,
  isShippedLocale,
  resolveLocale,
  SHIPPED_LOCALES,
  type ShippedLocale,
} from './locales.ts';
export { createTranslator, placeholdersOf, type Params, type Translator } from './translator.ts';
export { ENGLISH } from './english.ts';
export { loadCatalogue } from './load.ts';
export { forgeLocaleFiles, I18N_INFO_FILE, LOCALES_FOLDER, type I18nInfo } from './forge-files.ts';
