import { z } from 'zod';
import { Id, Notes, PersonalStatus, Platform, Text, Tristate } from './primitives.ts';
import { LegalBasis } from './purpose.ts';
import { Retention } from './retention.ts';

/** What is kept of the data: the form it is held in. */
export const DataForm = z
  .enum(['anonymised', 'pseudonymised', 'hashed', 'aggregated', 'identifiers-only', 'as-collected'])
  .describe(
    'anonymised, pseudonymised, hashed, aggregated, identifiers-only (only ids such as account ids are kept, not content), or as-collected.',
  );

/** How this data is encrypted, with what the policy names; whether it is, is encryptionAtRest and encryptionInTransit. */
export const Encryption = z
  .strictObject({
    atRestMethod: Text.optional().describe('How, e.g. "AES-256".'),
    inTransitProtocol: Text.optional().describe('The protocol, e.g. "TLS 1.2 or later".'),
    keyManagement: Text.optional().describe(
      'Who holds the keys and how, e.g. "AWS KMS, rotated yearly".',
    ),
    fieldLevel: z
      .array(Text)
      .optional()
      .describe('Fields encrypted on their own, e.g. "API tokens and passwords".'),
    notes: Notes.optional(),
  })
  .describe('Encryption of this data at rest and in transit, with the means the policy names.');

/** How the data is handled: its form, where it is not stored, when it is collected, limits. */
export const Handling = z
  .strictObject({
    forms: z.array(DataForm).min(1).optional().describe('The forms the data is kept in.'),
    storedOnlyBy: z
      .array(Id)
      .optional()
      .describe(
        'For data the app processes but does not store itself: ids of the recipients that store it.',
      ),
    collectedByDefault: z
      .boolean()
      .optional()
      .describe('Whether it is collected without anyone turning it on.'),
    onlyWhenConfigured: Text.optional().describe(
      'The feature that must be configured for this data to be collected, e.g. "an outgoing webhook".',
    ),
    sizeLimit: Text.optional().describe(
      'Limits on how much is kept, e.g. "attachments up to 10 MB".',
    ),
    notes: Notes.optional(),
  })
  .describe('How the data is handled.');

/** Where this category's storage or retention differs on one platform. */
export const PlatformDifference = z
  .strictObject({
    platform: Platform,
    storedIn: z
      .array(Id)
      .optional()
      .describe('Ids of the locations it is stored in on this platform, instead of storedIn.'),
    retention: Retention.optional().describe(
      'The retention on this platform, instead of retention.',
    ),
    statement: Text.optional().describe('What else differs on this platform.'),
  })
  .describe('How storage or retention differs on one platform.');

/** Whose data it is. */
export const DataSubject = z
  .enum([
    'end-users',
    'administrators',
    'technical-contacts',
    'billing-contacts',
    'resellers',
    'customers',
    'website-visitors',
    'support-requesters',
    'survey-respondents',
    'prospects',
    'none',
  ])
  .describe(
    'Whose data: end-users, administrators, technical-contacts, billing-contacts, resellers, customers (the organisation), website-visitors, support-requesters, survey-respondents, prospects, or none (not about people).',
  );

/** How the data reaches the vendor. */
export const DataSource = z
  .enum([
    'app-runtime',
    'atlassian',
    'marketplace-order',
    'uninstall-feedback',
    'support-request',
    'survey',
    'web-form',
    'website',
    'email',
    'person',
    'third-party',
  ])
  .describe(
    'Where the data comes from: app-runtime (the app while it runs), atlassian, marketplace-order, uninstall-feedback, support-request, survey, web-form, website, email, person (given directly), third-party.',
  );

/**
 * The Marketplace Vendor Agreement's classes of End User Data: collected by the vendor's app, or
 * collected by Atlassian and passed to the vendor.
 */
export const MarketplaceDataClass = z
  .enum(['vendor-collected', 'atlassian-collected', 'not-end-user-data'])
  .describe(
    'Marketplace Vendor Agreement class: vendor-collected or atlassian-collected End User Data, or not-end-user-data.',
  );

/** One kind of data the app or vendor collects, with why, where, how long and who else gets it. */
export const DataCategory = z
  .strictObject({
    id: Id,
    name: Text.describe('A short name, e.g. "Service Desk requests".'),
    description: Text.optional().describe("What this data is, in the policy's words."),
    examples: z.array(Text).optional().describe('Concrete examples: "name", "e-mail address", ...'),
    subjects: z.array(DataSubject).min(1).describe('Whose data it is.'),
    personal: PersonalStatus.describe(
      'Whether it identifies or relates to a person: yes, no, may-contain, or not-stated.',
    ),
    sensitive: PersonalStatus.describe(
      'Whether it is special-category / sensitive data (health, beliefs, ...): yes, no, may-contain, or not-stated.',
    ),
    sources: z.array(DataSource).min(1).describe('How the data reaches the vendor.'),
    collectedBy: z
      .enum(['vendor', 'atlassian', 'customer'])
      .optional()
      .describe('Who collects it: the vendor, Atlassian (and passes it on), or the customer.'),
    marketplaceClass: MarketplaceDataClass.optional(),
    platforms: z.array(Platform).min(1).describe('Platforms on which this data is collected.'),
    collection: z
      .enum(['required', 'optional'])
      .describe(
        'required: the app cannot work without it; optional: the person or customer chooses.',
      ),
    customerCanDisable: z
      .boolean()
      .optional()
      .describe('Whether the customer can turn this collection off.'),
    howToDisable: Text.optional().describe('How to turn it off.'),
    purposes: z.array(Id).min(1).describe('Ids of the purposes this data serves.'),
    legalBasis: z
      .array(LegalBasis)
      .optional()
      .describe("Lawful bases, when they differ from the purposes' own."),
    storedIn: z
      .array(Id)
      .optional()
      .describe('Ids of the locations where it is stored; empty when it is not stored.'),
    residency: z
      .enum(['in-scope', 'global', 'excluded', 'not-stated'])
      .optional()
      .describe(
        "Whether this data follows the site's Atlassian data residency: in-scope (kept in the pinned location), global (kept in one place for every site), excluded (a feature outside residency), or not-stated.",
      ),
    platformDifferences: z
      .array(PlatformDifference)
      .optional()
      .describe('Where storage or retention differ on a platform, e.g. Data Center.'),
    retention: Retention,
    recipients: z.array(Id).optional().describe('Ids of the recipients that receive it.'),
    encryptionInTransit: Tristate.optional().describe('Whether it is encrypted in transit.'),
    encryptionAtRest: Tristate.optional().describe('Whether it is encrypted at rest.'),
    encryption: Encryption.optional(),
    handling: Handling.optional(),
    notes: Notes.optional(),
  })
  .describe('A kind of data that is collected.');
