import { describe, expect, it } from 'vitest';
import { localize } from '@declaration/present/localize.ts';
import type { Text } from '@declaration/schema/index.ts';
import { loadExample, readRepoFile } from './load-example.ts';

const FILE = 'examples/exalate-cloud.yaml';
const en = (text: Text | undefined) => localize(text, 'en');

describe('Exalate Cloud add-ons example (seed 002)', () => {
  const declaration = loadExample(FILE);
  const category = (id: string) => declaration.dataCategories.find((c) => c.id === id);
  const location = (id: string) => declaration.locations.find((l) => l.id === id);

  it('points editors at the JSON Schema on its first line', () => {
    expect(readRepoFile(FILE).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
  });

  it('covers only the Cloud add-ons, built on Atlassian Connect', () => {
    expect(declaration.app.platforms.map((p) => p.platform)).toEqual(['cloud']);
    expect(declaration.app.framework).toBe('connect');
    expect(en(declaration.policy.scope)).toContain('not the Server Add-ons');
  });

  it('carries the last-modified date the statement gives', () => {
    expect(declaration.policy.lastUpdated).toBe('2024-02-28');
    expect(declaration.policy.lastUpdatedSource).toBe('policy');
  });

  it('hosts data on Google Cloud europe-west1 in Belgium', () => {
    const google = location('google-cloud-europe-west1');
    expect(google?.provider).toBe('Google Cloud');
    expect(google?.regionCode).toBe('europe-west1');
    expect(google?.country).toBe('BE');
    expect(location('exalate-cloud-belgium')?.country).toBe('BE');
  });

  it('keeps backups offline at Rsync.net in Switzerland', () => {
    const backups = location('google-cloud-europe-west1')?.backups;
    expect(backups?.provider).toBe('Rsync.net');
    expect(backups?.country).toBe('CH');
    expect(en(backups?.description)).toContain('stored offline');
    expect(declaration.transfers?.[0]?.to).toEqual(['CH']);
  });

  it('deletes Customer Uploaded Data 180 days after the subscription ends at the latest', () => {
    const retention = category('customer-uploaded-data')?.retention;
    expect(retention?.period).toBe('P180D');
    expect(retention?.after).toBe('subscription-end');
    expect(retention?.deletableOnRequest).toBe(true);
    expect(category('support-data')?.retention.period).toBe('P180D');
  });

  it('lists the Account Data keys Atlassian provides, including the shared secret', () => {
    expect(category('account-data')?.examples?.map(en)).toEqual([
      'AddOnKey',
      'ProductType',
      'ClientKey',
      'BaseUrl',
      'ServiceEntitlementNumber',
      'SharedSecret',
      'OAuthClientId',
    ]);
    expect(category('account-data')?.sources).toEqual(['atlassian']);
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

  it('does not invent a legal name or a contact for the placeholder "contact us" links', () => {
    expect(declaration.vendor.legalName).toBeUndefined();
    expect(declaration.vendor.privacyContact).toBeUndefined();
    expect(declaration.rights.contact).toBeUndefined();
    expect((declaration.vendor.notes ?? []).map(en).join(' ')).toContain('placeholders');
  });

  it('limits access to authorised staff and bound subcontractors', () => {
    expect(en(declaration.vendorAccess?.who)).toContain(
      'Only authorized Exalate employees and subcontractors',
    );
    expect(en(declaration.vendorAccess?.contractors)).toContain('contractually bound');
  });
});
