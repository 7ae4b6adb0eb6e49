import { z } from 'zod';
import {
  ContactLink,
  CountryCode,
  DomainPattern,
  HttpsUrl,
  Id,
  Notes,
  Text,
} from './primitives.ts';

/** What a recipient does for the vendor. */
export const RecipientCategory = z
  .enum([
    'infrastructure',
    'support',
    'analytics',
    'marketing',
    'payments',
    'communication',
    'productivity',
    'licensing',
    'professional-advice',
    'legal-disclosure',
    'business-transfer',
    'platform',
    'other',
  ])
  .describe(
    'What the recipient does: infrastructure, support, analytics, marketing, payments, ...',
  );

/** A subprocessor, or another party that receives data. Data categories refer to them by id. */
export const Recipient = z
  .strictObject({
    id: Id,
    name: Text.describe('The name people know it by, e.g. "Mixpanel".'),
    kind: z
      .enum(['subprocessor', 'recipient'])
      .describe(
        "subprocessor: processes data on the vendor's behalf; recipient: anyone else who receives data (Atlassian, authorities, a buyer of the business, ...).",
      ),
    legalEntity: Text.optional().describe('The legal entity, e.g. "Amazon Web Services, Inc.".'),
    category: RecipientCategory,
    purpose: Text.describe('Why it receives data.'),
    when: Text.optional().describe(
      'When data goes to it, if not always (e.g. "only for direct invoices").',
    ),
    countries: z
      .array(CountryCode)
      .optional()
      .describe('Countries where it processes the data; leave out when the policy does not say.'),
    geography: Text.optional().describe('Where it processes data when not given as countries.'),
    domains: z
      .array(DomainPattern)
      .optional()
      .describe(
        'The hosts the app reaches it at, as manifest.yml writes them in egress or remotes.',
      ),
    privacyPolicyUrl: HttpsUrl.optional().describe('Its privacy policy.'),
    safeguards: z
      .array(Text)
      .optional()
      .describe('Settings or safeguards the vendor applies, e.g. "IP address logging disabled".'),
    optOut: ContactLink.optional().describe('Where a person can opt out of it.'),
    notes: Notes.optional(),
  })
  .describe('A party that receives data from the vendor.');
