import {
  loadCatalogue,
  resolveLocale,
  SHIPPED_LOCALES,
  type ShippedLocale,
} from '@declaration/i18n/index.ts';
import { FORGE_SUPPORTED_LOCALE_CODES } from '@forge/i18n';
import { describe, expect, it } from 'vitest';

describe('resolveLocale', () => {
  it.each<[string, ShippedLocale]>([
    ['de-DE', 'de-DE'],
    ['de_DE', 'de-DE'],
    ['de', 'de-DE'],
    ['DE-de', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['de_CH', 'de-DE'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['en-GB', 'en-US'],
    ['ja', 'ja-JP'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    [' fr-FR ', 'fr-FR'],
    ['fr-CA', 'fr-FR'],
  ])('reads %s as %s', (code, locale) => {
    expect(resolveLocale(code)).toBe(locale);
  });

  it.each(['sv-SE', 'no-NO', 'zh-TW', 'zh-Hant', 'zh_HK', '', '   ', '<script>', 'x'])(
    'falls back to en-US for %j',
    (code) => {
      expect(resolveLocale(code)).toBe('en-US');
    },
  );

  it('falls back to en-US when there is no locale at all', () => {
    expect(resolveLocale(null)).toBe('en-US');
    expect(resolveLocale(undefined)).toBe('en-US');
  });

  it('ships only locales Forge supports, spelled as Forge spells them', () => {
    for (const locale of SHIPPED_LOCALES) {
      expect(FORGE_SUPPORTED_LOCALE_CODES).toContain(locale);
    }
  });
});

describe('loadCatalogue', () => {
  it('loads each shipped locale file as an object', async () => {
    for (const locale of SHIPPED_LOCALES) {
      const catalogue = await loadCatalogue(locale);
      expect(typeof catalogue, locale).toBe('object');
    }
  });

  it('loads the English source catalogue', async () => {
    const english = (await loadCatalogue('en-US')) as { manifest: { pageTitle: string } };
    expect(english.manifest.pageTitle).toBe('Privacy disclosure');
  });
});
