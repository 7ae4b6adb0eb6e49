import { describe, expect, it } from 'vitest';
import { describeDuration, describeRetention } from '@declaration';

describe('describeRetention', () => {
  it('says a fixed period and what starts it (Exalate, seed 002)', () => {
    expect(describeRetention({ basis: 'fixed-period', period: 'P180D', after: 'uninstall' })).toBe(
      'Deleted 180 days after the app is uninstalled',
    );
  });

  it('says open-ended retentions in plain words (TechTime, seed 000)', () => {
    expect(describeRetention({ basis: 'until-deletion-request' })).toBe(
      'Kept until you ask for deletion',
    );
    expect(describeRetention({ basis: 'indefinitely' })).toBe('Kept indefinitely');
    expect(describeRetention({ basis: 'not-stored' })).toBe('Not stored');
    expect(describeRetention({ basis: 'while-account-active' })).toBe(
      'Kept while the account is active',
    );
  });

  it('says "Not stated" like every other unstated cell, under a "How long" heading (TechTime, seed 000)', () => {
    expect(describeRetention({ basis: 'not-stated' })).toBe('Not stated');
    expect(describeRetention({ basis: 'not-stated', period: 'P2Y', after: 'collection' })).toBe(
      'Not stated; deleted at the latest 2 years after collection',
    );
  });

  it('gives the upper bound of a "while needed" retention', () => {
    expect(
      describeRetention({
        basis: 'until-purpose-fulfilled',
        period: 'P180D',
        after: 'subscription-end',
      }),
    ).toBe('Kept while needed; deleted at the latest 180 days after the subscription ends');
  });

  it('mentions earlier deletion on request and backups when they are stated', () => {
    const words = describeRetention(
      {
        basis: 'fixed-period',
        period: 'P180D',
        after: 'subscription-end',
        deletableOnRequest: true,
        backups: {
          period: 'P30D',
          description: { en: 'Stored offline in Zurich.', de: 'Offline in Zürich.' },
        },
      },
      'de-CH',
    );
    expect(words).toBe(
      'Deleted 180 days after the subscription ends. You can ask for earlier deletion. ' +
        'Backup copies are kept up to 30 days longer. Offline in Zürich.',
    );
  });
});

describe('describeDuration', () => {
  it('writes ISO 8601 periods in words with singulars and plurals', () => {
    expect(describeDuration('P1Y')).toBe('1 year');
    expect(describeDuration('P6M')).toBe('6 months');
    expect(describeDuration('P1Y6M')).toBe('1 year and 6 months');
    expect(describeDuration('P2W3D')).toBe('2 weeks and 3 days');
  });
});
