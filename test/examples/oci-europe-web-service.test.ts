import { describe, expect, it } from 'vitest';
import type { Text } from '@declaration';
import { validateDeclarationText } from '@declaration/validate-yaml.ts';
import { loadExample, readRepoFile } from './load-example.ts';

// Seed 003: a vendor that never names itself, running a web service on OCI in Europe.
const file = 'examples/oci-europe-web-service.yaml';
const declaration = loadExample(file);

const en = (text: Text | undefined): string =>
  text === undefined ? '' : typeof text === 'string' ? text : (text.en ?? '');
const allNotes = (notes: Text[] | undefined): string => (notes ?? []).map(en).join('\n');
const category = (id: string) => {
  const found = declaration.dataCategories.find((item) => item.id === id);
  if (!found) throw new Error(`${file} has no data category "${id}"`);
  return found;
};

describe('seed 003: the OCI-in-Europe web service', () => {
  it('points editors at the JSON Schema', () => {
    expect(readRepoFile(file).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
  });

  it('is written in format 2: the only warning left is the contact address the copy redacted', () => {
    expect(declaration.schemaVersion).toBe(2);
    const result = validateDeclarationText(readRepoFile(file), file);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('no privacy contact'),
    ]);
  });

  it('names no vendor, and says the contact address was redacted rather than inventing one', () => {
    expect(declaration.vendor.legalName).toBeUndefined();
    expect(declaration.vendor.privacyContact).toBeUndefined();
    expect(allNotes(declaration.vendor.notes)).toContain('does not name the company');
    expect(allNotes(declaration.vendor.notes)).toContain('[email protected]');
    expect(allNotes(declaration.rights.notes)).toContain('redacted placeholder');
    expect(declaration.policy.lastUpdatedSource).toBe('declaration');
  });

  it('hosts the products on Oracle Cloud Infrastructure in Europe and the static sites globally', () => {
    const [oci, staticSites] = declaration.locations;
    expect(oci).toMatchObject({ id: 'oci-europe', geography: 'Europe' });
    expect(en(oci?.provider)).toBe('Oracle Cloud Infrastructure (OCI)');
    expect(allNotes(oci?.notes)).toContain('"mainly operated"');
    expect(staticSites).toMatchObject({ hostedBy: 'not-stated', geography: 'Deployed globally' });
    expect(en(staticSites?.holds)).toContain('site with support documentation');
  });

  it('sends what people provide to Europe whoever they are, and does not say where the web logs go', () => {
    expect(declaration.placement).toEqual([
      expect.objectContaining({
        rule: 'fixed',
        locations: ['oci-europe'],
        categories: ['account-identifiers', 'login-ip-logs', 'signup-ip-records'],
      }),
    ]);
    expect(en(declaration.placement?.[0]?.description)).toContain(
      'any information you provide to us will be transferred to Europe',
    );
    const residency = Object.fromEntries(
      declaration.dataCategories.map((item) => [item.id, item.residency]),
    );
    expect(residency).toEqual({
      'account-identifiers': 'global',
      'support-emails': 'not-stated',
      'website-visit-logs': 'not-stated',
      'login-ip-logs': 'global',
      'signup-ip-records': 'global',
      'usage-analytics': 'not-stated',
    });
  });

  it('keeps three logs: web server, account access by full IP, and sign-up IPs forever', () => {
    const logs = declaration.logs ?? [];
    expect(
      logs.map((log) => [log.id, log.endUserData, log.storedIn, log.retention?.basis]),
    ).toEqual([
      ['web-server-log', 'may-contain', ['global-static-sites'], 'until-purpose-fulfilled'],
      ['account-access-log', 'yes', ['oci-europe'], 'while-account-active'],
      ['signup-ip-log', 'yes', ['oci-europe'], 'indefinitely'],
    ]);
    expect(logs[0]?.examples).toContain("Your computer's IP address");
    expect(en(logs[1]?.holds)).toContain('by full IP address');
    expect(logs.every((log) => log.readableBy === undefined)).toBe(true);
  });

  it('holds support e-mails as personal data that may contain a volunteered pronoun preference', () => {
    expect(category('support-emails')).toMatchObject({
      personal: 'yes',
      sensitive: 'may-contain',
      sources: ['email'],
      purposes: ['customer-support', 'restricted-uses-and-legal'],
    });
    expect(en(category('support-emails').description)).toContain('pronoun preference');
    const notSensitive = declaration.dataCategories
      .filter((item) => item.sensitive === 'no')
      .map((item) => item.id);
    expect(notSensitive).toEqual([
      'account-identifiers',
      'website-visit-logs',
      'login-ip-logs',
      'signup-ip-records',
      'usage-analytics',
    ]);
  });

  it('keeps login IP logs while the account is active and sign-up IPs forever', () => {
    expect(category('login-ip-logs').retention.basis).toBe('while-account-active');
    expect(category('signup-ip-records').retention.basis).toBe('indefinitely');
    expect(en(category('signup-ip-records').retention.description)).toContain(
      'mitigate spammy signups',
    );
    expect(category('account-identifiers').retention).toMatchObject({
      basis: 'until-purpose-fulfilled',
      deletableOnRequest: true,
    });
  });

  it('collects the e-mail address and the standard browser data', () => {
    expect(category('account-identifiers').examples).toEqual(['Email address']);
    expect(category('website-visit-logs').examples).toEqual([
      "Your computer's IP address",
      'The pages you visit',
      'The time and date of your visit',
    ]);
  });

  it('names Google Analytics, Hotjar and PostHog as its analytics subprocessors', () => {
    const analytics = declaration.recipients
      .filter((recipient) => recipient.category === 'analytics')
      .map((recipient) => en(recipient.name));
    expect(analytics).toEqual(['Google Analytics', 'Hotjar', 'PostHog']);
    expect(category('usage-analytics').recipients).toEqual([
      'google-analytics',
      'hotjar',
      'posthog',
    ]);
  });

  it('lists login, survey and analytics cookies and the third-party ones', () => {
    const cookies = declaration.cookies ?? [];
    const firstParty = cookies.filter((cookie) => cookie.party === 'first');
    expect(firstParty.map((cookie) => [en(cookie.name), cookie.category])).toEqual([
      ['Login related cookies', 'strictly-necessary'],
      ['Surveys related cookies', 'survey'],
      ['Analytics related cookies', 'analytics'],
    ]);
    const thirdParty = cookies.filter((cookie) => cookie.party === 'third');
    expect(thirdParty.map((cookie) => cookie.recipient)).toEqual([
      'google-analytics',
      'hotjar',
      'posthog',
      undefined,
    ]);
  });

  it('does not collect protected classifications, unless people volunteer them', () => {
    const [protectedClasses] = declaration.notCollected ?? [];
    expect(en(protectedClasses?.what)).toContain('sexual orientation, gender identity');
    expect(en(protectedClasses?.exceptions)).toContain(
      'pronoun preference in your email signature',
    );
  });

  it('transfers information from outside Europe to Europe on consent', () => {
    expect(declaration.transfers).toHaveLength(1);
    expect(declaration.transfers?.[0]).toMatchObject({
      toGeography: 'Europe',
      mechanism: 'consent',
    });
  });

  it('encrypts in transit and its database backups, and e-mails signed users about changes', () => {
    expect(category('account-identifiers').encryption?.inTransitProtocol).toContain('SSL/TLS');
    expect(category('account-identifiers').encryptionAtRest).toBeUndefined();
    expect(declaration.locations[0]?.backups).toMatchObject({
      encrypted: 'yes',
      frequency: 'not-stated',
    });
    expect((declaration.security?.measures ?? []).map(en)).toEqual([
      '"All data is encrypted via SSL/TLS when transmitted from our servers to your browser."',
      '"The database backups are also encrypted."',
    ]);
    expect(en(declaration.policy.changeNotice)).toContain('we will notify signed users via email');
    expect(declaration.commitments?.map(en)).toContain(
      '"We\'ll never sell your personal info to third parties"',
    );
  });

  it('reports restricted uses to the authorities and keeps the cut-off sentence as written', () => {
    const authorities = declaration.recipients.find((recipient) => recipient.id === 'authorities');
    expect(authorities).toMatchObject({ kind: 'recipient', category: 'legal-disclosure' });
    const grants = declaration.vendorAccess?.grants ?? [];
    expect(grants.map((grant) => [grant.circumstances, grant.access, grant.categories])).toEqual([
      [['other'], 'not-stated', 'all'],
      [['incident'], 'not-stated', 'all'],
      [['legal-demand'], 'not-stated', 'all'],
    ]);
    expect(en(grants[1]?.conditions)).toContain('a measure of last resort');
    expect(en(declaration.vendorAccess?.who)).toContain('default practice is to not access');
    expect(allNotes(declaration.policy.notes)).toContain('"or to protect our rights and propert"');
  });
});
