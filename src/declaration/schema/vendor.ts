import { z } from 'zod';
import { ContactLink, CountryCode, Email, HttpsUrl, Notes, Text } from './primitives.ts';

/** A named person or role at the vendor, such as a privacy officer or DPO. */
export const Officer = z
  .strictObject({
    role: Text.describe('Their role, e.g. "Data Protection Officer" or "Privacy Officer".'),
    name: Text.optional().describe('Their name, when the policy gives it.'),
    email: Email.optional().describe('Their e-mail address.'),
    url: HttpsUrl.optional().describe('A page or form to reach them.'),
    description: Text.optional().describe("What they do, in the policy's words."),
  })
  .describe('A named person or role at the vendor responsible for privacy.');

/** A channel through which customers reach the vendor's support. */
export const SupportChannel = z
  .strictObject({
    kind: z
      .enum(['email', 'portal', 'chat', 'phone', 'community', 'form', 'other'])
      .describe('What kind of channel this is.'),
    label: Text.describe('What the channel is called, e.g. "Service Desk customer portal".'),
    link: ContactLink.optional().describe('Where to find it: an https:// link or mailto: address.'),
  })
  .describe('A way customers reach the vendor for support.');

/** The company that makes the app and answers for its data. */
export const Vendor = z
  .strictObject({
    legalName: Text.optional().describe(
      'The registered legal name, e.g. "TechTime Initiative Group Limited". Leave out only when the policy does not name the company, and say so in notes.',
    ),
    tradingName: Text.optional().describe('The name the vendor trades under, if different.'),
    country: CountryCode.optional().describe('Country where the vendor is established.'),
    registeredAddress: Text.optional().describe('The registered office address.'),
    website: HttpsUrl.optional().describe("The vendor's website."),
    privacyContact: ContactLink.optional().describe(
      'Where privacy questions and requests go: mailto: address or https:// page.',
    ),
    privacyOfficer: Officer.optional().describe('A privacy officer or Data Protection Officer.'),
    supportChannels: z.array(SupportChannel).optional().describe('Ways to reach support.'),
    notes: Notes.optional(),
  })
  .describe('The company that makes the app and is responsible for the data it collects.');
