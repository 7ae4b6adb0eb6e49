import { z } from 'zod';
import { App } from './app.ts';
import { DataCategory } from './data-category.ts';
import {
  AdditionalSection,
  Cookie,
  Log,
  NotCollected,
  Rights,
  Security,
  Transfer,
  VendorAccess,
} from './disclosures.ts';
import { PlacementRule, StorageLocation } from './location.ts';
import { Policy } from './policy.ts';
import { Purpose } from './purpose.ts';
import { Recipient } from './recipient.ts';
import { Text } from './primitives.ts';
import { Vendor } from './vendor.ts';

/** The version of the declaration format this code writes. Older versions are migrated on read. */
export const CURRENT_SCHEMA_VERSION = 2;

/** A vendor's structured declaration of what its app collects, why, where, for how long, and who else gets it. */
export const Declaration = z
  .strictObject({
    schemaVersion: z
      .literal(CURRENT_SCHEMA_VERSION, { message: `must be ${CURRENT_SCHEMA_VERSION}` })
      .describe('The version of this format. Write 2; files of version 1 are still read.'),
    vendor: Vendor,
    app: App,
    policy: Policy,
    summary: Text.optional().describe("A short summary in the vendor's words, shown first."),
    purposes: z
      .array(Purpose)
      .min(1)
      .describe('Why data is processed. Categories refer to these ids.'),
    dataCategories: z
      .array(DataCategory)
      .describe('Every kind of data collected. An app that collects nothing lists none.'),
    locations: z
      .array(StorageLocation)
      .describe('Where data is stored. Categories refer to these ids.'),
    placement: z
      .array(PlacementRule)
      .optional()
      .describe(
        "How the app chooses where a site's data is kept: by pinned realm, nearest to the user, or fixed.",
      ),
    recipients: z
      .array(Recipient)
      .describe('Subprocessors and other recipients. Categories refer to these ids.'),
    logs: z
      .array(Log)
      .optional()
      .describe(
        'The logs the app and vendor keep: what goes in them, where, how long, who reads them.',
      ),
    cookies: z.array(Cookie).optional().describe('Cookies and trackers.'),
    notCollected: z.array(NotCollected).optional().describe('What is explicitly not collected.'),
    commitments: z
      .array(Text)
      .optional()
      .describe('Things the vendor promises not to do, e.g. "We never sell personal data".'),
    transfers: z.array(Transfer).optional().describe('International transfers.'),
    rights: Rights,
    security: Security.optional(),
    vendorAccess: VendorAccess.optional(),
    sections: z.array(AdditionalSection).optional().describe('Anything else the policy says.'),
  })
  .describe(
    'A Privacy Disclosure declaration: what an Atlassian app collects and what happens to it.',
  );
