import { z } from 'zod';
import { BackupFrequency } from './retention.ts';
import {
  CountryCode,
  DomainPattern,
  Id,
  IsoDuration,
  Notes,
  PeriodBound,
  Platform,
  Text,
  Tristate,
} from './primitives.ts';

/** How a location is backed up: how often, how many copies, for how long, encrypted, and where. */
export const LocationBackups = z
  .strictObject({
    frequency: BackupFrequency.optional(),
    copies: z
      .number()
      .int({ message: 'must be a whole number of copies' })
      .positive({ message: 'must be at least 1' })
      .optional()
      .describe('How many backup copies are kept at a time.'),
    period: IsoDuration.optional().describe('How long each backup is kept.'),
    bound: PeriodBound.optional().describe(
      'Whether period is an upper bound (at-most, the default), a lower bound, exact or approximate.',
    ),
    encrypted: Tristate.optional().describe('Whether the backups are encrypted.'),
    provider: Text.optional().describe('Who keeps the backups.'),
    country: CountryCode.optional().describe('Where the backups are.'),
    geography: Text.optional().describe('Where the backups are, when not one country.'),
    location: Id.optional().describe(
      'Id of the location that holds the backups, when it is declared as a location of its own.',
    ),
    description: Text.optional().describe('How backups are kept (offline, encrypted, ...).'),
  })
  .describe('Backups of this location: frequency, copies, period, encryption and place.');

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
    database: z
      .strictObject({
        kind: z
          .enum(['customer-database', 'customer-file-system', 'other'])
          .describe(
            "customer-database: tables in the product's own database; customer-file-system: files in the product's home directory.",
          ),
        tablePrefixes: z
          .array(z.string().min(1))
          .optional()
          .describe('Table name prefixes the app uses, e.g. AO_2F1435.'),
        description: Text.optional(),
      })
      .optional()
      .describe(
        "For Data Center and Server: storage inside the customer's own database or file system.",
      ),
    domains: z
      .array(DomainPattern)
      .optional()
      .describe(
        'The hosts this location is reached at, as manifest.yml writes them in egress or remotes.',
      ),
    backups: LocationBackups.optional(),
    platforms: z.array(Platform).optional().describe('Platforms this location applies to.'),
    notes: Notes.optional(),
  })
  .describe('A place where data is stored.');

/** An Atlassian data residency location (realm) a site can be pinned to. */
export const ResidencyRealm = z
  .enum(['au', 'ca', 'eu', 'de', 'in', 'jp', 'kr', 'sg', 'ch', 'uk', 'us', 'global'])
  .describe(
    'An Atlassian data residency location: au, ca, eu, de, in, jp, kr, sg, ch, uk, us, or global (no pin).',
  );

/**
 * How the app picks where a site's data is kept: by the site's pinned realm, a default for
 * unpinned sites, the location nearest to each user, or one fixed place.
 */
export const PlacementRule = z
  .strictObject({
    rule: z
      .enum(['pinned-realm', 'nearest-to-user', 'fixed', 'not-stated'])
      .describe(
        "pinned-realm: the site's data residency pin picks the location (realms); nearest-to-user: the location closest to each user (locations); fixed: always one place (locations); not-stated.",
      ),
    realms: z
      .array(
        z.strictObject({
          realm: ResidencyRealm,
          location: Id.describe('Id of the location sites pinned to this realm use.'),
        }),
      )
      .optional()
      .describe('For pinned-realm: which location each realm maps to.'),
    unpinned: Id.optional().describe('Id of the location used for sites without a pin.'),
    locations: z
      .array(Id)
      .optional()
      .describe('For nearest-to-user and fixed: the ids of the locations chosen among.'),
    appliesTo: z
      .enum(['all-installations', 'new-installations'])
      .optional()
      .describe(
        'all-installations (the default), or new-installations when existing ones stay where they are.',
      ),
    existingInstallations: Text.optional().describe(
      'Where existing installations stay, when the rule applies only to new ones.',
    ),
    categories: z
      .array(Id)
      .optional()
      .describe('Ids of the data categories the rule places; leave out for all in-scope data.'),
    platforms: z.array(Platform).optional().describe('Platforms the rule applies to.'),
    description: Text.optional().describe("The policy's words about how the place is chosen."),
    notes: Notes.optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.rule === 'pinned-realm' && !rule.realms?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['realms'],
        message: 'a pinned-realm rule needs realms: which location each realm maps to',
      });
    }
    if ((rule.rule === 'nearest-to-user' || rule.rule === 'fixed') && !rule.locations?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['locations'],
        message: `a ${rule.rule} rule needs locations: the ids of the locations it chooses among`,
      });
    }
    if (rule.rule === 'fixed' && (rule.locations?.length ?? 0) > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['locations'],
        message: 'a fixed rule names one location; use nearest-to-user to choose among several',
      });
    }
  })
  .describe('How the app chooses where data is kept.');
