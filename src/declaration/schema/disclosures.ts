import { z } from 'zod';
import {
  ContactLink,
  CountryCode,
  Id,
  IsoDuration,
  Notes,
  PersonalStatus,
  Platform,
  Text,
  Tristate,
} from './primitives.ts';
import { Retention } from './retention.ts';

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
    regimes: z
      .union([z.literal('not-stated'), z.array(RightsRegime).min(1)])
      .describe('The rights, per legal regime, or not-stated when the policy names no rights.'),
    howToExercise: Text.optional().describe(
      'How a person exercises their rights; leave out when the policy does not say.',
    ),
    contact: ContactLink.optional().describe('Where requests go.'),
    responseTime: IsoDuration.optional().describe('How soon the vendor answers, e.g. P30D.'),
    responseTimeDescription: Text.optional().describe("The policy's words about response time."),
    complaints: Text.optional().describe('How to complain, including to a supervisory authority.'),
    notes: Notes.optional(),
  })
  .describe("People's rights and how to exercise them.");

/** A certification or attestation, and what it covers. */
export const Certification = z
  .strictObject({
    name: Text.describe('e.g. "SOC 2 Type II" or "ISO/IEC 27001:2022".'),
    covers: z
      .array(Text)
      .optional()
      .describe('The apps or parts of the company it covers, when not all of them.'),
    url: ContactLink.optional(),
    notes: Notes.optional(),
  })
  .describe('A certification or attestation.');

/** A bug bounty or vulnerability disclosure programme. */
export const SecurityProgramme = z
  .strictObject({
    kind: z
      .enum(['bug-bounty', 'vulnerability-disclosure'])
      .describe('bug-bounty (researchers are paid) or vulnerability-disclosure (how to report).'),
    platform: Text.optional().describe(
      'Where it runs, e.g. "Bugcrowd" or "Atlassian Marketplace Bug Bounty".',
    ),
    url: ContactLink.optional(),
    scope: Text.optional().describe('What it covers.'),
  })
  .describe('A bug bounty or vulnerability disclosure programme.');

/** Security measures, certifications and programmes. */
export const Security = z
  .strictObject({
    measures: z.array(Text).optional().describe('Security measures, one per entry.'),
    certifications: z
      .array(Certification)
      .optional()
      .describe('Certifications and attestations, e.g. SOC 2 Type II, ISO 27001.'),
    cloudFortified: z
      .strictObject({
        status: Tristate.describe('Whether the app is Cloud Fortified.'),
        apps: z
          .array(Text)
          .optional()
          .describe('Which apps are, when the declaration covers several.'),
      })
      .optional()
      .describe("Atlassian's Cloud Fortified programme."),
    programmes: z
      .array(SecurityProgramme)
      .optional()
      .describe('Bug bounty and vulnerability disclosure programmes.'),
    securityContact: ContactLink.optional().describe('Where security issues are reported.'),
    penetrationTests: z
      .strictObject({
        frequency: z
          .enum(['continuous', 'quarterly', 'twice-a-year', 'yearly', 'on-release', 'not-stated'])
          .optional()
          .describe(
            'How often: continuous, quarterly, twice-a-year, yearly, on-release, or not-stated.',
          ),
        by: z
          .enum(['internal', 'third-party', 'both', 'not-stated'])
          .optional()
          .describe('Who runs them.'),
        description: Text.optional(),
      })
      .optional()
      .describe('Penetration tests.'),
    incidentNotification: Text.optional().describe('How customers are told about incidents.'),
    disclaimers: z.array(Text).optional().describe('Limits the vendor states on its guarantees.'),
    notes: Notes.optional(),
  })
  .describe('How data is protected.');

/** Why vendor staff access customer data. */
export const AccessCircumstance = z
  .enum([
    'support-request',
    'monitoring',
    'maintenance',
    'incident',
    'legal-demand',
    'customer-consent',
    'never',
    'other',
  ])
  .describe(
    'support-request, monitoring, maintenance, incident, legal-demand, customer-consent, never, or other.',
  );

/** One role's access to some kinds of data. */
export const AccessGrant = z
  .strictObject({
    role: Text.describe('Who, e.g. "Support engineers".'),
    categories: z
      .union([z.literal('all'), z.array(Id).min(1)])
      .describe('Ids of the data categories they can access, or all.'),
    access: z
      .enum(['none', 'read', 'write', 'not-stated'])
      .describe('none, read, write (includes read), or not-stated.'),
    circumstances: z.array(AccessCircumstance).min(1).describe('When they access it.'),
    platforms: z.array(Platform).optional().describe('Platforms this applies to.'),
    conditions: Text.optional().describe(
      'Conditions, e.g. "only with the customer\'s written permission".',
    ),
  })
  .describe("One role's access to customer data.");

/** Who at the vendor can see customer data, and when. */
export const VendorAccess = z
  .strictObject({
    who: Text.optional().describe(
      'Who can access customer data, e.g. "Support and development staff".',
    ),
    grants: z
      .array(AccessGrant)
      .optional()
      .describe('Which roles access which data, when, and how.'),
    when: z.array(Text).optional().describe('The circumstances in which they access it.'),
    contractors: Text.optional().describe('Whether and how subcontractors are bound.'),
    notes: Notes.optional(),
  })
  .superRefine((access, ctx) => {
    if (access.who === undefined && !access.grants?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['grants'],
        message: 'vendor access needs who or grants: which roles can access which data',
      });
    }
  })
  .describe('Who at the vendor can access customer data.');

/** A log the app or vendor keeps: what goes in it, where, for how long, and who reads it. */
export const Log = z
  .strictObject({
    id: Id,
    name: Text.describe('e.g. "Application logs" or "Access logs".'),
    holds: Text.describe('What each entry holds.'),
    examples: z
      .array(Text)
      .optional()
      .describe('Fields logged, e.g. "request path", "account id".'),
    endUserData: PersonalStatus.describe(
      'Whether the log contains end-user data: yes, no, may-contain, or not-stated.',
    ),
    storedIn: z.array(Id).optional().describe('Ids of the locations where the log is kept.'),
    retention: Retention.optional(),
    readableBy: z
      .array(Text)
      .optional()
      .describe(
        'Who can read it, e.g. "the app\'s developers through the Forge developer console".',
      ),
    platforms: z.array(Platform).optional().describe('Platforms this log exists on.'),
    notes: Notes.optional(),
  })
  .describe('A log kept by the app or the vendor.');

/** A titled section of plain paragraphs, for anything else the policy says. */
export const AdditionalSection = z
  .strictObject({
    title: Text,
    paragraphs: z.array(Text).min(1).describe('Plain paragraphs; no HTML, no Markdown.'),
  })
  .describe('A free-form section for anything else the policy says.');
