import { ENGLISH, type Translator } from '../i18n/index.ts';
import type { ManifestFacts } from '../manifest/types.ts';
import type { Declaration } from '../schema/index.ts';
import { apiContext, type OpenQuestion } from './marketplace-api-context.ts';
import { dataAccessAndStorage, logDetails, thirdPartyInformation } from './marketplace-api-data.ts';
import { privacy, security } from './marketplace-api-privacy.ts';
import { dataResidency, dataRetention } from './marketplace-api-residency.ts';
import type { PrivacyAndSecurityPayload } from './marketplace-api-schema.ts';
import { coversCloud, endUserData } from './marketplace-facts.ts';

export type { OpenQuestion, OpenReason } from './marketplace-api-context.ts';
export type { PrivacyAndSecurityPayload } from './marketplace-api-schema.ts';

/**
 * The Marketplace "Privacy and Security" resource (Marketplace REST API v2,
 * `PUT /rest/2/addons/{addonKey}/privacy-and-security`), filled from the declaration and,
 * when given, the facts of the app's manifest. Pure.
 */

/** The payload to send, and every field of it the declaration does not answer. */
export interface MarketplaceApiExport {
  /** The PUT body: `{ appTrustInformation }`, every section present, unanswered fields left out. */
  payload: PrivacyAndSecurityPayload;
  /** The fields left out of `payload`, each with why and what in the declaration would answer it. */
  openQuestions: OpenQuestion[];
}

/** Every field of the resource, by its path in `appTrustInformation`. */
export const PRIVACY_AND_SECURITY_FIELDS = [
  'dataAccessAndStorage.isSameDataProcessedAndStored',
  'dataAccessAndStorage.appProcessEUDOutsideAtlassian',
  'dataAccessAndStorage.typesOfDataAccessed',
  'dataAccessAndStorage.appStoresEUDOutsideAtlassian',
  'dataAccessAndStorage.typesOfDataStored',
  'thirdPartyInformation.isEndUserDataShared',
  'thirdPartyInformation.dataSubProcessors',
  'thirdPartyInformation.thirdPartyDetails',
  'logDetails.logEndUserData',
  'logDetails.logProcessAndOrStoreEUDOutsideAtlassian',
  'logDetails.logEUDShareWithThirdParty',
  'logDetails.logsIntegralForAppFunctionality',
  'dataResidency.isDataResidencySupported',
  'dataResidency.countriesWhereEndUserDataStored',
  'dataResidency.realmMigrationSupported',
  'dataResidency.inScopeDataTypes',
  'dataRetention.isDataRetentionSupported',
  'dataRetention.retentionDurationInDays.min',
  'dataRetention.retentionDurationInDays.max',
  'dataRetention.isCustomRetentionPeriodAllowed',
  'dataRetention.isRetentionDurationIndefinite',
  'privacy.privacyEnhancingTechniques.arePrivacyEnhancingTechniquesSupported',
  'privacy.privacyEnhancingTechniques.privacyEnhancingTechniquesSupported',
  'privacy.gdpr.dataController.isAppDataController',
  'privacy.gdpr.dataProcessor.isAppDataProcessor',
  'privacy.gdpr.dataProcessor.endUserDataTypes',
  'privacy.gdpr.dataTransfer.isEndUserDataTransferredOutsideEEA',
  'privacy.gdpr.dataTransfer.isTransferComplianceMechanismsAdhered',
  'privacy.ccpa.business.isAppBusiness',
  'privacy.ccpa.serviceProvider.isAppServiceProvider',
  'privacy.ccpa.serviceProvider.endUserDataTypes',
  'privacy.dataProcessingAgreement.isDPASupported',
  'security.isDiskEncryptionSupported',
  'security.requiresUsersToProvidePATs',
  'security.securityContact',
  'security.publicSecurityPoliciesLink',
  'security.permissionsJustification',
] as const;

/** A value with its unanswered (undefined) members left out, as JSON would leave them out. */
function pruned<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The payload and the open questions. Nothing is guessed: a field is written only where the
 * declaration (or the manifest, for what leaves Atlassian) answers it; every other field is an
 * open question. A declaration that does not cover the Cloud app answers none of it. Vendor
 * text (kinds of data, third parties) is in the translator's language: English by default, as
 * the Marketplace listing is.
 */
export function marketplacePayload(
  declaration: Declaration,
  facts?: ManifestFacts,
  translator: Translator = ENGLISH,
): MarketplaceApiExport {
  const openQuestions: OpenQuestion[] = [];
  const context = apiContext(
    declaration,
    endUserData(declaration),
    facts,
    translator,
    openQuestions,
  );
  if (!coversCloud(declaration)) {
    for (const field of PRIVACY_AND_SECURITY_FIELDS) {
      context.open(field, 'cloud-not-covered', ['app.platforms']);
    }
    const empty = {
      dataAccessAndStorage: {},
      thirdPartyInformation: {},
      logDetails: {},
      dataResidency: {},
      dataRetention: {},
      privacy: {},
      security: {},
    };
    return { payload: { appTrustInformation: empty }, openQuestions };
  }
  const appTrustInformation = {
    dataAccessAndStorage: dataAccessAndStorage(context),
    thirdPartyInformation: thirdPartyInformation(context),
    logDetails: logDetails(context),
    dataResidency: dataResidency(context),
    dataRetention: dataRetention(context),
    privacy: privacy(context),
    security: security(context),
  };
  return { payload: pruned({ appTrustInformation }), openQuestions };
}

/**
 * `export --format marketplace`: `{ payload, openQuestions }` as JSON. `payload` is the body
 * of the PUT as it is; `openQuestions` lists what to answer by hand (in the partner console or
 * by adding to the declaration) before the listing's answers are complete.
 */
export function toMarketplaceApi(
  declaration: Declaration,
  facts?: ManifestFacts,
  translator: Translator = ENGLISH,
): string {
  return `${JSON.stringify(marketplacePayload(declaration, facts, translator), null, 2)}\n`;
}
