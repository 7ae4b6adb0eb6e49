import { createContext, useContext } from 'react';
import type { Translator } from '@declaration/i18n/translate.ts';

/**
 * The page's translator, provided once at the top of the page (main.tsx) and in tests. It has no
 * default: the page bundles no catalogue (each is loaded through Forge, English too), so a part
 * rendered outside the provider would have no words; it is told so instead.
 */
export const TranslatorContext = createContext<Translator | null>(null);

/** The translator for the viewer's locale: `t(key, params)`, `plural(key, count)`, `list(items)`. */
export function useT(): Translator {
  const translator = useContext(TranslatorContext);
  if (!translator) {
    throw new Error('No translator: render the page inside TranslatorContext.Provider.');
  }
  return translator;
}
