import { describe, expect, it } from 'vitest';
import { summarize, type Declaration } from '@declaration';
import { loadExample } from '../../examples/load-example.ts';

const techtime = loadExample('test/declaration/present/fixtures/techtime-user-management.yaml');
const exalate = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');

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

  it('finds the typical and the longest retention of personal data', () => {
    const { retention } = summarize(techtime);
    expect(retention.typical).toBe('Kept until you ask for deletion');
    expect(retention.longestCategoryIds).toEqual([
      'runtime-user-data',
      'survey-responses',
      'service-desk-requests',
    ]);
  });

  it('ranks "kept indefinitely" above open-ended and fixed retentions', () => {
    const changed: Declaration = structuredClone(techtime);
    changed.dataCategories[1]!.retention = { basis: 'indefinitely' };
    const { retention } = summarize(changed);
    expect(retention.longest).toBe('Kept indefinitely');
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
    expect(summarize(changed).retention.longest).toBe(
      'Deleted 1 year after the app is uninstalled',
    );
    changed.dataCategories[2]!.retention = { basis: 'while-account-active' };
    expect(summarize(changed).retention.longestCategoryIds).toEqual(['service-desk-requests']);
  });

  it('describes hosting: countries with backups, geographies, residency (Exalate, seed 002)', () => {
    const { hosting } = summarize(exalate);
    expect(hosting.countries).toEqual(['BE', 'CH']);
    expect(hosting.geographies).toEqual(['Europe', 'Zurich']);
    expect(hosting.onAtlassianOnly).toBe(false);
    expect(hosting.dataResidency).toBe('none');
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
    expect(glance.retention).toEqual({ longest: null, typical: null, longestCategoryIds: [] });
  });
});
