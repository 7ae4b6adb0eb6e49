import { z } from 'zod';

/**
 * The body of `PUT /rest/2/addons/{addonKey}/privacy-and-security` in Atlassian's Marketplace
 * REST API v2 ("Privacy and Security"), as test/fixtures/marketplace/privacy-security-schema.md
 * records it. Fields are optional because the export leaves out every answer the declaration
 * does not give (it lists them as open questions instead); the objects are strict so that a
 * misspelt field name fails the tests rather than reaching the API.
 */

const Kinds = z.array(z.string().min(1));

/** The answers the reference gives as strings: `TRUE`, `FALSE` or `NOT_APPLICABLE`. */
export const RoleAnswer = z.enum(['TRUE', 'FALSE', 'NOT_APPLICABLE']);

/** The values of `isDataResidencySupported` found in the reference and in live answers. */
export const DataResidencySupport = z.enum([
  'STORED_IN_ATLASSIAN_N_DR_SUPPORTED',
  'APP_DOES_NOT_SUPPORT_DR',
]);

/** End-User Data the app reaches, and whether it is processed or stored outside Atlassian. */
export const DataAccessAndStorage = z.strictObject({
  isSameDataProcessedAndStored: z.boolean().optional(),
  appProcessEUDOutsideAtlassian: z.boolean().optional(),
  typesOfDataAccessed: Kinds.optional(),
  appStoresEUDOutsideAtlassian: z.boolean().optional(),
  typesOfDataStored: Kinds.optional(),
});

/** One third party that receives End-User Data. */
export const ThirdPartyDetail = z.strictObject({
  name: z.string().min(1),
  link: z.string().min(1).optional(),
  purpose: z.string().min(1).optional(),
  thirdPartyCountries: Kinds.optional(),
});

/** Whether End-User Data is shared, and with whom. */
export const ThirdPartyInformation = z.strictObject({
  isEndUserDataShared: z.boolean().optional(),
  dataSubProcessors: z.string().optional(),
  thirdPartyDetails: z.array(ThirdPartyDetail).optional(),
});

/** What the logs hold and where they go. */
export const LogDetails = z.strictObject({
  logEndUserData: z.boolean().optional(),
  logProcessAndOrStoreEUDOutsideAtlassian: z.boolean().optional(),
  logEUDShareWithThirdParty: z.boolean().optional(),
  logsIntegralForAppFunctionality: z.boolean().optional(),
});

/** Whether the app follows the site's data residency. */
export const DataResidency = z.strictObject({
  isDataResidencySupported: DataResidencySupport.optional(),
  countriesWhereEndUserDataStored: Kinds.optional(),
  realmMigrationSupported: z.boolean().optional(),
  inScopeDataTypes: Kinds.optional(),
});

/** How long End-User Data is kept, in whole days. */
export const DataRetention = z.strictObject({
  isDataRetentionSupported: z.boolean().optional(),
  retentionDurationInDays: z
    .strictObject({
      min: z.number().int().nonnegative().optional(),
      max: z.number().int().nonnegative().optional(),
    })
    .refine((days) => days.min === undefined || days.max === undefined || days.min <= days.max, {
      message: 'min must not exceed max',
    })
    .optional(),
  isCustomRetentionPeriodAllowed: z.boolean().optional(),
  isRetentionDurationIndefinite: z.boolean().optional(),
});

/** GDPR and CCPA roles, transfers out of the EEA, the DPA, and privacy-enhancing techniques. */
export const Privacy = z.strictObject({
  privacyEnhancingTechniques: z
    .strictObject({
      arePrivacyEnhancingTechniquesSupported: z.boolean().optional(),
      privacyEnhancingTechniquesSupported: Kinds.optional(),
    })
    .optional(),
  gdpr: z
    .strictObject({
      dataController: z.strictObject({ isAppDataController: RoleAnswer.optional() }).optional(),
      dataProcessor: z
        .strictObject({
          isAppDataProcessor: RoleAnswer.optional(),
          endUserDataTypes: Kinds.optional(),
        })
        .optional(),
      dataTransfer: z
        .strictObject({
          isEndUserDataTransferredOutsideEEA: z.boolean().optional(),
          isTransferComplianceMechanismsAdhered: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
  ccpa: z
    .strictObject({
      business: z.strictObject({ isAppBusiness: RoleAnswer.optional() }).optional(),
      serviceProvider: z
        .strictObject({
          isAppServiceProvider: RoleAnswer.optional(),
          endUserDataTypes: Kinds.optional(),
        })
        .optional(),
    })
    .optional(),
  dataProcessingAgreement: z.strictObject({ isDPASupported: RoleAnswer.optional() }).optional(),
});

/** Encryption at rest, personal access tokens, the security contact, policies and scopes. */
export const SecurityAnswers = z.strictObject({
  isDiskEncryptionSupported: z.boolean().optional(),
  requiresUsersToProvidePATs: z.boolean().optional(),
  securityContact: z.string().min(1).optional(),
  publicSecurityPoliciesLink: z.string().min(1).optional(),
  permissionsJustification: z.string().min(1).optional(),
});

/** `appTrustInformation`: every section of the resource. */
export const AppTrustInformation = z.strictObject({
  dataAccessAndStorage: DataAccessAndStorage,
  thirdPartyInformation: ThirdPartyInformation,
  logDetails: LogDetails,
  dataResidency: DataResidency,
  dataRetention: DataRetention,
  privacy: Privacy,
  security: SecurityAnswers,
});

/** The PUT body. */
export const PrivacyAndSecurityPayload = z.strictObject({
  appTrustInformation: AppTrustInformation,
});

/** The PUT body's type, inferred from the schema. */
export type PrivacyAndSecurityPayload = z.infer<typeof PrivacyAndSecurityPayload>;
/** `appTrustInformation`'s type. */
export type AppTrustInformation = z.infer<typeof AppTrustInformation>;
/** One third party's entry. */
export type ThirdPartyDetail = z.infer<typeof ThirdPartyDetail>;
/** `TRUE`, `FALSE` or `NOT_APPLICABLE`. */
export type RoleAnswer = z.infer<typeof RoleAnswer>;
