import { describe, expect, it } from 'vitest';
import { localize } from '@declaration/present/localize.ts';
import type { Text } from '@declaration/schema/index.ts';
import { validateDeclarationText } from '@declaration/validate-yaml.ts';
import { loadExample, readRepoFile } from './load-example.ts';

const FILE = 'examples/exalate-cloud.yaml';
const en = (text: Text | undefined) => localize(text, 'en');

describe('Exalate Cloud add-ons example (seed 002)', () => {
  const declaration = loadExample(FILE);
  const category = (id: string) => {
    const found = declaration.dataCategories.find((c) => c.id === id);
    if (!found) throw new Error(`${FILE} has no data category "${id}"`);
    return found;
  };
  const location = (id: string) => declaration.locations.find((l) => l.id === id);

  it('points editors at the JSON Schema on its first line', () => {
    expect(readRepoFile(FILE).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
  });

  it('is written in format 2: the only warning left is the contact the statement does not give', () => {
    expect(declaration.schemaVersion).toBe(2);
    const result = validateDeclarationText(readRepoFile(FILE), FILE);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('no privacy contact'),
    ]);
  });

  it('covers only the Cloud add-ons, built on Atlassian Connect, and says Server is not covered', () => {
    expect(declaration.app.platforms.map((p) => p.platform)).toEqual(['cloud']);
    expect(declaration.app.framework).toBe('connect');
    expect(declaration.app.notCovered?.map((entry) => entry.platform)).toEqual(['server']);
    expect(en(declaration.app.notCovered?.[0]?.statement)).toContain(
      '"only apply to our Cloud Add-ons, not the Server Add-ons"',
    );
    expect(en(declaration.policy.scope)).toContain('not the Server Add-ons');
  });

  it('carries the last-modified date the statement gives', () => {
    expect(declaration.policy.lastUpdated).toBe('2024-02-28');
    expect(declaration.policy.lastUpdatedSource).toBe('policy');
  });

  it('hosts data on Google Cloud europe-west1 or Exalate Cloud, both in Belgium, for every site', () => {
    const google = location('google-cloud-europe-west1');
    expect(google?.provider).toBe('Google Cloud');
    expect(google?.regionCode).toBe('europe-west1');
    expect(google?.country).toBe('BE');
    expect(location('exalate-cloud-belgium')?.country).toBe('BE');
    const [placement] = declaration.placement ?? [];
    expect(placement).toMatchObject({
      rule: 'not-stated',
      locations: ['google-cloud-europe-west1', 'exalate-cloud-belgium'],
    });
    expect(en(placement?.description)).toContain('all data resides on the Google Cloud datacenter');
    const residency = Object.fromEntries(
      declaration.dataCategories.map((item) => [item.id, item.residency]),
    );
    expect(residency).toEqual({
      'account-data': 'global',
      'operation-data': 'global',
      'customer-uploaded-data': 'global',
      'session-data': 'global',
      // Support data is also downloaded to Exalate's own IT systems, whose place is not given.
      'support-data': 'not-stated',
    });
  });

  it('keeps backups offline at Rsync.net in Zurich, Switzerland, without inventing how often', () => {
    for (const id of ['google-cloud-europe-west1', 'exalate-cloud-belgium']) {
      const backups = location(id)?.backups;
      expect(backups).toMatchObject({
        provider: 'Rsync.net',
        country: 'CH',
        geography: 'Zurich (Switzerland)',
        frequency: 'not-stated',
        encrypted: 'not-stated',
      });
      expect(backups?.copies).toBeUndefined();
      expect(backups?.period).toBeUndefined();
      expect(en(backups?.description)).toContain('stored offline');
    }
    expect(declaration.transfers?.[0]?.to).toEqual(['CH']);
  });

  it('deletes stored Customer Data at the latest 180 days after the subscription ends', () => {
    for (const id of ['operation-data', 'customer-uploaded-data', 'support-data']) {
      expect(category(id).retention).toMatchObject({
        period: 'P180D',
        bound: 'at-most',
        after: 'subscription-end',
        deletableOnRequest: true,
      });
    }
    expect(category('account-data').retention.basis).toBe('not-stated');
    expect(category('session-data').retention.basis).toBe('not-stated');
  });

  it('lists the Account Data keys Atlassian provides, including the shared secret', () => {
    expect(category('account-data').examples?.map(en)).toEqual([
      'AddOnKey',
      'ProductType',
      'ClientKey',
      'BaseUrl',
      'ServiceEntitlementNumber',
      'SharedSecret',
      'OAuthClientId',
    ]);
    expect(category('account-data').sources).toEqual(['atlassian']);
  });

  it('has all five kinds of stored data the statement names', () => {
    expect(declaration.dataCategories.map((c) => en(c.name))).toEqual([
      'Account Data',
      'Operation Data',
      'Customer Uploaded Data',
      'Session Data',
      'Support Data',
    ]);
  });

  it('says personal only where the statement does: issue copies may contain it, tickets carry e-mail', () => {
    const status = Object.fromEntries(
      declaration.dataCategories.map((item) => [item.id, [item.personal, item.sensitive]]),
    );
    expect(status).toEqual({
      'account-data': ['not-stated', 'not-stated'],
      'operation-data': ['may-contain', 'may-contain'],
      'customer-uploaded-data': ['not-stated', 'not-stated'],
      'session-data': ['not-stated', 'not-stated'],
      'support-data': ['yes', 'may-contain'],
    });
    expect(category('operation-data').examples?.map(en)).toContain(
      'copies of the latest and previous versions of the issues',
    );
    expect(category('support-data').examples?.map(en)).toContain("your users' email address");
  });

  it('collects Support Data only through the problem report functionality, not by default', () => {
    const support = category('support-data');
    expect(support.collection).toBe('optional');
    expect(support.handling?.collectedByDefault).toBe(false);
    expect(en(support.handling?.onlyWhenConfigured)).toContain('problem report functionality');
    expect(support.storedIn).toContain('exalate-support-systems');
  });

  it('does not invent a legal name or a contact for the placeholder "contact us" links', () => {
    expect(declaration.vendor.legalName).toBeUndefined();
    expect(declaration.vendor.privacyContact).toBeUndefined();
    expect(declaration.rights.contact).toBeUndefined();
    expect(declaration.security?.securityContact).toBeUndefined();
    expect((declaration.vendor.notes ?? []).map(en).join(' ')).toContain('placeholders');
  });

  it('limits access to authorised staff and bound subcontractors; support reads problem reports', () => {
    const access = declaration.vendorAccess;
    expect(en(access?.who)).toContain('Only authorized Exalate employees and subcontractors');
    expect(en(access?.contractors)).toContain('contractually bound');
    expect(access?.grants).toEqual([
      expect.objectContaining({
        categories: ['support-data'],
        access: 'read',
        circumstances: ['support-request'],
      }),
    ]);
    expect(en(access?.grants?.[0]?.conditions)).toContain(
      'downloaded to our own IT system by a member of our support team',
    );
  });

  it('leaves the legal basis as not stated for every purpose', () => {
    expect(declaration.purposes.map((purpose) => purpose.legalBasis)).toEqual(
      declaration.purposes.map(() => ['not-stated']),
    );
  });
});
