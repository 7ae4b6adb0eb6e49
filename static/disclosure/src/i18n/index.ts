import { createContext, useContext } from 'react';
import { en, type Messages } from './en.ts';

export { en, type Messages } from './en.ts';
export { formatDate, formatDateTime, formatList, formatListParts, formatNumber } from './format.ts';
export { phrase } from './phrase.ts';
export { TranslatorContext, useT } from './context.ts';
export { loadTranslator } from './translator.ts';
export type {
  MessageKey,
  Params,
  PluralKey,
  ShippedLocale,
  Translator,
} from '@declaration/i18n/index.ts';

/** The viewer's locale (for `Intl` and declaration translations) and the UI strings for it. */
export interface LocaleInfo {
  locale: string;
  t: Messages;
}

/** UI strings for a locale. Only English exists so far; other locales fall back to it. */
export function messagesFor(_locale: string): Messages {
  return en;
}

/** Provided once at the top of the page from `view.getContext()`. */
export const LocaleContext = createContext<LocaleInfo>({ locale: 'en', t: en });

/** The viewer's locale and UI strings. */
export function useLocale(): LocaleInfo {
  return useContext(LocaleContext);
}
