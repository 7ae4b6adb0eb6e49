/**
 * The page's words: the translator for the host's locale (loaded through Forge, provided once by
 * main.tsx, read with `useT()`), and `Intl` formatting of dates, numbers and lists.
 */
export { formatDate, formatDateTime, formatList, formatListParts, formatNumber } from './format.ts';
export { TranslatorContext, useT } from './context.ts';
export { loadTranslator, NoCatalogueError } from './translator.ts';
export type {
  MessageKey,
  Params,
  PluralKey,
  ShippedLocale,
  Translator,
} from '@declaration/i18n/index.ts';
