import {
  createTranslator,
  ENGLISH,
  type MessageKey,
  type Params,
  type PluralKey,
  type Translator,
} from '@declaration/i18n/index.ts';
import { describe, expect, expectTypeOf, it } from 'vitest';

/**
 * Catalogues in the shape `locales/*.json` have, with the plural the issue names: the runtime is
 * tested on them directly so that it does not depend on which keys the real catalogue has today.
 */
const english = {
  summary: {
    subprocessorCount: { one: '{count} subprocessor', other: '{count} subprocessors' },
    personalYes: '{personal} of {total} kinds of data are personal',
    inCountries: 'in {countries}',
  },
  section: { rights: 'Your rights', retention: 'How long it is kept' },
};
const german = {
  summary: {
    subprocessorCount: {
      one: '{count} Unterauftragsverarbeiter',
      other: '{count} Unterauftragsverarbeiter',
    },
    personalYes: '{personal} von {total} Datenarten sind personenbezogen',
  },
  section: { rights: 'Ihre Rechte' },
};
const polish = {
  summary: {
    subprocessorCount: {
      one: '{count} podmiot podprzetwarzający',
      few: '{count} podmioty podprzetwarzające',
      many: '{count} podmiotów podprzetwarzających',
      other: '{count} podmiotu podprzetwarzającego',
    },
  },
};
const japanese = { summary: { subprocessorCount: { other: '再委託先 {count} 社' } } };

/** The translator with string keys: these catalogues are not the typed source catalogue. */
function loose(translator: Translator) {
  return translator as unknown as {
    locale: string;
    t(key: string, params?: Params): string;
    plural(key: string, count: number, params?: Params): string;
    list(items: string[]): string;
  };
}

describe('createTranslator', () => {
  it('fills named placeholders, formatting numbers for the locale', () => {
    const de = loose(createTranslator('de-DE', german, english));
    expect(de.t('summary.personalYes', { personal: 1234, total: 2000 })).toBe(
      '1.234 von 2.000 Datenarten sind personenbezogen',
    );
  });

  it('leaves a placeholder without a value visible instead of dropping it', () => {
    const en = loose(createTranslator('en-US', english));
    expect(en.t('summary.personalYes', { personal: 2 })).toBe(
      '2 of {total} kinds of data are personal',
    );
  });

  it('says "1 subprocessor" and "2 subprocessors" in English', () => {
    const en = loose(createTranslator('en-US', english));
    expect(en.plural('summary.subprocessorCount', 1)).toBe('1 subprocessor');
    expect(en.plural('summary.subprocessorCount', 2)).toBe('2 subprocessors');
    expect(en.plural('summary.subprocessorCount', 0)).toBe('0 subprocessors');
    expect(en.plural('summary.subprocessorCount', 1500)).toBe('1,500 subprocessors');
  });

  it('picks Polish one, few, many and other with Intl.PluralRules', () => {
    const pl = loose(createTranslator('pl-PL', polish, english));
    expect(pl.plural('summary.subprocessorCount', 1)).toBe('1 podmiot podprzetwarzający');
    expect(pl.plural('summary.subprocessorCount', 3)).toBe('3 podmioty podprzetwarzające');
    expect(pl.plural('summary.subprocessorCount', 22)).toBe('22 podmioty podprzetwarzające');
    expect(pl.plural('summary.subprocessorCount', 5)).toBe('5 podmiotów podprzetwarzających');
    expect(pl.plural('summary.subprocessorCount', 12)).toBe('12 podmiotów podprzetwarzających');
    expect(pl.plural('summary.subprocessorCount', 1.5)).toBe('1,5 podmiotu podprzetwarzającego');
  });

  it('uses the one Japanese form for every count', () => {
    const ja = loose(createTranslator('ja-JP', japanese, english));
    expect(ja.plural('summary.subprocessorCount', 1)).toBe('再委託先 1 社');
    expect(ja.plural('summary.subprocessorCount', 7)).toBe('再委託先 7 社');
  });

  it('reads a key the locale lacks in English, with English plural rules', () => {
    const ja = loose(createTranslator('ja-JP', { section: { rights: 'お客様の権利' } }, english));
    expect(ja.t('section.rights')).toBe('お客様の権利');
    expect(ja.t('section.retention')).toBe('How long it is kept');
    expect(ja.plural('summary.subprocessorCount', 1)).toBe('1 subprocessor');
    expect(ja.t('summary.inCountries', { countries: 'ドイツ' })).toBe('in ドイツ');
  });

  it('falls back to the shipped English catalogue when no fallback is given', () => {
    const de = createTranslator('de-DE', {});
    expect(de.t('manifest.pageTitle')).toBe(ENGLISH.t('manifest.pageTitle'));
    expect(de.t('manifest.pageTitle')).toBe('Privacy disclosure');
  });

  it('answers a key that no catalogue has with the key, so the gap is visible', () => {
    const en = loose(createTranslator('en-US', english));
    expect(en.t('section.unknown')).toBe('section.unknown');
    expect(en.t('section')).toBe('section');
    expect(en.plural('section.rights', 2)).toBe('section.rights');
  });

  it('reports the catalogue actually used after fallback', () => {
    expect(createTranslator('de-AT', german).locale).toBe('de-DE');
    expect(createTranslator('de', german).locale).toBe('de-DE');
    expect(createTranslator('sv-SE', english).locale).toBe('en-US');
  });

  it('joins lists for the locale', () => {
    expect(createTranslator('en-US', english).list(['Germany', 'Ireland', 'the US'])).toBe(
      'Germany, Ireland, and the US',
    );
    expect(createTranslator('de-DE', german).list(['Deutschland', 'Irland', 'USA'])).toBe(
      'Deutschland, Irland und USA',
    );
    expect(createTranslator('ja-JP', japanese).list(['ドイツ', 'アイルランド'])).toBe(
      'ドイツ、アイルランド',
    );
  });
});

describe('catalogue shape', () => {
  it.each([
    [null, 'Catalogue de-DE: must be a JSON object of strings, not null.'],
    [['Ihre Rechte'], 'Catalogue de-DE: must be a JSON object of strings, not an array.'],
    [
      { section: { rights: 3 } },
      'Catalogue de-DE: "section.rights" must be a string or an object of strings, not a number.',
    ],
    [
      { section: { rights: ['Ihre Rechte'] } },
      'Catalogue de-DE: "section.rights" must be a string or an object of strings, not an array.',
    ],
    [
      { summary: { subprocessorCount: { one: '{count} Unterauftragsverarbeiter' } } },
      'Catalogue de-DE: the plural "summary.subprocessorCount" has no "other" form (every plural needs one).',
    ],
    [{ section: {} }, 'Catalogue de-DE: "section" is an empty object.'],
    [
      { 'section.rights': 'Ihre Rechte' },
      'Catalogue de-DE: "section.rights" is not a usable key (keys are looked up by dot path, so a key may be neither empty nor contain a dot).',
    ],
  ])('rejects %j with an error naming the entry', (catalogue, message) => {
    expect(() => createTranslator('de-DE', catalogue)).toThrow(message);
  });

  it('checks the fallback catalogue too, and names it', () => {
    expect(() => createTranslator('de-DE', german, { section: 'x', summary: 7 })).toThrow(
      'Catalogue en-US (fallback): "summary" must be a string or an object of strings, not a number.',
    );
  });
});

describe('typed keys (checked by the typecheck)', () => {
  it('are the dot paths of the English catalogue: messages and plurals apart', () => {
    expectTypeOf<'manifest.pageTitle'>().toExtend<MessageKey>();
    expectTypeOf<'section.rights'>().toExtend<MessageKey>();
    expectTypeOf<'summary.subprocessorCount'>().toExtend<PluralKey>();
    expectTypeOf<'summary.subprocessorCount'>().not.toExtend<MessageKey>();
    expectTypeOf<'summary.subprocessorCount.one'>().not.toExtend<MessageKey>();
    expectTypeOf<'section'>().not.toExtend<MessageKey>();
    expectTypeOf<'section.rights'>().not.toExtend<PluralKey>();
    // @ts-expect-error a key the English catalogue does not have
    expect(ENGLISH.t('section.unknown')).toBe('section.unknown');
    // @ts-expect-error a message is not a plural
    expect(ENGLISH.plural('section.rights', 2)).toBe('section.rights');
  });
});
