import type { z } from 'zod';
import type { App, Framework, PlatformStatement } from './app.ts';
import type {
  DataCategory,
  DataForm,
  Encryption,
  Handling,
  PlatformDifference,
  DataSource,
  DataSubject,
  MarketplaceDataClass,
} from './data-category.ts';
import type { Declaration } from './declaration.ts';
import type {
  AccessCircumstance,
  AccessGrant,
  AdditionalSection,
  Certification,
  Cookie,
  Log,
  NotCollected,
  SecurityProgramme,
  RightKind,
  Rights,
  RightsRegime,
  Security,
  Transfer,
  VendorAccess,
} from './disclosures.ts';
import type {
  LocationBackups,
  PlacementRule,
  ResidencyRealm,
  StorageLocation,
} from './location.ts';
import type { Policy } from './policy.ts';
import type { PeriodBound, PersonalStatus, Platform, Text, Tristate } from './primitives.ts';
import type { LegalBasis, Purpose } from './purpose.ts';
import type { Recipient, RecipientCategory } from './recipient.ts';
import type {
  BackupFrequency,
  BackupRetention,
  Retention,
  RetentionBasis,
  RetentionTrigger,
} from './retention.ts';
import type { Officer, SupportChannel, Vendor } from './vendor.ts';

export { CURRENT_SCHEMA_VERSION, Declaration } from './declaration.ts';
export { App, Framework, PlatformStatement } from './app.ts';
export {
  DataCategory,
  DataForm,
  DataSource,
  DataSubject,
  Encryption,
  Handling,
  MarketplaceDataClass,
  PlatformDifference,
} from './data-category.ts';
export {
  AccessCircumstance,
  AccessGrant,
  AdditionalSection,
  Certification,
  Cookie,
  Log,
  NotCollected,
  SecurityProgramme,
  RightKind,
  Rights,
  RightsRegime,
  Security,
  Transfer,
  VendorAccess,
} from './disclosures.ts';
export { LocationBackups, PlacementRule, ResidencyRealm, StorageLocation } from './location.ts';
export { Policy } from './policy.ts';
export {
  DomainPattern,
  PeriodBound,
  PersonalStatus,
  Platform,
  Text,
  Tristate,
} from './primitives.ts';
export { LegalBasis, Purpose } from './purpose.ts';
export { Recipient, RecipientCategory } from './recipient.ts';
export {
  BackupFrequency,
  BackupRetention,
  Retention,
  RetentionBasis,
  RetentionTrigger,
} from './retention.ts';
export { Officer, SupportChannel, Vendor } from './vendor.ts';
export { COUNTRY_CODES, isCountryCode } from './countries.ts';
export { durationInDays, parseDuration } from './primitives.ts';

/** A validated declaration. */
export type Declaration = z.infer<typeof Declaration>;
/** Plain or translated text. */
export type Text = z.infer<typeof Text>;
/** cloud, data-center or server. */
export type Platform = z.infer<typeof Platform>;
/** The vendor. */
export type Vendor = z.infer<typeof Vendor>;
/** A privacy officer or DPO. */
export type Officer = z.infer<typeof Officer>;
/** A support channel. */
export type SupportChannel = z.infer<typeof SupportChannel>;
/** The app. */
export type App = z.infer<typeof App>;
/** A per-platform statement. */
export type PlatformStatement = z.infer<typeof PlatformStatement>;
/** The policy metadata. */
export type Policy = z.infer<typeof Policy>;
/** A purpose of processing. */
export type Purpose = z.infer<typeof Purpose>;
/** A GDPR Art. 6 lawful basis. */
export type LegalBasis = z.infer<typeof LegalBasis>;
/** A kind of data collected. */
export type DataCategory = z.infer<typeof DataCategory>;
/** Whose data. */
export type DataSubject = z.infer<typeof DataSubject>;
/** How data reaches the vendor. */
export type DataSource = z.infer<typeof DataSource>;
/** Marketplace Vendor Agreement data class. */
export type MarketplaceDataClass = z.infer<typeof MarketplaceDataClass>;
/** How long data is kept. */
export type Retention = z.infer<typeof Retention>;
/** What retention depends on. */
export type RetentionBasis = z.infer<typeof RetentionBasis>;
/** What starts a retention clock. */
export type RetentionTrigger = z.infer<typeof RetentionTrigger>;
/** A storage location. */
export type StorageLocation = z.infer<typeof StorageLocation>;
/** A subprocessor or other recipient. */
export type Recipient = z.infer<typeof Recipient>;
/** What a recipient does. */
export type RecipientCategory = z.infer<typeof RecipientCategory>;
/** A cookie or tracker. */
export type Cookie = z.infer<typeof Cookie>;
/** Something not collected. */
export type NotCollected = z.infer<typeof NotCollected>;
/** An international transfer. */
export type Transfer = z.infer<typeof Transfer>;
/** People's rights. */
export type Rights = z.infer<typeof Rights>;
/** Rights under one regime. */
export type RightsRegime = z.infer<typeof RightsRegime>;
/** A data-subject right. */
export type RightKind = z.infer<typeof RightKind>;
/** Security measures. */
export type Security = z.infer<typeof Security>;
/** Vendor staff access. */
export type VendorAccess = z.infer<typeof VendorAccess>;
/** A free-form section. */
export type AdditionalSection = z.infer<typeof AdditionalSection>;
/** How an app is built. */
export type Framework = z.infer<typeof Framework>;
/** yes, no, may-contain or not-stated. */
export type PersonalStatus = z.infer<typeof PersonalStatus>;
/** yes, no or not-stated. */
export type Tristate = z.infer<typeof Tristate>;
/** at-most, at-least, exactly or about. */
export type PeriodBound = z.infer<typeof PeriodBound>;
/** The form data is kept in. */
export type DataForm = z.infer<typeof DataForm>;
/** Encryption details of a category. */
export type Encryption = z.infer<typeof Encryption>;
/** How a category is handled. */
export type Handling = z.infer<typeof Handling>;
/** A category's storage or retention on one platform. */
export type PlatformDifference = z.infer<typeof PlatformDifference>;
/** How often backups are taken. */
export type BackupFrequency = z.infer<typeof BackupFrequency>;
/** How long backups of a category are kept. */
export type BackupRetention = z.infer<typeof BackupRetention>;
/** How a location is backed up. */
export type LocationBackups = z.infer<typeof LocationBackups>;
/** How the app chooses where data is kept. */
export type PlacementRule = z.infer<typeof PlacementRule>;
/** An Atlassian data residency location. */
export type ResidencyRealm = z.infer<typeof ResidencyRealm>;
/** A log the app or vendor keeps. */
export type Log = z.infer<typeof Log>;
/** A certification. */
export type Certification = z.infer<typeof Certification>;
/** A bug bounty or disclosure programme. */
export type SecurityProgramme = z.infer<typeof SecurityProgramme>;
/** One role's access to customer data. */
export type AccessGrant = z.infer<typeof AccessGrant>;
/** When vendor staff access data. */
export type AccessCircumstance = z.infer<typeof AccessCircumstance>;
