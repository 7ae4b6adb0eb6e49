import { describe, expect, it } from 'vitest';
import {
  describeRetentionBriefly,
  ENGLISH,
  summarize,
  type Declaration,
  type Retention,
} from '@declaration';
import { loadExample } from '../../examples/load-example.ts';

/** A retention in the brief words the at-a-glance label gives it, in English. */
const brief = (retention: Retention | null) =>
  retention && describeRetentionBriefly(retention, ENGLISH);

const techtime = loadExample('test/declaration/present/fixtures/techtime-user-management.yaml');
const exalate = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');
const exalateExample = loadExample('examples/exalate-cloud.yaml');
const oci = loadExample('examples/oci-europe-web-service.yaml');

describe('summarize', () => {
  it('counts categories like a nutrition label (TechTime, seed 000)', () => {
    const glance = summarize(techtime);
    expect(glance.collectsPersonalData).toBe(true);
    expect(glance.categories).toBe(4);
    expect(glance.personalCategories).toBe(3);
    expect(glance.personal).toEqual({ yes: 3, mayContain: 0, no: 1, notStated: 0 });
    expect(glance.sensitiveCategories).toBe(0);
    expect(glance.sensitive).toEqual({ yes: 0, mayContain: 0, no: 4, notStated: 0 });
    expect(glance.platforms).toEqual(['server', 'data-center', 'cloud']);
    expect(glance.policyVersion).toBe('2023');
    expect(glance.lastUpdated).toBe('2023-06-01');
  });

  it('counts subprocessors, their countries and those without one', () => {
    const glance = summarize(techtime);
    expect(glance.subprocessors).toEqual({ count: 3, countries: ['US'], withoutCountry: 2 });
    expect(glance.recipients).toBe(4);
  });

  it('finds the typical and the longest stated retention, counting unstated ones apart', () => {
    const { retention } = summarize(techtime);
    expect(brief(retention.typical)).toBe('Kept until you ask for deletion');
    expect(brief(retention.longest)).toBe('Kept until you ask for deletion');
    // TechTime's runtime user data does not say how long it is kept: not "the longest".
    expect(retention.longestCategoryIds).toEqual(['survey-responses', 'service-desk-requests']);
    expect(retention.notStated).toBe(1);
  });

  it('has no longest retention when no kind of data says how long it is kept', () => {
    const vague: Declaration = structuredClone(techtime);
    vague.dataCategories.forEach((category) => (category.retention = { basis: 'not-stated' }));
    const { retention } = summarize(vague);
    expect(retention.longest).toBeNull();
    expect(retention.typical).toBeNull();
    // Every kind of data counts, the one that is not personal too.
    expect(retention.notStated).toBe(4);
  });

  it('counts may-contain and not-stated apart from personal data', () => {
    const changed: Declaration = structuredClone(techtime);
    changed.dataCategories[0]!.personal = 'may-contain';
    changed.dataCategories[1]!.personal = 'not-stated';
    changed.dataCategories[2]!.sensitive = 'may-contain';
    const glance = summarize(changed);
    expect(glance.personal).toEqual({ yes: 1, mayContain: 1, no: 1, notStated: 1 });
    expect(glance.personalCategories).toBe(1);
    expect(glance.collectsPersonalData).toBe(true);
    expect(glance.sensitive).toEqual({ yes: 0, mayContain: 1, no: 3, notStated: 0 });
    expect(glance.sensitiveCategories).toBe(0);
  });

  it('considers every kind of data for the longest, one kept for a legal obligation too', () => {
    // TechTime issues direct invoices through an accounting system (seed 000); the period is a
    // test assumption of the kind tax law sets. Invoices are the organisation's, not personal.
    const withInvoices: Declaration = structuredClone(techtime);
    withInvoices.dataCategories.push({
      id: 'direct-invoices',
      name: 'Direct invoices',
      subjects: ['customers'],
      personal: 'no',
      sensitive: 'no',
      sources: ['marketplace-order'],
      platforms: ['cloud'],
      collection: 'required',
      purposes: ['user-management'],
      legalBasis: ['legal-obligation'],
      retention: { basis: 'fixed-period', period: 'P10Y', after: 'contract-end' },
    });
    withInvoices.dataCategories[1]!.retention = {
      basis: 'fixed-period',
      period: 'P1Y',
      after: 'collection',
    };
    withInvoices.dataCategories[2]!.retention = {
      basis: 'fixed-period',
      period: 'P2Y',
      after: 'collection',
    };
    const { retention } = summarize(withInvoices);
    expect(retention.longestCategoryIds).toEqual(['direct-invoices']);
    expect(brief(retention.longest)).toContain('10 years');
  });

  it('compares periods as durations, hours included', () => {
    const changed: Declaration = structuredClone(techtime);
    const fixed = (period: string): Retention => ({
      basis: 'fixed-period',
      period,
      after: 'collection',
    });
    changed.dataCategories[0]!.retention = fixed('PT36H');
    changed.dataCategories[1]!.retention = fixed('P1D');
    changed.dataCategories[2]!.retention = fixed('PT1H');
    changed.dataCategories[3]!.retention = { basis: 'not-stored' };
    expect(summarize(changed).retention.longestCategoryIds).toEqual(['runtime-user-data']);
    changed.dataCategories[1]!.retention = fixed('P13M');
    changed.dataCategories[2]!.retention = fixed('P1Y');
    expect(summarize(changed).retention.longestCategoryIds).toEqual(['survey-responses']);
  });

  it('takes an at-least period for no maximum: it outlasts any longer upper bound', () => {
    const changed: Declaration = structuredClone(techtime);
    changed.dataCategories[0]!.retention = {
      basis: 'fixed-period',
      period: 'P30D',
      bound: 'at-least',
      after: 'collection',
    };
    changed.dataCategories[1]!.retention = {
      basis: 'fixed-period',
      period: 'P5Y',
      bound: 'at-most',
      after: 'collection',
    };
    changed.dataCategories[2]!.retention = {
      basis: 'until-purpose-fulfilled',
      period: 'P2Y',
      after: 'collection',
    };
    const { retention } = summarize(changed);
    expect(retention.longestCategoryIds).toEqual(['runtime-user-data']);
    expect(retention.longest?.bound).toBe('at-least');
    // The same period as an upper bound is the shortest of them.
    changed.dataCategories[0]!.retention.bound = 'at-most';
    expect(summarize(changed).retention.longestCategoryIds).toEqual(['survey-responses']);
  });

  it('counts a retention that differs on one platform among the longest (exalate-complete)', () => {
    const changed: Declaration = structuredClone(exalate);
    // On Data Center, operation data is kept in the customer's database indefinitely.
    changed.dataCategories[0]!.platformDifferences![0]!.retention = { basis: 'indefinitely' };
    const { retention } = summarize(changed);
    expect(retention.longestCategoryIds).toEqual(['operation-data']);
    expect(brief(retention.longest)).toBe('Kept indefinitely');
  });

  it('finds the longest backup lifetime and after-deletion period, bounds kept (exalate-complete)', () => {
    const { retention } = summarize(exalate);
    // P30D at least (the category) and P1M at least (the location) are as long: the first stays.
    expect(retention.backups).toEqual({ period: 'P30D', bound: 'at-least' });
    // "At least 14 days" (Data Center) has no end, so it outranks "up to 90 days" (Cloud).
    expect(retention.backupsAfterDeletion).toEqual({ period: 'P14D', bound: 'at-least' });
    const cloudOnly: Declaration = structuredClone(exalate);
    delete cloudOnly.dataCategories[0]!.platformDifferences;
    expect(summarize(cloudOnly).retention.backupsAfterDeletion).toEqual({
      period: 'P90D',
      bound: 'at-most',
    });
    // A log's backups are copies of data too.
    cloudOnly.logs![0]!.retention!.backups!.afterDeletion!.period = 'P6M';
    expect(summarize(cloudOnly).retention.backupsAfterDeletion).toEqual({
      period: 'P6M',
      bound: 'at-most',
    });
    const longer: Declaration = structuredClone(exalate);
    longer.locations[0]!.backups!.period = 'P2M';
    longer.locations[0]!.backups!.bound = 'at-most';
    // "Up to 2 months" has an end; "at least 30 days" has none.
    expect(summarize(longer).retention.backups).toEqual({ period: 'P30D', bound: 'at-least' });
    delete longer.dataCategories[0]!.retention.backups;
    expect(summarize(longer).retention.backups).toEqual({ period: 'P2M', bound: 'at-most' });
  });

  it('counts the logs that hold or may hold end-user data (exalate-complete)', () => {
    expect(summarize(exalate).logs).toEqual({
      count: 1,
      endUserData: [],
      mayContainEndUserData: ['application-logs'],
      notStated: 0,
    });
  });

  it('ranks "kept indefinitely" above open-ended and fixed retentions', () => {
    const changed: Declaration = structuredClone(techtime);
    changed.dataCategories[1]!.retention = { basis: 'indefinitely' };
    const { retention } = summarize(changed);
    expect(brief(retention.longest)).toBe('Kept indefinitely');
    expect(retention.longestCategoryIds).toEqual(['survey-responses']);
  });

  it('ranks open-ended retentions above fixed periods, and longer periods first', () => {
    const changed: Declaration = structuredClone(techtime);
    changed.dataCategories[0]!.retention = {
      basis: 'fixed-period',
      period: 'P1Y',
      after: 'uninstall',
    };
    changed.dataCategories[1]!.retention = {
      basis: 'fixed-period',
      period: 'P30D',
      after: 'collection',
    };
    changed.dataCategories[2]!.retention = { basis: 'not-stored' };
    expect(brief(summarize(changed).retention.longest)).toBe(
      'Deleted 1 year after the app is uninstalled',
    );
    changed.dataCategories[2]!.retention = { basis: 'while-account-active' };
    expect(summarize(changed).retention.longestCategoryIds).toEqual(['service-desk-requests']);
  });

  it('describes hosting: countries, backups apart, residency (Exalate, seed 002)', () => {
    // Without the placement rule that names it, the Zurich location holds only backups.
    const backupsOnly: Declaration = structuredClone(exalate);
    backupsOnly.placement = backupsOnly.placement!.slice(0, 1);
    const { hosting } = summarize(backupsOnly);
    expect(hosting.countries).toEqual(['BE']);
    // "Europe" beside Belgium and "Zurich" beside Switzerland add nothing a reader needs.
    expect(hosting.geographies).toEqual([]);
    expect(hosting.backupCountries).toEqual(['CH']);
    expect(hosting.backupGeographies).toEqual([]);
    expect(hosting.onAtlassianOnly).toBe(false);
    // Account data is in scope but kept in Belgium whatever the pin; operation data is excluded.
    expect(hosting.dataResidency).toBe('some');
    expect(hosting.residency).toEqual({
      state: 'some',
      global: [],
      excluded: ['operation-data'],
      notFollowing: ['exalate-cloud-belgium'],
      // Problem reports are kept by Google Cloud, and say nothing of residency.
      notStated: ['session-tokens', 'problem-reports'],
    });
    // A location chosen by a placement rule is where data is kept, not only a backup place.
    expect(summarize(exalate).hosting.countries).toEqual(['BE', 'CH']);
  });

  it('does not repeat a backup country named again in its geography (examples/exalate-cloud)', () => {
    const { hosting } = summarize(exalateExample);
    expect(hosting.countries).toEqual(['BE']);
    expect(hosting.backupCountries).toEqual(['CH']);
    expect(hosting.backupGeographies).toEqual([]);
  });

  it('keeps the at-a-glance retention brief: no backup sentences (exalate-complete)', () => {
    const { retention } = summarize(exalate);
    // Operation data, the personal data, has backups kept for at least 30 days.
    expect(retention.typical?.backups?.period).toBe('P30D');
    expect(brief(retention.typical)).not.toMatch(/backup/i);
    expect(brief(retention.typical)).toMatch(/180 days after the subscription ends$/);
  });

  it('keeps a geography when its place gives no country (examples/oci-europe-web-service)', () => {
    const { hosting } = summarize(oci);
    expect(hosting.countries).toEqual([]);
    expect(hosting.geographies).toEqual(['Europe', 'Deployed globally']);
  });

  it('recognises an app that keeps everything in Atlassian storage that follows residency', () => {
    const forge: Declaration = structuredClone(exalate);
    forge.locations = [
      {
        id: 'forge-storage',
        hostedBy: 'atlassian',
        service: 'Forge storage',
        followsDataResidency: 'yes',
      },
    ];
    forge.placement = [];
    forge.logs = [];
    forge.dataCategories.forEach((category) => {
      category.storedIn = ['forge-storage'];
      category.residency = 'in-scope';
      delete category.platformDifferences;
      delete category.retention.backups;
      delete category.handling?.storedOnlyBy;
    });
    const { hosting } = summarize(forge);
    expect(hosting.onAtlassianOnly).toBe(true);
    expect(hosting.dataResidency).toBe('all');
    expect(hosting.countries).toEqual([]);
    // Problem reports kept only by Google Cloud leave Atlassian's infrastructure.
    const reports = forge.dataCategories.find((category) => category.id === 'problem-reports')!;
    reports.storedIn = [];
    reports.handling = { storedOnlyBy: ['google-cloud'] };
    expect(summarize(forge).hosting.onAtlassianOnly).toBe(false);
    expect(summarize(forge).hosting.keptOnlyBy).toEqual([
      { recipients: ['google-cloud'], categories: ['problem-reports'] },
    ]);
    // Kept only by Atlassian itself (a platform recipient), they stay on it.
    forge.recipients.find((recipient) => recipient.id === 'google-cloud')!.category = 'platform';
    expect(summarize(forge).hosting.onAtlassianOnly).toBe(true);
  });

  it('says when residency is not stated or applies to some locations only (version 1)', () => {
    expect(summarize(techtime).hosting.dataResidency).toBe('not-stated');
    const mixed: Declaration = structuredClone(techtime);
    mixed.locations.push({
      id: 'forge-storage',
      hostedBy: 'atlassian',
      followsDataResidency: 'yes',
    });
    mixed.locations[0]!.followsDataResidency = 'no';
    mixed.dataCategories[1]!.storedIn = ['forge-storage'];
    const { hosting } = summarize(mixed);
    expect(hosting.dataResidency).toBe('some');
    expect(hosting.residency.notFollowing).toEqual([mixed.locations[0]!.id]);
  });

  it('is not "not stored" where a category merely does not say where it is kept', () => {
    const unsaid: Declaration = structuredClone(techtime);
    unsaid.locations = [];
    unsaid.dataCategories.forEach((category) => delete category.storedIn);
    expect(summarize(unsaid).hosting.notStored).toBe(false);
    unsaid.dataCategories.forEach((category) => (category.retention = { basis: 'not-stored' }));
    expect(summarize(unsaid).hosting.notStored).toBe(true);
    // Its logs, kept in a place of their own, are stored data all the same.
    unsaid.locations = [{ id: 'log-store', hostedBy: 'vendor', country: 'US' }];
    unsaid.logs = [
      {
        id: 'app-logs',
        name: 'App logs',
        holds: 'Errors with account ids.',
        endUserData: 'yes',
        storedIn: ['log-store'],
      },
    ];
    expect(summarize(unsaid).hosting.notStored).toBe(false);
  });

  it('has no retention to show for an app that collects nothing', () => {
    const nothing: Declaration = { ...structuredClone(techtime), dataCategories: [] };
    const glance = summarize(nothing);
    expect(glance.collectsPersonalData).toBe(false);
    expect(glance.retention).toEqual({
      notStated: 0,
      longest: null,
      typical: null,
      longestCategoryIds: [],
      backups: null,
      backupsAfterDeletion: null,
    });
  });
});
