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
    expect(glance.sensitiveCategories).toBe(0);
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

  it('has no longest retention when no personal data says how long it is kept', () => {
    const vague: Declaration = structuredClone(techtime);
    vague.dataCategories.forEach((category) => (category.retention = { basis: 'not-stated' }));
    const { retention } = summarize(vague);
    expect(retention.longest).toBeNull();
    expect(retention.typical).toBeNull();
    expect(retention.notStated).toBe(3);
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
    const { hosting } = summarize(exalate);
    expect(hosting.countries).toEqual(['BE']);
    // "Europe" beside Belgium and "Zurich" beside Switzerland add nothing a reader needs.
    expect(hosting.geographies).toEqual([]);
    expect(hosting.backupCountries).toEqual(['CH']);
    expect(hosting.backupGeographies).toEqual([]);
    expect(hosting.onAtlassianOnly).toBe(false);
    expect(hosting.dataResidency).toBe('none');
  });

  it('does not repeat a backup country named again in its geography (examples/exalate-cloud)', () => {
    const { hosting } = summarize(exalateExample);
    expect(hosting.countries).toEqual(['BE']);
    expect(hosting.backupCountries).toEqual(['CH']);
    expect(hosting.backupGeographies).toEqual([]);
  });

  it('keeps the at-a-glance retention brief: no backup sentences (examples/exalate-cloud)', () => {
    const { retention } = summarize(exalateExample);
    expect(brief(retention.longest)).toBe(
      'Kept while needed; deleted at the latest 180 days after the subscription ends',
    );
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
    forge.dataCategories.forEach((category) => (category.storedIn = ['forge-storage']));
    const { hosting } = summarize(forge);
    expect(hosting.onAtlassianOnly).toBe(true);
    expect(hosting.dataResidency).toBe('all');
    expect(hosting.countries).toEqual([]);
  });

  it('says when residency is not stated or applies to some locations only', () => {
    expect(summarize(techtime).hosting.dataResidency).toBe('not-stated');
    const mixed: Declaration = structuredClone(exalate);
    mixed.locations.push({
      id: 'forge-storage',
      hostedBy: 'atlassian',
      followsDataResidency: 'yes',
    });
    expect(summarize(mixed).hosting.dataResidency).toBe('some');
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
    });
  });
});
