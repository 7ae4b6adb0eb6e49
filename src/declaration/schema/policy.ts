import { z } from 'zod';
import { HttpsUrl, IsoDate, Notes, Text } from './primitives.ts';

/** The vendor's privacy policy this declaration summarises, and how it changes. */
export const Policy = z
  .strictObject({
    version: z
      .string()
      .min(1)
      .max(64)
      .describe(
        'The vendor\'s own version label for this declaration, e.g. "2024-02-28" or "3.1".',
      ),
    effectiveDate: IsoDate.optional().describe('When this version takes effect.'),
    lastUpdated: IsoDate.describe('When the policy was last changed.'),
    lastUpdatedSource: z
      .enum(['policy', 'declaration'])
      .optional()
      .describe(
        'Where lastUpdated comes from: policy (the policy states the date; the default) or declaration (the policy states no date, so lastUpdated is the day this declaration was written from it).',
      ),
    scope: Text.optional().describe('What the policy applies to, in its own words.'),
    fullPolicyUrl: HttpsUrl.optional().describe('The full privacy policy.'),
    dpaUrl: HttpsUrl.optional().describe('The Data Processing Agreement.'),
    securityUrl: HttpsUrl.optional().describe('The security page.'),
    trustCenterUrl: HttpsUrl.optional().describe('The trust center.'),
    changeNotice: Text.optional().describe(
      'How changes are announced, e.g. "By e-mail to the technical contact, 30 days ahead".',
    ),
    notes: Notes.optional(),
  })
  .describe('The privacy policy this declaration summarises.');
