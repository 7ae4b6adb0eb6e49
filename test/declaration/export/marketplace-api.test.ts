import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Declaration as DeclarationSchema,
  type DataCategory,
  type Declaration,
  type ManifestFacts,
} from '@declaration';
import { readManifestFacts } from '@declaration/manifest/index.ts';
import {
  marketplacePayload,
  PRIVACY_AND_SECURITY_FIELDS,
  toMarketplaceApi,
  type MarketplaceApiExport,
} from '@declaration/export/marketplace-api.ts';
import { PrivacyAndSecurityPayload } from '@declaration/export/marketplace-api-schema.ts';
import { hostileDeclarations } from './hostile/declarations.ts';
import { loadDeclaration } from './load.ts';

const DECLARATIONS = [
  'privacy/declaration.yaml',
  'examples/exalate-cloud.yaml',
  'examples/oci-europe-web-service.yaml',
  'examples/open-source-consulting-apps.yaml',
  'examples/techtime-user-management.yaml',
  'examples/upsmith-zendesk-sell-for-jsm.yaml',
  'test/declaration/export/fixtures/exalate-complete.yaml',
];

function manifest(relativePath: string): ManifestFacts {
  const text = readFileSync(new URL(`../../../${relativePath}`, import.meta.url), 'utf8');
  const result = readManifestFacts(text);
  if (!result.ok) throw new Error(`${relativePath} cannot be read`);
  return result.facts;
}

/** This app's own declaration, changed by `change` (a copy). */
function thisApp(change: (declaration: Declaration) => void = () => {}): Declaration {
  const declaration = structuredClone(loadDeclaration('privacy/declaration.yaml'));
  change(declaration);
  return declaration;
}

function category(declaration: Declaration, id: string): DataCategory {
  const found = declaration.dataCategories.find((c) => c.id === id);
  if (!found) throw new Error(`no category ${id}`);
  return found;
}

/** The value at a dotted path of the payload's `appTrustInformation`. */
function at(result: MarketplaceApiExport, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>(
      (value, key) => (value as Record<string, unknown> | undefined)?.[key],
      result.payload.appTrustInformation,
    );
}

function open(result: MarketplaceApiExport, field: string) {
  return result.openQuestions.find((q) => q.field === `appTrustInformation.${field}`);
}

/** Every leaf field of a zod object schema, by dotted path (arrays of objects count as one). */
function leafFields(schema: z.ZodType, prefix = ''): string[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  if (!(inner instanceof z.ZodObject)) return [prefix];
  return Object.entries(inner.shape).flatMap(([key, value]) =>
    leafFields(value as z.ZodType, prefix ? `${prefix}.${key}` : key),
  );
}

/**
 * Whether a declaration path (`dataCategories[2].retention.period`) names a field of the format
 * and, where it goes through a list, an item the declaration has.
 */
function namesDeclared(declaration: Declaration, path: string): boolean {
  const [top, index] = path.match(/[^.[\]]+/g) ?? [];
  if (!top || !(top in DeclarationSchema.shape)) return false;
  if (index === undefined || !/^\d+$/.test(index)) return true;
  const list = (declaration as unknown as Record<string, unknown[] | undefined>)[top];
  return list?.[Number(index)] !== undefined;
}

/**
 * Fields that do not apply once another answer is given: days when retention is indefinite, the
 * transfer mechanism when nothing leaves the EEA.
 */
function notApplicable(result: MarketplaceApiExport, field: string): boolean {
  const trust = result.payload.appTrustInformation;
  if (field.startsWith('dataRetention.retentionDurationInDays.')) {
    return trust.dataRetention.isRetentionDurationIndefinite === true;
  }
  if (field === 'privacy.gdpr.dataTransfer.isTransferComplianceMechanismsAdhered') {
    return trust.privacy.gdpr?.dataTransfer?.isEndUserDataTransferredOutsideEEA === false;
  }
  return false;
}

describe('the payload of the Marketplace "Privacy and Security" resource', () => {
  it('names, in PRIVACY_AND_SECURITY_FIELDS, every field of the schema written from the reference', () => {
    expect(leafFields(PrivacyAndSecurityPayload.shape.appTrustInformation)).toEqual([
      ...PRIVACY_AND_SECURITY_FIELDS,
    ]);
  });

  it.each(DECLARATIONS)(
    '%s: has every section, validates against the schema, and answers or leaves open each field',
    (path) => {
      const declaration = loadDeclaration(path);
      const result = marketplacePayload(declaration);
      expect(PrivacyAndSecurityPayload.safeParse(result.payload).error).toBeUndefined();
      expect(Object.keys(result.payload.appTrustInformation)).toEqual([
        'dataAccessAndStorage',
        'thirdPartyInformation',
        'logDetails',
        'dataResidency',
        'dataRetention',
        'privacy',
        'security',
      ]);
      for (const field of PRIVACY_AND_SECURITY_FIELDS) {
        const answered = at(result, field) !== undefined;
        const left = open(result, field) !== undefined;
        if (notApplicable(result, field)) expect([answered, left]).toEqual([false, false]);
        else expect(answered !== left, `${field}: answered ${answered}, open ${left}`).toBe(true);
      }
      for (const question of result.openQuestions) {
        for (const answeredBy of question.answeredBy) {
          expect(namesDeclared(declaration, answeredBy), `${question.field}: ${answeredBy}`).toBe(
            true,
          );
        }
      }
    },
  );

  it('answers for this app, with its manifest: nothing leaves Atlassian, residency and migration by Forge, 28 days after uninstall', () => {
    const result = marketplacePayload(thisApp(), manifest('manifest.yml'));
    const trust = result.payload.appTrustInformation;
    expect(trust.dataAccessAndStorage).toEqual({
      isSameDataProcessedAndStored: true,
      appProcessEUDOutsideAtlassian: false,
      typesOfDataAccessed: [],
      appStoresEUDOutsideAtlassian: false,
      typesOfDataStored: [],
    });
    expect(trust.thirdPartyInformation).toEqual({
      isEndUserDataShared: false,
      thirdPartyDetails: [],
    });
    expect(trust.logDetails).toEqual({
      logEndUserData: false,
      logProcessAndOrStoreEUDOutsideAtlassian: false,
      logEUDShareWithThirdParty: false,
    });
    expect(trust.dataResidency).toEqual({
      isDataResidencySupported: 'STORED_IN_ATLASSIAN_N_DR_SUPPORTED',
      realmMigrationSupported: true,
      inScopeDataTypes: ['Review records'],
    });
    expect(trust.dataRetention).toEqual({
      isDataRetentionSupported: true,
      retentionDurationInDays: { min: 28, max: 28 },
      isRetentionDurationIndefinite: false,
    });
    expect(trust.security.isDiskEncryptionSupported).toBe(true);
    // Forge storage's country follows the site's pin: the declaration names none.
    expect(open(result, 'dataResidency.countriesWhereEndUserDataStored')?.answeredBy).toEqual([
      'locations[0].country',
    ]);
  });

  it('leaves realm migration open without the manifest or a placement rule, and takes it from placement', () => {
    expect(open(marketplacePayload(thisApp()), 'dataResidency.realmMigrationSupported')).toEqual({
      field: 'appTrustInformation.dataResidency.realmMigrationSupported',
      reason: 'not-stated',
      answeredBy: ['placement'],
    });
    const onlyNew = thisApp((d) => {
      d.placement = [
        {
          rule: 'pinned-realm',
          realms: [{ realm: 'eu', location: 'forge-storage' }],
          appliesTo: 'new-installations',
        },
      ];
    });
    expect(at(marketplacePayload(onlyNew), 'dataResidency.realmMigrationSupported')).toBe(false);
  });

  it('lists a manifest remote that stores in-scope data as contradicting "stored only in Atlassian", with its line', () => {
    const result = marketplacePayload(
      thisApp(),
      manifest('test/fixtures/manifests/this-app/manifest-with-remote.yml'),
    );
    const question = open(result, 'dataAccessAndStorage.appStoresEUDOutsideAtlassian');
    expect(question?.reason).toBe('contradicted-by-manifest');
    expect(question?.manifest?.[0]?.line).toBeGreaterThan(0);
    expect(question?.manifest?.[0]?.path[0]).toBe('remotes');
    expect(at(result, 'dataAccessAndStorage.appStoresEUDOutsideAtlassian')).toBeUndefined();
  });

  it('reads retention in days after uninstall, with the bound respected', () => {
    const days = (retention: Partial<DataCategory['retention']>) => {
      const result = marketplacePayload(
        thisApp((d) => {
          Object.assign(category(d, 'review-records').retention, retention);
        }),
      );
      return { retention: result.payload.appTrustInformation.dataRetention, result };
    };
    const atLeast = days({ period: 'P30D', bound: 'at-least' });
    expect(atLeast.retention.retentionDurationInDays).toEqual({ min: 30 });
    expect(open(atLeast.result, 'dataRetention.retentionDurationInDays.max')?.answeredBy).toEqual([
      'dataCategories[1].retention.period',
      'dataCategories[1].retention.after',
    ]);
    expect(open(atLeast.result, 'dataRetention.isRetentionDurationIndefinite')).toBeDefined();

    const hours = days({ period: 'PT1H' });
    expect(hours.retention.retentionDurationInDays).toEqual({ min: 0, max: 1 });

    const forever = days({ basis: 'indefinitely', period: undefined, after: undefined });
    expect(forever.retention).toEqual({
      isDataRetentionSupported: true,
      isRetentionDurationIndefinite: true,
    });
    expect(open(forever.result, 'dataRetention.retentionDurationInDays.max')).toBeUndefined();

    // Counted from collection: at most 90 days can remain after uninstall, the least is not said.
    const fromCollection = days({ basis: 'fixed-period', period: 'P90D', after: 'collection' });
    expect(fromCollection.retention.retentionDurationInDays).toEqual({ max: 90 });
    expect(open(fromCollection.result, 'dataRetention.retentionDurationInDays.min')).toBeDefined();
  });

  it('says the app does not support residency when its data is global, and leaves it open when not stated', () => {
    const global = marketplacePayload(
      thisApp((d) => {
        category(d, 'review-records').residency = 'global';
      }),
    );
    expect(global.payload.appTrustInformation.dataResidency).toMatchObject({
      isDataResidencySupported: 'APP_DOES_NOT_SUPPORT_DR',
      realmMigrationSupported: false,
      inScopeDataTypes: [],
    });
    const unstated = marketplacePayload(
      thisApp((d) => {
        delete category(d, 'review-records').residency;
      }),
    );
    expect(open(unstated, 'dataResidency.isDataResidencySupported')?.answeredBy).toEqual([
      'dataCategories[1].residency',
    ]);
  });

  it('lists third parties with countries by name, and leaves a missing privacy policy link open', () => {
    const result = marketplacePayload(loadDeclaration('examples/exalate-cloud.yaml'));
    const { thirdPartyInformation } = result.payload.appTrustInformation;
    expect(thirdPartyInformation.isEndUserDataShared).toBe(true);
    expect(thirdPartyInformation.thirdPartyDetails?.[0]).toMatchObject({
      name: expect.any(String),
      purpose: expect.any(String),
    });
    const withCountries = thirdPartyInformation.thirdPartyDetails?.find(
      (detail) => detail.thirdPartyCountries,
    );
    expect(withCountries?.thirdPartyCountries?.every((name) => name.length > 2)).toBe(true);
    expect(open(result, 'thirdPartyInformation.thirdPartyDetails[0].link')?.answeredBy).toEqual([
      'recipients[0].privacyPolicyUrl',
    ]);
  });

  it('answers GDPR and CCPA roles as not applicable only when no End-User Data is personal', () => {
    const personal = marketplacePayload(thisApp());
    expect(open(personal, 'privacy.gdpr.dataController.isAppDataController')?.reason).toBe(
      'no-declaration-field',
    );
    const impersonal = marketplacePayload(
      thisApp((d) => {
        category(d, 'review-records').personal = 'no';
      }),
    );
    expect(impersonal.payload.appTrustInformation.privacy.gdpr?.dataController).toEqual({
      isAppDataController: 'NOT_APPLICABLE',
    });
    expect(impersonal.payload.appTrustInformation.privacy.ccpa?.business).toEqual({
      isAppBusiness: 'NOT_APPLICABLE',
    });
  });

  it('finds a transfer out of the EEA from where data is kept, and the mechanism from transfers', () => {
    const inUs = (mechanism?: 'standard-contractual-clauses') =>
      marketplacePayload(
        thisApp((d) => {
          d.locations[0] = { ...d.locations[0]!, country: 'US' };
          if (mechanism) d.transfers = [{ to: ['US'], mechanism }];
        }),
      );
    expect(inUs().payload.appTrustInformation.privacy.gdpr?.dataTransfer).toEqual({
      isEndUserDataTransferredOutsideEEA: true,
    });
    expect(
      open(inUs(), 'privacy.gdpr.dataTransfer.isTransferComplianceMechanismsAdhered'),
    ).toBeDefined();
    expect(
      inUs('standard-contractual-clauses').payload.appTrustInformation.privacy.gdpr?.dataTransfer,
    ).toEqual({
      isEndUserDataTransferredOutsideEEA: true,
      isTransferComplianceMechanismsAdhered: true,
    });
    expect(at(inUs(), 'dataResidency.countriesWhereEndUserDataStored')).toEqual(['United States']);
  });

  it('takes the security contact as an address and the security page as the policy link', () => {
    const result = marketplacePayload(
      thisApp((d) => {
        d.security = { ...d.security, securityContact: 'mailto:security@example.com' };
        d.policy.securityUrl = 'https://example.com/security';
      }),
    );
    expect(result.payload.appTrustInformation.security).toMatchObject({
      securityContact: 'security@example.com',
      publicSecurityPoliciesLink: 'https://example.com/security',
    });
  });

  it('answers nothing for a declaration without the Cloud app', () => {
    const declaration = loadDeclaration('examples/oci-europe-web-service.yaml');
    const dataCenter = structuredClone(declaration);
    dataCenter.app.platforms = [{ platform: 'data-center', statement: 'Data Center only.' }];
    const result = marketplacePayload(dataCenter);
    expect(result.openQuestions.map((q) => q.field)).toEqual(
      PRIVACY_AND_SECURITY_FIELDS.map((field) => `appTrustInformation.${field}`),
    );
    expect(new Set(result.openQuestions.map((q) => q.reason))).toEqual(
      new Set(['cloud-not-covered']),
    );
  });

  it('writes { payload, openQuestions } as JSON', () => {
    const json = JSON.parse(toMarketplaceApi(thisApp()));
    expect(Object.keys(json)).toEqual(['payload', 'openQuestions']);
    expect(PrivacyAndSecurityPayload.safeParse(json.payload).success).toBe(true);
  });

  it('stays in the shape of the resource whatever text the declaration holds', () => {
    const base = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');
    fc.assert(
      fc.property(hostileDeclarations(base), (declaration) => {
        const written = JSON.parse(toMarketplaceApi(declaration)) as MarketplaceApiExport;
        expect(PrivacyAndSecurityPayload.safeParse(written.payload).error).toBeUndefined();
        expect(written).toEqual(marketplacePayload(declaration));
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });
});
