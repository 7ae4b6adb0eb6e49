import { z } from 'zod';
import { ContactLink, CountryCode, Id, IsoDuration, Notes, Platform, Text } from './primitives.ts';

/** A cookie, pixel or other tracker set by the app, the vendor's website or a third party. */
export const Cookie = z
  .strictObject({
    name: Text.describe('The cookie name, or a family such as "Login cookies".'),
    purpose: Text.describe('What it is for.'),
    category: z
      .enum(['strictly-necessary', 'functional', 'analytics', 'marketing', 'survey', 'other'])
      .describe('strictly-necessary, functional, analytics, marketing, survey or other.'),
    party: z
      .enum(['first', 'third'])
      .describe('first: set by the vendor; third: set by another party.'),
    provider: Text.optional().describe('Who sets it, for third-party trackers.'),
    recipient: Id.optional().describe('Id of the recipient that sets it, when it is one.'),
    where: z
      .array(z.enum(['app', 'website', 'documentation', 'marketplace-listing', 'email']))
      .min(1)
      .describe('Where it is used.'),
    duration: IsoDuration.optional().describe('How long it lives.'),
    optOut: ContactLink.optional().describe('Where to opt out.'),
    notes: Notes.optional(),
  })
  .describe('A cookie or tracker.');

/** Something the vendor says it does not collect or do. */
export const NotCollected = z
  .strictObject({
    what: Text.describe('What is not collected, e.g. "Sensitive data" or "Data of minors".'),
    platforms: z.array(Platform).optional().describe('Platforms the statement applies to.'),
    exceptions: Text.optional().describe(
      'When it may still reach the vendor, e.g. given voluntarily.',
    ),
    notes: Notes.optional(),
  })
  .describe('Something explicitly not collected.');

/** A transfer of data out of the country or region it was collected in. */
export const Transfer = z
  .strictObject({
    from: Text.optional().describe('Where the data comes from, e.g. "the EEA".'),
    to: z.array(CountryCode).optional().describe('Destination countries.'),
    toGeography: Text.optional().describe(
      'Destination when not given as countries, e.g. "outside the EU".',
    ),
    mechanism: z
      .enum([
        'adequacy-decision',
        'standard-contractual-clauses',
        'data-privacy-framework',
        'binding-corporate-rules',
        'consent',
        'contract-necessity',
        'not-stated',
        'other',
      ])
      .describe('The legal mechanism for the transfer.'),
    reason: Text.optional().describe('Why the data goes there.'),
    notes: Notes.optional(),
  })
  .describe('An international transfer of data.');

/** A right a person has over their data. */
export const RightKind = z
  .enum([
    'access',
    'rectification',
    'erasure',
    'restriction',
    'objection',
    'portability',
    'withdraw-consent',
    'complaint',
    'know',
    'opt-out-of-sale',
    'non-discrimination',
    'unsubscribe',
    'other',
  ])
  .describe('A data-subject right.');

/** The rights under one legal regime, and to whom they apply. */
export const RightsRegime = z
  .strictObject({
    regime: z
      .enum([
        'gdpr',
        'uk-gdpr',
        'ccpa',
        'lgpd',
        'pipeda',
        'australian-privacy-act',
        'pipa',
        'general',
        'other',
      ])
      .describe('The law, or general when the policy grants rights to everyone.'),
    appliesTo: Text.optional().describe('Who has these rights, e.g. "European residents".'),
    rights: z
      .array(
        z.strictObject({
          right: RightKind,
          description: Text.optional().describe('What the policy says about this right.'),
        }),
      )
      .min(1)
      .describe('The rights granted.'),
    notes: Notes.optional(),
  })
  .describe('Rights under one legal regime.');

/** People's rights and how to exercise them. */
export const Rights = z
  .strictObject({
    regimes: z.array(RightsRegime).min(1).describe('The rights, per legal regime.'),
    howToExercise: Text.describe('How a person exercises their rights.'),
    contact: ContactLink.optional().describe('Where requests go.'),
    responseTime: IsoDuration.optional().describe('How soon the vendor answers, e.g. P30D.'),
    responseTimeDescription: Text.optional().describe("The policy's words about response time."),
    complaints: Text.optional().describe('How to complain, including to a supervisory authority.'),
    notes: Notes.optional(),
  })
  .describe("People's rights and how to exercise them.");

/** Security measures and certifications. */
export const Security = z
  .strictObject({
    measures: z.array(Text).optional().describe('Security measures, one per entry.'),
    certifications: z
      .array(z.strictObject({ name: Text, url: ContactLink.optional(), notes: Notes.optional() }))
      .optional()
      .describe('Certifications and attestations, e.g. SOC 2 Type II, ISO 27001, Cloud Fortified.'),
    incidentNotification: Text.optional().describe('How customers are told about incidents.'),
    disclaimers: z.array(Text).optional().describe('Limits the vendor states on its guarantees.'),
    notes: Notes.optional(),
  })
  .describe('How data is protected.');

/** Who at the vendor can see customer data, and when. */
export const VendorAccess = z
  .strictObject({
    who: Text.describe('Who can access customer data, e.g. "Support and development staff".'),
    when: z.array(Text).optional().describe('The circumstances in which they access it.'),
    contractors: Text.optional().describe('Whether and how subcontractors are bound.'),
    notes: Notes.optional(),
  })
  .describe('Who at the vendor can access customer data.');

/** A titled section of plain paragraphs, for anything else the policy says. */
export const AdditionalSection = z
  .strictObject({
    title: Text,
    paragraphs: z.array(Text).min(1).describe('Plain paragraphs; no HTML, no Markdown.'),
  })
  .describe('A free-form section for anything else the policy says.');
