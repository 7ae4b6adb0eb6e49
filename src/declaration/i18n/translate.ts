/**
 * Strings from a catalogue for one locale, with what Forge's own translation function lacks:
 * named placeholders (`{count}`), plurals chosen by `Intl.PluralRules`, and lists joined by
 * `Intl.ListFormat`. A key the locale's catalogue lacks reads the fallback catalogue's text.
 */
import {
  checkCatalogue,
  isPluralObject,
  lookup,
  type CatalogueTree,
  type MessageKey,
  type PluralCategory,
  type PluralKey,
} from './catalogue.ts';
import { FALLBACK_LOCALE, resolveLocale, type ShippedLocale } from './locales.ts';

/** Values for a message's named placeholders; numbers are formatted for the locale. */
export type Params = Record<string, string | number>;

/** The strings of one locale. */
export interface Translator {
  /** The catalogue actually used, after fallback (`de-AT` reads `de-DE`). */
  readonly locale: ShippedLocale;
  /** The message at `key` with its placeholders filled; the English text when the locale lacks it. */
  t(key: MessageKey, params?: Params): string;
  /**
   * The plural at `key` in the form `Intl.PluralRules` picks for `count` in this locale; `count`
   * is also the `{count}` placeholder, formatted with `Intl.NumberFormat`.
   */
  plural(key: PluralKey, count: number, params?: Params): string;
  /** The items joined for the locale ("A, B and C", "A、B、C"). */
  list(items: string[]): string;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The names of the placeholders in a message, in order (`{count} of {total}`: count, total). */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

function fill(message: string, params: Params | undefined, numbers: Intl.NumberFormat): string {
  if (!params) return message;
  // A placeholder without a value stays as written, so a missing value shows rather than vanishes.
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** One catalogue with the rules of the locale it is written in. */
interface Source {
  catalogue: CatalogueTree;
  rules: Intl.PluralRules;
}

/**
 * A translator for `locale` (any code; it is matched to a shipped locale with `resolveLocale`)
 * over `catalogue`, which is checked: a catalogue of the wrong shape is an Error that names the
 * entry. `fallback`, when given, is read for keys `catalogue` lacks; a key neither has reads as
 * the key itself. It imports no catalogue, so the page can load every one of them, English too,
 * as data ({@link createTranslator} falls back to the bundled English).
 */
export function translatorOver(locale: string, catalogue: unknown, fallback?: unknown): Translator {
  const resolved = resolveLocale(locale);
  const sources: Source[] = [
    { catalogue: checkCatalogue(catalogue, resolved), rules: new Intl.PluralRules(resolved) },
  ];
  if (fallback !== undefined && fallback !== catalogue) {
    sources.push({
      catalogue: checkCatalogue(fallback, `${FALLBACK_LOCALE} (fallback)`),
      rules: new Intl.PluralRules(FALLBACK_LOCALE),
    });
  }
  const numbers = new Intl.NumberFormat(resolved);
  const lists = new Intl.ListFormat(resolved, { style: 'long', type: 'conjunction' });

  return {
    locale: resolved,
    t(key, params) {
      for (const { catalogue: source } of sources) {
        const entry = lookup(source, key);
        if (typeof entry === 'string') return fill(entry, params, numbers);
      }
      return key;
    },
    plural(key, count, params) {
      const all = { ...params, count };
      for (const { catalogue: source, rules } of sources) {
        const entry = lookup(source, key);
        if (!isPluralObject(entry)) continue;
        // Each catalogue is read with its own language's rules: English fallback text takes
        // English forms even inside a Polish page.
        const form = entry[rules.select(count) as PluralCategory] ?? entry.other;
        if (form !== undefined) return fill(form, all, numbers);
      }
      return key;
    },
    list(items) {
      return lists.format(items);
    },
  };
}
