import { z } from 'zod';
import { CountryCode, Id, Notes, Platform, Text, Tristate } from './primitives.ts';

/** A place data is stored: a provider's region, the Atlassian platform, or the customer's own servers. */
export const StorageLocation = z
  .strictObject({
    id: Id,
    name: Text.optional().describe(
      'A short name, e.g. "Forge storage" or "Exalate Cloud, Belgium".',
    ),
    hostedBy: z
      .enum(['atlassian', 'vendor', 'subprocessor', 'customer', 'not-stated'])
      .describe(
        'Whose infrastructure: atlassian (Forge / Atlassian cloud), vendor, subprocessor, customer (Data Center / Server instance), or not-stated when the policy does not say.',
      ),
    provider: Text.optional().describe('The hosting provider, e.g. "Google Cloud" or "Atlassian".'),
    service: Text.optional().describe(
      'The provider\'s service, e.g. "Forge storage" or "Amazon S3".',
    ),
    regionCode: z
      .string()
      .min(1)
      .optional()
      .describe('The provider\'s region code, e.g. "europe-west1" or "us-east-1".'),
    country: CountryCode.optional().describe('The country the data centre is in.'),
    geography: Text.optional().describe(
      'When no single country applies or is given: "Europe", "global CDN", "the site\'s data residency location".',
    ),
    holds: Text.optional().describe('What is kept here.'),
    followsDataResidency: Tristate.optional().describe(
      "Whether this location follows the customer's Atlassian data-residency pin.",
    ),
    residencyNote: Text.optional().describe(
      'Where data goes when it does not follow the residency pin, or how residency applies.',
    ),
    backups: z
      .strictObject({
        provider: Text.optional().describe('Who keeps the backups.'),
        country: CountryCode.optional().describe('Where the backups are.'),
        geography: Text.optional().describe('Where the backups are, when not one country.'),
        description: Text.optional().describe('How backups are kept (offline, encrypted, ...).'),
      })
      .optional()
      .describe('Backups of this location and where they are.'),
    platforms: z.array(Platform).optional().describe('Platforms this location applies to.'),
    notes: Notes.optional(),
  })
  .describe('A place where data is stored.');
