import { z } from 'zod';
import { Id, Notes, Platform, Text, Tristate } from './primitives.ts';
import { LegalBasis } from './purpose.ts';
import { Retention } from './retention.ts';

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
    personal: z.boolean().describe('Whether it identifies or relates to a person.'),
    sensitive: z
      .boolean()
      .describe('Whether it is special-category / sensitive data (health, beliefs, ...).'),
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
    retention: Retention,
    recipients: z.array(Id).optional().describe('Ids of the recipients that receive it.'),
    encryptionInTransit: Tristate.optional().describe('Whether it is encrypted in transit.'),
    encryptionAtRest: Tristate.optional().describe('Whether it is encrypted at rest.'),
    notes: Notes.optional(),
  })
  .describe('A kind of data that is collected.');
