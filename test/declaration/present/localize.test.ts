import { describe, expect, it } from 'vitest';
import { countryName, localize, marketplacePrivacyUrl, translationFor } from '@declaration';

const name = { en: 'Service Desk requests', de: 'Service-Desk-Anfragen', 'pt-BR': 'Solicitações' };

describe('localize', () => {
  it('picks the exact locale, whatever the case of its key', () => {
    expect(localize(name, 'pt-BR')).toBe('Solicitações');
    expect(localize({ en: 'Requests', 'pt-br': 'Solicitações' }, 'pt-BR')).toBe('Solicitações');
  });

  it('falls back to the language, then to English', () => {
    expect(localize(name, 'de-AT')).toBe('Service-Desk-Anfragen');
    expect(localize(name, 'fr-FR')).toBe('Service Desk requests');
  });

  it('returns plain strings as they are and "" for missing text', () => {
    expect(localize('User Management', 'de')).toBe('User Management');
    expect(localize(undefined, 'en')).toBe('');
  });
});

describe('translationFor', () => {
  it('names the language of a text that fell back to another, so the page can say so', () => {
    expect(translationFor(name, 'ja-JP')).toEqual({ text: 'Service Desk requests', lang: 'en' });
    expect(translationFor({ de: 'Anfragen', fr: 'Demandes', en: 'Requests' }, 'ja-JP')).toEqual({
      text: 'Requests',
      lang: 'en',
    });
  });

  it('marks nothing that is in the reader’s language, or in no stated language', () => {
    expect(translationFor(name, 'de-DE')).toEqual({ text: 'Service-Desk-Anfragen' });
    expect(translationFor(name, 'en-US')).toEqual({ text: 'Service Desk requests' });
    expect(translationFor('User Management', 'ja-JP')).toEqual({ text: 'User Management' });
    expect(translationFor(undefined, 'ja-JP')).toBeNull();
  });
});

describe('countryName', () => {
  it('names countries in the reader’s language', () => {
    expect(countryName('NZ', 'en')).toBe('New Zealand');
    expect(countryName('BE', 'de')).toBe('Belgien');
  });

  it('uses English for a malformed locale rather than failing', () => {
    expect(countryName('CH', 'not a locale!')).toBe('Switzerland');
  });
});

describe('marketplacePrivacyUrl', () => {
  it('links the "Privacy & security" tab of a listing', () => {
    expect(
      marketplacePrivacyUrl(
        'https://marketplace.atlassian.com/apps/1216227/exalate-jira-issue-sync-more?tab=overview',
      ),
    ).toBe(
      'https://marketplace.atlassian.com/apps/1216227/exalate-jira-issue-sync-more?hosting=cloud&tab=privacy-and-security',
    );
    expect(marketplacePrivacyUrl('https://marketplace.atlassian.com/apps/1216227')).toBe(
      'https://marketplace.atlassian.com/apps/1216227?hosting=cloud&tab=privacy-and-security',
    );
  });

  it('gives null when there is no listing link', () => {
    expect(marketplacePrivacyUrl(undefined)).toBeNull();
    expect(marketplacePrivacyUrl('https://techtime.co.nz/apps/1234/user-management')).toBeNull();
    expect(marketplacePrivacyUrl('not a url')).toBeNull();
  });
});
