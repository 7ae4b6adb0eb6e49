import { describe, expect, it } from 'vitest';
import { localize } from '@declaration/present/localize.ts';
import type { Text } from '@declaration/schema/index.ts';
import { loadExample, readRepoFile } from './load-example.ts';

const FILE = 'examples/techtime-user-management.yaml';
const en = (text: Text | undefined) => localize(text, 'en');

describe('TechTime User Management example (seed 000)', () => {
  const declaration = loadExample(FILE);
  const category = (id: string) => declaration.dataCategories.find((c) => c.id === id);
  const recipient = (id: string) => declaration.recipients.find((r) => r.id === id);

  it('points editors at the JSON Schema on its first line', () => {
    expect(readRepoFile(FILE).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
  });

  it('names the vendor as a New Zealand company reached at its support address', () => {
    expect(en(declaration.vendor.legalName)).toBe('TechTime Initiative Group Limited');
    expect(declaration.vendor.country).toBe('NZ');
    expect(declaration.vendor.privacyContact).toBe('mailto:support@techtime.co.nz');
    expect(declaration.rights.contact).toBe('mailto:support@techtime.co.nz');
  });

  it('says the policy is undated rather than inventing a date', () => {
    expect(declaration.policy.lastUpdatedSource).toBe('declaration');
    expect(en(declaration.policy.scope)).toBe(
      'Applicable to Server, Data Center and Cloud platforms',
    );
  });

  it('keeps the Server, Data Center and Cloud statements apart', () => {
    const statement = (platform: string) =>
      en(declaration.app.platforms.find((p) => p.platform === platform)?.statement);
    expect(statement('data-center')).toContain(
      'not automatically passed to any outside systems or parties',
    );
    expect(statement('cloud')).toContain(
      'stored on our systems hosting the backend for the cloud apps in the form of logs and database records',
    );
    const runtime = category('runtime-user-information');
    expect(runtime?.storedIn).toEqual(['customer-instance', 'techtime-cloud-backend']);
    expect(declaration.locations.find((l) => l.id === 'customer-instance')?.platforms).toEqual([
      'server',
      'data-center',
    ]);
  });

  it('maps clause 8.4: items 1, 3, 6 vendor-collected and 2, 4, 5 Atlassian-collected', () => {
    const classOf = (id: string) => category(id)?.marketplaceClass;
    expect(
      ['runtime-user-information', 'survey-responses', 'service-desk-requests'].map(classOf),
    ).toEqual(['vendor-collected', 'vendor-collected', 'vendor-collected']);
    expect(
      ['base-application-runtime', 'marketplace-orders', 'uninstall-feedback'].map(classOf),
    ).toEqual(['atlassian-collected', 'atlassian-collected', 'atlassian-collected']);
  });

  it("lists the order information Atlassian shares, in the policy's words", () => {
    expect(category('marketplace-orders')?.examples?.map(en)).toEqual(
      expect.arrayContaining([
        'Technical Contact name and email',
        'reseller name and email',
        'license number',
      ]),
    );
    expect(category('uninstall-feedback')?.examples?.map(en)).toContain('app license number (SEN)');
  });

  it('keeps Service Desk, survey and e-mail information until a deletion request', () => {
    for (const id of ['service-desk-requests', 'survey-responses', 'email-correspondence']) {
      expect(category(id)?.retention.basis).toBe('until-deletion-request');
      expect(category(id)?.retention.deletableOnRequest).toBe(true);
    }
  });

  it('records the MixPanel IP setting and the Google Analytics opt-out', () => {
    expect(recipient('mixpanel')?.safeguards?.map(en)).toEqual([
      'We have configured MixPanel to not log IP addresses.',
    ]);
    expect(recipient('mixpanel')?.privacyPolicyUrl).toBe(
      'https://mixpanel.com/legal/privacy-policy',
    );
    expect(recipient('google-analytics')?.optOut).toBe('https://tools.google.com/dlpage/gaoptout');
    expect(recipient('google-analytics')?.privacyPolicyUrl).toBe(
      'https://www.google.com/intl/en/policies/privacy/',
    );
  });

  it('names every third party the policy names', () => {
    expect(declaration.recipients.map((r) => en(r.name))).toEqual(
      expect.arrayContaining(['TypeForm', 'Slack', 'Trello', 'MixPanel', 'Google Analytics']),
    );
    expect(recipient('atlassian')?.legalEntity).toBe('Atlassian Pty Ltd');
    expect(recipient('bank')?.when).toBe('Only when paying by direct bank transfer.');
  });

  it('transfers data from Europe to New Zealand, Australia and the United States', () => {
    expect(declaration.transfers?.flatMap((t) => t.to ?? [])).toEqual(['NZ', 'AU', 'US']);
    expect(declaration.transfers?.every((t) => t.mechanism === 'not-stated')).toBe(true);
  });

  it('grants European residents access, correction and deletion, on contract or legitimate interests', () => {
    const gdpr = declaration.rights.regimes.find((r) => r.regime === 'gdpr');
    expect(en(gdpr?.appliesTo)).toBe('European residents');
    expect(gdpr?.rights.map((r) => r.right)).toEqual(['access', 'rectification', 'erasure']);
    const bases = new Set(declaration.purposes.flatMap((p) => p.legalBasis ?? []));
    expect(bases).toEqual(new Set(['contract', 'legitimate-interests', 'not-stated']));
  });

  it('keeps the promises: no newsletters, no marketing after the purchase cycle', () => {
    const commitments = (declaration.commitments ?? []).map(en);
    expect(commitments).toContain('We do not send newsletters.');
    expect(
      commitments.some((c) => c.includes('outside the initial evaluation and purchase cycle')),
    ).toBe(true);
  });
});
