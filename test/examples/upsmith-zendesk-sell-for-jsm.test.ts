import { describe, expect, it } from 'vitest';
import { localize } from '@declaration/present/localize.ts';
import type { Text } from '@declaration/schema/index.ts';
import { loadExample, readRepoFile } from './load-example.ts';

const FILE = 'examples/upsmith-zendesk-sell-for-jsm.yaml';
const en = (text: Text | undefined) => localize(text, 'en');

describe('UpSmith Zendesk Sell for JSM example (seed 001)', () => {
  const declaration = loadExample(FILE);
  const recipient = (id: string) => declaration.recipients.find((r) => r.id === id);

  it('points editors at the JSON Schema on its first line and is written in format 2', () => {
    expect(readRepoFile(FILE).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
    expect(readRepoFile(FILE)).toMatch(/^schemaVersion: 2$/m);
  });

  it('calls every kind of data personal, as the policy lists them, and says nothing about sensitive data', () => {
    // "The types of personal information or personal data we may collect about you include: ..."
    expect(declaration.dataCategories).toHaveLength(7);
    for (const item of declaration.dataCategories) {
      expect(item.personal).toBe('yes');
      expect(item.sensitive).toBe('not-stated');
    }
  });

  it('names UpSmith Sdn. Bhd. and notes that the policy also names ToolsPlus Sdn. Bhd.', () => {
    expect(en(declaration.vendor.legalName)).toBe('UpSmith Sdn. Bhd.');
    const vendorNotes = (declaration.vendor.notes ?? []).map(en).join(' ');
    expect(vendorNotes).toContain('ToolsPlus Sdn. Bhd.');
    expect(en(declaration.policy.scope)).toContain('ToolsPlus Sdn. Bhd.');
  });

  it('does not invent a country for the vendor', () => {
    expect(declaration.vendor.country).toBeUndefined();
  });

  it('sends privacy requests to the support address', () => {
    expect(declaration.vendor.privacyContact).toBe('mailto:support@upsmith.app');
    expect(declaration.rights.contact).toBe('mailto:support@upsmith.app');
  });

  it('carries the effective and last-updated date of Nov 8, 2023', () => {
    expect(declaration.policy.effectiveDate).toBe('2023-11-08');
    expect(declaration.policy.lastUpdated).toBe('2023-11-08');
    expect(en(declaration.policy.changeNotice)).toContain(
      'by contacting you through the contact details you have provided to us',
    );
  });

  it('lists Atlassian and AWS as the subprocessors, with their purposes', () => {
    const subprocessors = declaration.recipients.filter((r) => r.kind === 'subprocessor');
    expect(subprocessors.map((r) => en(r.legalEntity))).toEqual(
      expect.arrayContaining(['Atlassian Pty Ltd', 'Amazon Web Services, Inc.']),
    );
    expect(en(recipient('atlassian')?.purpose)).toBe('Issue management');
    expect(en(recipient('aws')?.purpose)).toBe('Data hosting');
  });

  it('keeps data on servers in the United States', () => {
    expect(declaration.locations.map((l) => l.country)).toEqual(['US']);
    expect(declaration.locations[0]?.hostedBy).toBe('vendor');
    expect(declaration.transfers?.[0]?.to).toEqual(['US']);
    expect(declaration.dataCategories.every((c) => c.storedIn?.includes('us-servers'))).toBe(true);
  });

  it('does not say whether anything follows data residency, nor that the servers are AWS', () => {
    for (const item of declaration.dataCategories) expect(item.residency).toBe('not-stated');
    const servers = declaration.locations[0];
    expect(servers?.followsDataResidency).toBe('not-stated');
    expect(servers?.provider).toBeUndefined();
    expect(servers?.regionCode).toBeUndefined();
    expect(declaration.placement).toBeUndefined();
  });

  it('covers Cloud only by inference, and marks no platform as excluded', () => {
    expect(declaration.app.platforms.map((p) => p.platform)).toEqual(['cloud']);
    expect(declaration.app.notCovered).toBeUndefined();
    expect(en(declaration.app.platforms[0]?.statement)).toContain(
      'We maintain servers in the United States of America',
    );
  });

  it('notes the vague "privacy shield principles set out in the GDPR"', () => {
    const outsideEu = declaration.transfers?.find((t) => t.toGeography !== undefined);
    expect(outsideEu?.mechanism).toBe('consent');
    expect((outsideEu?.notes ?? []).map(en).join(' ')).toContain(
      'privacy shield principles set out in the GDPR',
    );
  });

  it('lists the kinds of personal information the policy names', () => {
    const examples = declaration.dataCategories.flatMap((c) => (c.examples ?? []).map(en));
    expect(examples).toEqual(
      expect.arrayContaining(['telephone number', 'geo-location data', 'Internet cookies']),
    );
  });

  it('grants everyone access, portability in CSV, erasure and unsubscribe', () => {
    const regimes = declaration.rights.regimes === 'not-stated' ? [] : declaration.rights.regimes;
    expect(regimes.map((r) => r.regime)).toEqual(['general']);
    const general = regimes.find((r) => r.regime === 'general');
    expect(general?.rights.map((r) => r.right)).toEqual(
      expect.arrayContaining(['access', 'portability', 'erasure', 'rectification', 'unsubscribe']),
    );
    const portability = general?.rights.find((r) => r.right === 'portability');
    expect(en(portability?.description)).toContain('CSV format');
  });

  it('says no retention period is given, only that erasure can be asked for, and relies on consent', () => {
    for (const item of declaration.dataCategories) {
      expect(item.retention.basis).toBe('not-stated');
      expect(item.retention.period).toBeUndefined();
      expect(item.retention.deletableOnRequest).toBe(true);
      expect(en(item.retention.description)).toBe(
        'You may request that we erase the personal information we hold about you at any time.',
      );
    }
    expect(declaration.purposes.every((p) => p.legalBasis?.includes('consent'))).toBe(true);
  });

  it('declares no cookies, since the policy names none, and says so on the category that mentions them', () => {
    expect(declaration.cookies).toBeUndefined();
    const usage = declaration.dataCategories.find((c) => c.id === 'service-usage');
    expect((usage?.notes ?? []).map(en).join(' ')).toContain(
      'mentions Internet cookies but names none',
    );
  });

  it('keeps the security disclaimer', () => {
    expect((declaration.security?.disclaimers ?? []).map(en).join(' ')).toContain(
      'We cannot guarantee the security of any information that is transmitted to or by us over the Internet.',
    );
  });
});
