import { z } from 'zod';
import { IsoDuration, Notes, Text } from './primitives.ts';

/**
 * What keeps data or ends it. `fixed-period` needs a `period`; the others may still carry a
 * `period` as an upper bound ("deleted when no longer needed, at the latest 180 days after...").
 */
export const RetentionBasis = z
  .enum([
    'fixed-period',
    'until-purpose-fulfilled',
    'until-deletion-request',
    'while-account-active',
    'while-subscribed',
    'while-installed',
    'indefinitely',
    'not-stored',
    'not-stated',
  ])
  .describe(
    'What the retention depends on: fixed-period (needs period and after), until-purpose-fulfilled, until-deletion-request, while-account-active, while-subscribed, while-installed (kept while the app is installed on the site), indefinitely, not-stored (processed transiently), not-stated.',
  );

/** The event that starts a retention period's clock. */
export const RetentionTrigger = z
  .enum([
    'collection',
    'last-activity',
    'uninstall',
    'subscription-end',
    'account-closure',
    'contract-end',
    'deletion-request',
  ])
  .describe('The event that starts the clock for the period.');

/** How long backups keep a copy after the live data is gone. */
export const BackupRetention = z
  .strictObject({
    period: IsoDuration.optional().describe('How long a backup copy lives.'),
    description: Text.optional().describe('What the policy says about backups.'),
  })
  .describe('How long backup copies are kept.');

/** How long a kind of data is kept, and what ends it. */
export const Retention = z
  .strictObject({
    basis: RetentionBasis,
    period: IsoDuration.optional().describe(
      'For fixed-period, how long; for other bases, the longest the data may be kept.',
    ),
    after: RetentionTrigger.optional().describe('What starts the clock for period.'),
    deletableOnRequest: z
      .boolean()
      .optional()
      .describe('Whether the customer or person can ask for earlier deletion.'),
    backups: BackupRetention.optional(),
    description: Text.optional().describe("The policy's own words about this retention."),
    notes: Notes.optional(),
  })
  .superRefine((retention, ctx) => {
    if (retention.basis === 'fixed-period' && !retention.period) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'a fixed-period retention needs a period such as P180D',
      });
    }
    if (retention.period && !retention.after) {
      ctx.addIssue({
        code: 'custom',
        path: ['after'],
        message: 'a period needs "after": the event that starts the clock (e.g. uninstall)',
      });
    }
    if (
      (retention.basis === 'not-stored' || retention.basis === 'indefinitely') &&
      retention.period
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: `a period does not fit basis "${retention.basis}"`,
      });
    }
  })
  .describe('How long the data is kept and what ends it.');
