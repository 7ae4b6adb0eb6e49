import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Text } from '@declaration';
import { StoredReviewRecord } from '../../src/backend/records.ts';
import { loadExample, readRepoFile } from '../examples/load-example.ts';

// The declaration of this app itself: it must stay true to what the code stores and sends.
const file = 'privacy/declaration.yaml';
const declaration = loadExample(file);

const en = (text: Text | undefined): string =>
  text === undefined ? '' : typeof text === 'string' ? text : (text.en ?? '');
const category = (id: string) => {
  const found = declaration.dataCategories.find((item) => item.id === id);
  if (!found) throw new Error(`${file} has no data category "${id}"`);
  return found;
};

describe("Privacy Disclosure's own declaration", () => {
  it('points editors at the JSON Schema', () => {
    expect(readRepoFile(file).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
  });

  it('declares exactly two stored kinds: declaration versions and review records', () => {
    expect(declaration.dataCategories.map((item) => item.id)).toEqual([
      'declaration-versions',
      'review-records',
    ]);
    expect(category('declaration-versions')).toMatchObject({ personal: false, subjects: ['none'] });
    expect(category('review-records')).toMatchObject({
      personal: true,
      sensitive: false,
      subjects: ['administrators'],
      collection: 'optional',
    });
  });

  it('describes a review record with the fields the backend stores, and nothing more', () => {
    expect(Object.keys(StoredReviewRecord.shape).sort()).toEqual(
      ['accountId', 'reviewedAt', 'version'].sort(),
    );
    expect(category('review-records').examples?.map(en)).toEqual([
      'Atlassian account id of the administrator',
      'The declaration version reviewed',
      'Time of the review',
    ]);
  });

  it('keeps everything in Forge storage, on Atlassian, following the site data residency', () => {
    expect(declaration.locations).toHaveLength(1);
    expect(declaration.locations[0]).toMatchObject({
      id: 'forge-storage',
      hostedBy: 'atlassian',
      followsDataResidency: 'yes',
      platforms: ['cloud'],
    });
    for (const item of declaration.dataCategories) expect(item.storedIn).toEqual(['forge-storage']);
  });

  it('sends nothing to anyone: no recipients, no transfers, no cookies', () => {
    expect(declaration.recipients).toEqual([]);
    for (const item of declaration.dataCategories) expect(item.recipients ?? []).toEqual([]);
    expect(declaration.transfers ?? []).toEqual([]);
    expect(declaration.cookies).toEqual([]);
  });

  it('stays true to the manifest: no egress permission that could send data out', () => {
    const manifest = parse(readRepoFile('manifest.yml')) as {
      permissions?: { external?: unknown; scopes?: string[] };
    };
    expect(manifest.permissions?.external).toBeUndefined();
    expect(manifest.permissions?.scopes).toContain('storage:app');
  });

  it('is Cloud only', () => {
    expect(declaration.app.platforms.map((item) => item.platform)).toEqual(['cloud']);
    for (const item of declaration.dataCategories) expect(item.platforms).toEqual(['cloud']);
    expect(declaration.app.framework).toBe('forge');
  });

  it('keeps data while installed; Forge retains it 28 days after uninstall', () => {
    for (const item of declaration.dataCategories) {
      expect(item.retention).toMatchObject({
        basis: 'while-installed',
        period: 'P28D',
        after: 'uninstall',
      });
      expect(en(item.retention.description)).toContain(
        'Forge hosted storage retains data for 28 days after uninstallation',
      );
    }
  });

  it('rests review records on legitimate interests and invents no company or listing', () => {
    const review = declaration.purposes.find((purpose) => purpose.id === 'record-review');
    expect(review?.legalBasis).toEqual(['legitimate-interests']);
    expect(category('review-records').purposes).toEqual(['record-review']);
    expect(declaration.vendor.legalName).toBeUndefined();
    expect(declaration.vendor.registeredAddress).toBeUndefined();
    expect(declaration.app.marketplaceUrl).toBeUndefined();
    expect(en(declaration.rights.howToExercise)).toContain('administrator of your Atlassian site');
  });
});
