import { describe, expect, it } from 'vitest';
import type { RightsRegime, Text } from '@declaration';
import { validateDeclarationText } from '@declaration/validate-yaml.ts';
import { loadExample, readRepoFile } from './load-example.ts';

// Seed 004: Open Source Consulting Inc., Seoul, for all of its Jira and Confluence apps.
const file = 'examples/open-source-consulting-apps.yaml';
const declaration = loadExample(file);
const helpCenter = 'https://cloud-osci.atlassian.net/helpcenter/app/';

const en = (text: Text | undefined): string =>
  text === undefined ? '' : typeof text === 'string' ? text : (text.en ?? '');
const allNotes = (notes: Text[] | undefined): string => (notes ?? []).map(en).join('\n');
const category = (id: string) => {
  const found = declaration.dataCategories.find((item) => item.id === id);
  if (!found) throw new Error(`${file} has no data category "${id}"`);
  return found;
};
const regime = (name: RightsRegime['regime']) => {
  const { regimes } = declaration.rights;
  if (regimes === 'not-stated') throw new Error(`${file} names no rights`);
  const found = regimes.find((item) => item.regime === name);
  if (!found) throw new Error(`${file} has no ${name} rights`);
  return found;
};

describe('seed 004: Open Source Consulting Inc. apps', () => {
  it('points editors at the JSON Schema', () => {
    expect(readRepoFile(file).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
  });

  it('is written in format 2: the only warnings left are the productivity tools no data is linked to', () => {
    expect(declaration.schemaVersion).toBe(2);
    const result = validateDeclarationText(readRepoFile(file), file);
    // The policy lists Slack, Salesforce and monday.com as subprocessors but not which data they get.
    expect(result.warnings.map((warning) => warning.pathText)).toEqual([
      'recipients[3].id',
      'recipients[4].id',
      'recipients[5].id',
    ]);
    expect(result.warnings.every((warning) => warning.message.includes('no data category'))).toBe(
      true,
    );
  });

  it('names the company, its Seoul office, its Privacy Officer and the help center contact', () => {
    const { vendor } = declaration;
    expect(vendor.legalName).toBe('Open Source Consulting Inc.');
    expect(vendor.country).toBe('KR');
    expect(en(vendor.registeredAddress)).toBe(
      '5F, Narakiium Samseong-dong A Building, 32 Teheran-ro 83-gil, Gangnam-gu, Seoul, Republic of Korea.',
    );
    expect(en(vendor.privacyOfficer?.role)).toBe('Privacy Officer');
    expect(vendor.privacyContact).toBe(helpCenter);
    expect(declaration.rights.contact).toBe(helpCenter);
    expect(allNotes(vendor.notes)).toContain('Data Controller');
  });

  it('declares every kind of data the policy lists, with its examples', () => {
    expect(declaration.dataCategories.map((item) => item.id)).toEqual([
      'website-visitors',
      'contact-data',
      'feedback-data',
      'welcome-emails',
      'in-app-analytics',
      'connection-details',
      'synchronization-profiles',
    ]);
    expect(category('in-app-analytics').examples).toEqual([
      'User ID/Account ID',
      'Tenant ID',
      'Location',
    ]);
    expect(category('connection-details').examples).toContain('Encrypted personal access token');
    expect(category('synchronization-profiles').examples).toContain('User email mappings');
    expect(category('welcome-emails').examples).toContain(
      'Data about your activity with regard to our drip feed emails',
    );
    expect(category('website-visitors').examples).toContain('Cookie consent status');
  });

  it('gives the legal ground per purpose: contract, legitimate interest for direct marketing, consent', () => {
    const basis = Object.fromEntries(
      declaration.purposes.map((purpose) => [purpose.id, purpose.legalBasis]),
    );
    expect(basis).toEqual({
      communication: ['contract'],
      'provision-of-apps': ['contract'],
      'product-improvement': ['contract'],
      'research-and-reporting': ['not-stated'],
      'drip-emails': ['not-stated'],
      'service-optimization': ['not-stated'],
      'direct-marketing': ['legitimate-interests'],
      'consented-marketing': ['consent'],
    });
  });

  it('groups the subprocessors as the policy does', () => {
    const byCategory = (name: string) =>
      declaration.recipients
        .filter((recipient) => recipient.kind === 'subprocessor' && recipient.category === name)
        .map((recipient) => en(recipient.name));
    expect(byCategory('infrastructure')).toEqual(['AWS', 'Google Cloud', 'Atlassian Cloud']);
    expect(byCategory('productivity')).toEqual(['Slack', 'Salesforce', 'monday.com']);
    expect(byCategory('support')).toEqual(['Atlassian Jira Service Management']);
    expect([...byCategory('analytics'), ...byCategory('marketing')]).toEqual([
      'Google Analytics 4',
      'LinkedIn Ads',
    ]);
    const googleAds = declaration.recipients.find((recipient) => recipient.id === 'google-ads');
    expect(googleAds?.kind).toBe('recipient');
    expect(allNotes(googleAds?.notes)).toContain('missing from the subprocessor list');
  });

  it('deletes app user data without delay when the licence expires or on request', () => {
    for (const id of ['contact-data', 'connection-details', 'synchronization-profiles']) {
      const { retention } = category(id);
      expect(retention.basis).toBe('while-subscribed');
      expect(retention.deletableOnRequest).toBe(true);
      expect(en(retention.description)).toContain('permanently deleted without delay');
    }
    expect(allNotes(category('contact-data').retention.notes)).toContain(
      'also constitutes termination of the license agreement',
    );
  });

  it('lists the GDPR and CCPA rights separately', () => {
    expect(regime('gdpr').appliesTo).toBe('EEA/UK residents');
    expect(regime('gdpr').rights.map((item) => item.right)).toEqual([
      'access',
      'rectification',
      'erasure',
      'withdraw-consent',
      'objection',
      'complaint',
    ]);
    expect(regime('ccpa').appliesTo).toBe('California residents');
    expect(regime('ccpa').rights.map((item) => item.right)).toEqual([
      'know',
      'erasure',
      'opt-out-of-sale',
    ]);
    expect(regime('general').rights.map((item) => item.right)).toContain('portability');
  });

  it('stores app user data on Cloud, in a place it does not name, and none on Data Center', () => {
    const statements = Object.fromEntries(
      declaration.app.platforms.map((item) => [item.platform, en(item.statement)]),
    );
    expect(statements.cloud).toContain('This data is stored securely');
    expect(statements['data-center']).toContain('No data is stored');
    expect(declaration.locations).toEqual([]);
    const appUserData = declaration.dataCategories.filter((item) => item.id !== 'website-visitors');
    expect(appUserData).toHaveLength(6);
    for (const item of appUserData) {
      expect(item.platforms).toEqual(['cloud']);
      expect(item.residency).toBe('not-stated');
    }
    expect(category('website-visitors').platforms).toEqual(['cloud', 'data-center']);
  });

  it('says no sensitive data for every kind, as the policy does, and all of it personal', () => {
    const status = declaration.dataCategories.map((item) => [item.personal, item.sensitive]);
    expect(status).toEqual(declaration.dataCategories.map(() => ['yes', 'no']));
  });

  it('encrypts the personal access token on its own, and says nothing of the rest at rest', () => {
    const connection = category('connection-details');
    expect(connection.encryptionAtRest).toBe('not-stated');
    expect(connection.encryption?.fieldLevel?.map(en)).toEqual([
      'Personal access token ("Encrypted personal access token")',
    ]);
    expect(allNotes(connection.encryption?.notes)).toContain('"End-to-end encryption"');
  });

  it('collects in-app analytics until people opt out', () => {
    const analytics = category('in-app-analytics');
    expect(analytics.collection).toBe('optional');
    expect(analytics.handling?.collectedByDefault).toBe(true);
    expect(en(analytics.howToDisable)).toContain('opt out of in-app analytics');
  });

  it('collects no sensitive data and, as a general rule, no data of minors', () => {
    const notCollected = declaration.notCollected ?? [];
    expect(notCollected.map((item) => en(item.what))).toEqual([
      'Sensitive data',
      'Personal data of minors',
      'App user data on Confluence or Jira Data Center',
    ]);
    expect(en(notCollected[1]?.exceptions)).toContain('we will take steps to delete such data');
    expect(notCollected[2]?.platforms).toEqual(['data-center']);
  });

  it('keeps the editing artefacts and the encryption contradiction, each with a note', () => {
    const websiteNotes = allNotes(category('website-visitors').notes);
    expect(websiteNotes).toContain('[연김3]');
    expect(websiteNotes).toContain('"IP addreUss" is a typo');
    expect(declaration.security?.measures?.map(en)).toEqual([
      'End-to-end encryption',
      'Role-based access control',
      'Secure software development lifecycle',
      'Continuous security monitoring',
    ]);
    expect(allNotes(category('connection-details').encryption?.notes)).toContain(
      '"Encrypted personal access token"',
    );
  });
});
