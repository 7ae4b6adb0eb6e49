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

  it('points editors at the JSON Schema on its first line and is written in format 2', () => {
    expect(readRepoFile(FILE).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
    expect(readRepoFile(FILE)).toMatch(/^schemaVersion: 2$/m);
  });

  it('calls names and e-mail addresses personal, and what "may include" them may-contain', () => {
    // "users' names, email addresses", "your email address and your name is ingested".
    for (const id of ['runtime-user-information', 'marketplace-orders', 'service-desk-requests'])
      expect(category(id)?.personal).toBe('yes');
    // "The information collected may include the name of the administrator and the email address".
    expect(category('uninstall-feedback')?.personal).toBe('may-contain');
    expect(en(category('uninstall-feedback')?.description)).toContain(
      'may include the name of the administrator and the email address',
    );
    // "We may ask you for your email address".
    expect(category('survey-responses')?.personal).toBe('may-contain');
  });

  it('says nothing about sensitive data, because the policy does not', () => {
    expect(new Set(declaration.dataCategories.map((c) => c.sensitive))).toEqual(
      new Set(['not-stated']),
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

  it("keeps runtime information in the customer's instance on Server and Data Center, on TechTime's backend on Cloud", () => {
    const differences = category('runtime-user-information')?.platformDifferences ?? [];
    const storedOn = (platform: string) =>
      differences.find((d) => d.platform === platform)?.storedIn;
    expect(storedOn('server')).toEqual(['customer-instance']);
    expect(storedOn('data-center')).toEqual(['customer-instance']);
    expect(storedOn('cloud')).toEqual(['techtime-cloud-backend']);
    expect(en(differences.find((d) => d.platform === 'cloud')?.statement)).toContain(
      'in the form of logs and database records',
    );
    expect(en(differences.find((d) => d.platform === 'server')?.statement)).toContain(
      'Not automatically passed to any outside systems or parties',
    );
    expect(category('runtime-user-information')?.recipients).toEqual([]);
  });

  it('records the runtime information in log files, kept for a period the policy does not give', () => {
    expect(declaration.logs).toHaveLength(1);
    const log = declaration.logs?.[0];
    expect(en(log?.holds)).toContain('recording in the log files');
    expect(log?.endUserData).toBe('yes');
    expect(log?.examples?.map(en)).toContain("users' names");
    expect(log?.storedIn).toEqual(['customer-instance', 'techtime-cloud-backend']);
    expect(log?.platforms).toEqual(['server', 'data-center', 'cloud']);
    expect(log?.retention?.basis).toBe('not-stated');
  });

  it('does not say whether any data follows data residency, nor where the backend is', () => {
    for (const item of declaration.dataCategories.filter((c) => c.storedIn?.length))
      expect(item.residency).toBe('not-stated');
    const backend = declaration.locations.find((l) => l.id === 'techtime-cloud-backend');
    expect(backend?.followsDataResidency).toBe('not-stated');
    expect(backend?.provider).toBeUndefined();
    expect(backend?.country).toBeUndefined();
    expect(declaration.placement).toBeUndefined();
  });

  it('leaves survey and analytics data with TypeForm, Slack, Trello, MixPanel and Google Analytics', () => {
    // "We use TypeForm to run surveys, and we feed collected information to our private channels
    // in Slack and our private boards in Trello."
    expect(category('survey-responses')?.handling?.storedOnlyBy).toEqual([
      'typeform',
      'slack',
      'trello',
    ]);
    expect(category('survey-responses')?.storedIn).toBeUndefined();
    expect(category('product-usage')?.handling?.storedOnlyBy).toEqual(['mixpanel']);
    expect(category('website-analytics')?.handling?.storedOnlyBy).toEqual(['google-analytics']);
    expect(category('product-usage')?.retention.basis).toBe('not-stated');
  });

  it('ingests order information into the Service Desk automatically', () => {
    expect(category('marketplace-orders')?.storedIn).toEqual(['service-desk']);
    expect(category('marketplace-orders')?.handling?.collectedByDefault).toBe(true);
  });

  it('leaves the encryption of e-mail to the sender, and claims no security measures of its own', () => {
    const email = category('email-correspondence');
    expect(email?.encryptionInTransit).toBe('not-stated');
    expect((email?.encryption?.notes ?? []).map(en).join(' ')).toContain(
      'Use encryption if necessary and arrange for delivery of credentials through a separate channel (e.g. SMS).',
    );
    expect(declaration.security).toBeUndefined();
    expect(declaration.vendorAccess).toBeUndefined();
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
    const regimes = declaration.rights.regimes === 'not-stated' ? [] : declaration.rights.regimes;
    const gdpr = regimes.find((r) => r.regime === 'gdpr');
    expect(en(gdpr?.appliesTo)).toBe('European residents');
    expect(gdpr?.rights.map((r) => r.right)).toEqual(['access', 'rectification', 'erasure']);
    const bases = new Set(declaration.purposes.flatMap((p) => p.legalBasis ?? []));
    expect(bases).toEqual(new Set(['contract', 'legitimate-interests', 'not-stated']));
    // The policy names both bases for everything and does not say which one runtime data rests on.
    const runtime = declaration.purposes.find((p) => p.id === 'user-management');
    expect(runtime?.legalBasis).toEqual(['contract', 'legitimate-interests']);
    const shared = declaration.purposes.find((p) => p.id === 'base-application-sharing');
    expect(shared?.legalBasis).toEqual(['not-stated']);
  });

  it('keeps the promises: no newsletters, no marketing after the purchase cycle', () => {
    const commitments = (declaration.commitments ?? []).map(en);
    expect(commitments).toContain('We do not send newsletters.');
    expect(
      commitments.some((c) => c.includes('outside the initial evaluation and purchase cycle')),
    ).toBe(true);
  });
});
