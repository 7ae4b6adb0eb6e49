import { FALLBACK_LOCALE, type ShippedLocale } from './locales.ts';

// One static import per locale, so that every bundler and Node itself resolve the files; JSON
// modules need the import attribute on Node.
const IMPORTERS: Record<ShippedLocale, () => Promise<{ default: unknown }>> = {
  'en-US': () => import('../../../locales/en-US.json', { with: { type: 'json' } }),
  'de-DE': () => import('../../../locales/de-DE.json', { with: { type: 'json' } }),
  'es-ES': () => import('../../../locales/es-ES.json', { with: { type: 'json' } }),
  'fr-FR': () => import('../../../locales/fr-FR.json', { with: { type: 'json' } }),
  'it-IT': () => import('../../../locales/it-IT.json', { with: { type: 'json' } }),
  'ja-JP': () => import('../../../locales/ja-JP.json', { with: { type: 'json' } }),
  'ko-KR': () => import('../../../locales/ko-KR.json', { with: { type: 'json' } }),
  'nl-NL': () => import('../../../locales/nl-NL.json', { with: { type: 'json' } }),
  'pl-PL': () => import('../../../locales/pl-PL.json', { with: { type: 'json' } }),
  'pt-BR': () => import('../../../locales/pt-BR.json', { with: { type: 'json' } }),
  'zh-CN': () => import('../../../locales/zh-CN.json', { with: { type: 'json' } }),
};

/**
 * The catalogue of a shipped locale, unchecked (`createTranslator` checks it), by a dynamic
 * import of `locales/<locale>.json`: for the CLI and the exports, not for the page bundle.
 */
export async function loadCatalogue(locale: ShippedLocale): Promise<unknown> {
  const load = IMPORTERS[locale] ?? IMPORTERS[FALLBACK_LOCALE];
  return (await load()).default;
}
