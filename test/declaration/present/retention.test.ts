import { describe, expect, it } from 'vitest';
import {
  createTranslator,
  describeDuration,
  ENGLISH,
  plainText,
  retentionWords,
  type Retention,
} from '@declaration';

/** A retention in words as the page and the exports show it, in English. */
const words = (retention: Retention) => plainText(retentionWords(retention, ENGLISH));

describe('retention in words', () => {
  it('says a fixed period and what starts it (Exalate, seed 002)', () => {
    expect(words({ basis: 'fixed-period', period: 'P180D', after: 'uninstall' })).toBe(
      'Deleted 180 days after the app is uninstalled',
    );
  });

  it('says open-ended retentions in plain words (TechTime, seed 000)', () => {
    expect(words({ basis: 'until-deletion-request' })).toBe('Kept until you ask for deletion');
    expect(words({ basis: 'indefinitely' })).toBe('Kept indefinitely');
    expect(words({ basis: 'not-stored' })).toBe('Not stored');
    expect(words({ basis: 'while-account-active' })).toBe('Kept while the account is active');
  });

  it('says "Not stated" like every other unstated cell, under a "How long" heading (TechTime, seed 000)', () => {
    expect(words({ basis: 'not-stated' })).toBe('Not stated');
    expect(words({ basis: 'not-stated', period: 'P2Y', after: 'collection' })).toBe(
      'Not stated; deleted at the latest 2 years after collection',
    );
  });

  it('gives the upper bound of a "while needed" retention', () => {
    expect(
      words({ basis: 'until-purpose-fulfilled', period: 'P180D', after: 'subscription-end' }),
    ).toBe('Kept while needed; deleted at the latest 180 days after the subscription ends');
  });

  it('mentions earlier deletion on request and backups, the policy’s own words last, as prose', () => {
    const retention: Retention = {
      basis: 'fixed-period',
      period: 'P180D',
      after: 'subscription-end',
      deletableOnRequest: true,
      backups: {
        period: 'P30D',
        description: { en: 'Stored offline in Zurich.', de: 'Offline in Zürich.' },
      },
    };
    expect(words(retention)).toBe(
      'Deleted 180 days after the subscription ends. You can ask for earlier deletion. ' +
        'Backup copies are kept up to 30 days longer. Stored offline in Zurich.',
    );
    // The policy's words are the vendor's: apart from the app's sentences, in their language.
    expect(retentionWords(retention, ENGLISH).at(-2)).toEqual({
      kind: 'vendor',
      text: 'Stored offline in Zurich',
    });
  });
});

describe('describeDuration', () => {
  it('writes ISO 8601 periods in words with singulars and plurals', () => {
    expect(describeDuration('P1Y', ENGLISH)).toBe('1 year');
    expect(describeDuration('P6M', ENGLISH)).toBe('6 months');
    expect(describeDuration('P1Y6M', ENGLISH)).toBe('1 year and 6 months');
    expect(describeDuration('P2W3D', ENGLISH)).toBe('2 weeks and 3 days');
  });

  it('takes the plural form the reader’s language has for the number (Polish: 2 lata, 5 lat)', () => {
    const years = {
      one: '{count} rok',
      few: '{count} lata',
      many: '{count} lat',
      other: '{count} roku',
    };
    const polish = createTranslator('pl-PL', { retention: { duration: { years } } });
    expect(describeDuration('P1Y', polish)).toBe('1 rok');
    expect(describeDuration('P2Y', polish)).toBe('2 lata');
    expect(describeDuration('P5Y', polish)).toBe('5 lat');
    expect(describeDuration('P22Y', polish)).toBe('22 lata');
  });
});
