import { createContext, useContext } from 'react';
import { ENGLISH } from '@declaration/i18n/english.ts';
import type { Translator } from '@declaration/i18n/translator.ts';

/** The page's translator, provided once at the top of the page (main.tsx) and in tests. */
export const TranslatorContext = createContext<Translator>(ENGLISH);

/** The translator for the viewer's locale: `t(key, params)`, `plural(key, count)`, `list(items)`. */
export function useT(): Translator {
  return useContext(TranslatorContext);
}
