/**
 * The translation files Forge's deploy writes into a Custom UI resource, and that
 * `@forge/bridge`'s `i18n.getTranslations()` fetches at run time: `__LOCALES__/<locale>.json`
 * (each catalogue) and `__LOCALES__/i18n-info.json` (the manifest's translation config and its
 * own i18n values per locale, the shape `@forge/i18n`'s `I18nInfo` has). The UI build and the
 * preview write them from the manifest with this one function, so both match what Forge serves.
 */
import { checkCatalogue, lookup } from './catalogue.ts';

/** The folder, beside the page, that the bridge fetches catalogues from. */
export const LOCALES_FOLDER = '__LOCALES__';

/** The file in {@link LOCALES_FOLDER} that names the locales and the fallback order. */
export const I18N_INFO_FILE = 'i18n-info.json';

/** `@forge/i18n`'s `I18nInfo`: what the bridge reads before any catalogue. */
export interface I18nInfo {
  /** Each i18n key the manifest uses (module titles), with its text per locale. */
  translations: Record<string, Record<string, string>>;
  config: { locales: string[]; fallback: Record<string, string | string[]> };
}

interface Resource {
  key: string;
  path: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readTranslations(manifest: unknown): {
  resources: Resource[];
  fallback: Record<string, string | string[]>;
} {
  const translations = isObject(manifest) ? manifest.translations : undefined;
  if (!isObject(translations)) {
    throw new Error('manifest.yml: there is no "translations" section, so no catalogue to ship.');
  }
  const { resources, fallback } = translations;
  if (!Array.isArray(resources) || resources.length === 0) {
    throw new Error('manifest.yml: "translations.resources" must list at least one catalogue.');
  }
  resources.forEach((resource, index) => {
    const entry = resource as Partial<Resource> | null;
    if (typeof entry?.key !== 'string' || typeof entry.path !== 'string') {
      throw new Error(
        `manifest.yml: "translations.resources[${index}]" must have a "key" (a locale) and a "path".`,
      );
    }
  });
  if (!isObject(fallback) || typeof fallback.default !== 'string') {
    throw new Error('manifest.yml: "translations.fallback.default" must name a locale.');
  }
  return {
    resources: resources as Resource[],
    fallback: fallback as Record<string, string | string[]>,
  };
}

/** Every `{ i18n: key }` value under the manifest's modules, as Forge finds them. */
function i18nKeys(modules: unknown): string[] {
  const keys = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if (typeof value.i18n === 'string') keys.add(value.i18n);
      else Object.values(value).forEach(visit);
    }
  };
  visit(modules);
  return [...keys];
}

/**
 * The files of {@link LOCALES_FOLDER}, by path inside the resource (`__LOCALES__/de-DE.json`),
 * as JSON text, for a parsed manifest. `read` gives the parsed content of a catalogue at the
 * manifest's `path`. A manifest without translations, or a catalogue of the wrong shape, is an
 * Error naming it: nothing half-written ships.
 */
export function forgeLocaleFiles(
  manifest: unknown,
  read: (path: string) => unknown,
): Map<string, string> {
  const { resources, fallback } = readTranslations(manifest);
  const files = new Map<string, string>();
  const catalogues = resources.map(({ key, path }) => {
    const catalogue = checkCatalogue(read(path), `${key} (${path})`);
    files.set(`${LOCALES_FOLDER}/${key}.json`, JSON.stringify(catalogue));
    return { key, catalogue };
  });
  const translations: I18nInfo['translations'] = {};
  for (const i18nKey of i18nKeys(isObject(manifest) ? manifest.modules : undefined)) {
    const values: Record<string, string> = {};
    for (const { key, catalogue } of catalogues) {
      const value = lookup(catalogue, i18nKey);
      if (typeof value === 'string') values[key] = value;
    }
    translations[i18nKey] = values;
  }
  const info: I18nInfo = {
    translations,
    config: { locales: resources.map(({ key }) => key), fallback },
  };
  files.set(`${LOCALES_FOLDER}/${I18N_INFO_FILE}`, JSON.stringify(info));
  return files;
}
