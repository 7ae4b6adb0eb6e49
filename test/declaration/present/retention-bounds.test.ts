import { describe, expect, it } from 'vitest';
import {
  createTranslator,
  describeBoundedDuration,
  describeDuration,
  ENGLISH,
  plainText,
  retentionWords,
  type Retention,
} from '@declaration';
import german from '../../../locales/de-DE.json' with { type: 'json' };
import japanese from '../../../locales/ja-JP.json' with { type: 'json' };
import polish from '../../../locales/pl-PL.json' with { type: 'json' };

const GERMAN = createTranslator('de-DE', german);
const JAPANESE = createTranslator('ja-JP', japanese);

/** A retention in words as the page and the exports show it. */
const words = (retention: Retention, translator = ENGLISH) =>
  plainText(retentionWords(retention, translator));

describe('periods shorter than a day, in words', () => {
  it('says hours, minutes and seconds with their plurals (Exalate session tokens, PT1H)', () => {
    expect(describeDuration('PT1H', ENGLISH)).toBe('1 hour');
    expect(describeDuration('PT30M', ENGLISH)).toBe('30 minutes');
    expect(describeDuration('PT1H30M', ENGLISH)).toBe('1 hour and 30 minutes');
    expect(describeDuration('P1DT12H', ENGLISH)).toBe('1 day and 12 hours');
    expect(describeDuration('PT45S', ENGLISH)).toBe('45 seconds');
  });

  it('in the reader’s language and its plural forms', () => {
    expect(describeDuration('PT1H', GERMAN)).toBe('1 Stunde');
    expect(describeDuration('PT30M', GERMAN)).toBe('30 Minuten');
    expect(describeDuration('PT1H', JAPANESE)).toBe('1時間');
    const pl = createTranslator('pl-PL', polish);
    expect(describeDuration('PT2H', pl)).toBe('2 godziny');
    expect(describeDuration('PT5H', pl)).toBe('5 godzin');
  });
});

describe('the bound of a period', () => {
  it('says at most, at least, exactly and about beside the period', () => {
    expect(describeBoundedDuration('P180D', 'at-most', ENGLISH)).toBe('at most 180 days');
    expect(describeBoundedDuration('P1M', 'at-least', ENGLISH)).toBe('at least 1 month');
    expect(describeBoundedDuration('P1Y', 'about', ENGLISH)).toBe('about 1 year');
    expect(describeBoundedDuration('P30D', 'exactly', ENGLISH)).toBe('exactly 30 days');
    expect(describeBoundedDuration('P30D', undefined, ENGLISH)).toBe('30 days');
    expect(describeBoundedDuration('P1M', 'at-least', GERMAN)).toBe('mindestens 1 Monat');
  });

  it('a fixed period kept at least so long is not "deleted after" it', () => {
    const base: Retention = { basis: 'fixed-period', period: 'P30D', after: 'collection' };
    expect(words({ ...base, bound: 'at-least' })).toBe('Kept at least 30 days after collection');
    expect(words({ ...base, bound: 'at-most' })).toBe(
      'Deleted at the latest 30 days after collection',
    );
    expect(words({ ...base, bound: 'about' })).toBe('Deleted about 30 days after collection');
    expect(words({ ...base, bound: 'exactly' })).toBe('Deleted exactly 30 days after collection');
    expect(words(base)).toBe('Deleted 30 days after collection');
  });

  it('a period that limits another basis keeps its bound (Exalate, seed 002)', () => {
    const needed: Retention = {
      basis: 'until-purpose-fulfilled',
      period: 'P180D',
      after: 'subscription-end',
    };
    expect(words({ ...needed, bound: 'at-most' })).toBe(words(needed));
    expect(words({ ...needed, bound: 'at-least' })).toBe(
      'Kept while needed; kept at least 180 days after the subscription ends',
    );
    expect(words({ ...needed, bound: 'at-least' }, GERMAN)).toBe(
      'Gespeichert, solange sie benötigt werden; mindestens 180 Tage nach Ende des Abonnements aufbewahrt',
    );
  });

  it('a period whose start the policy does not state says so (Exalate session tokens)', () => {
    const tokens: Retention = { basis: 'fixed-period', period: 'PT1H', after: 'not-stated' };
    expect(words(tokens)).toBe('Deleted 1 hour from a start the policy does not state');
    expect(words(tokens, JAPANESE)).toBe('ポリシーに記載のない起点から1時間で削除');
  });
});

describe('backups as data', () => {
  it('says how long backups live with their bound, and how long they keep data after deletion', () => {
    const retention: Retention = {
      basis: 'while-subscribed',
      backups: {
        period: 'P30D',
        bound: 'at-least',
        afterDeletion: { period: 'P90D' },
      },
    };
    expect(words(retention)).toBe(
      'Kept while the subscription lasts. Backup copies are kept for at least 30 days. ' +
        'Backups keep it for up to 90 days after deletion.',
    );
    expect(words(retention, GERMAN)).toBe(
      'Gespeichert, solange das Abonnement besteht. Sicherungskopien werden mindestens 30 Tage aufbewahrt. ' +
        'Sicherungskopien enthalten die Daten höchstens 90 Tage nach der Löschung.',
    );
  });

  it('keeps the earlier sentence for backups without a bound', () => {
    const retention: Retention = { basis: 'while-subscribed', backups: { period: 'P30D' } };
    expect(words(retention)).toBe(
      'Kept while the subscription lasts. Backup copies are kept up to 30 days longer.',
    );
  });
});
