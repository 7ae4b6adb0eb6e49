import { z } from 'zod';
import { isZeroDuration } from '../duration.ts';
import { Id, IsoDuration, Notes, PeriodBound, Text } from './primitives.ts';

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
    'not-stated',
  ])
  .describe(
    'The event that starts the clock for the period, or not-stated when the policy gives a period but not what starts it.',
  );

/** How often backups are taken. */
export const BackupFrequency = z
  .enum(['continuous', 'hourly', 'daily', 'weekly', 'monthly', 'not-stated'])
  .describe(
    'How often a backup is taken: continuous, hourly, daily, weekly, monthly or not-stated.',
  );

/** How long backups keep a copy of this kind of data. */
export const BackupRetention = z
  .strictObject({
    period: IsoDuration.optional().describe('How long a backup copy lives.'),
    bound: PeriodBound.optional().describe(
      'Whether period is an upper or lower bound (default at-most).',
    ),
    afterDeletion: z
      .strictObject({
        period: IsoDuration.optional().describe(
          'How long backups still hold the data after the live copy is deleted or the app is uninstalled.',
        ),
        bound: PeriodBound.optional(),
        description: Text.optional(),
      })
      .optional()
      .describe('Data kept only as backups after deletion or uninstall, and for how long.'),
    storedIn: z
      .array(Id)
      .optional()
      .describe(
        'Ids of the locations that hold the backups, when they are locations of their own.',
      ),
    description: Text.optional().describe('What the policy says about backups.'),
  })
  .describe('How long backup copies of this data are kept.');

/** How long a kind of data is kept, and what ends it. */
export const Retention = z
  .strictObject({
    basis: RetentionBasis,
    period: IsoDuration.optional().describe(
      'For fixed-period, how long; for other bases, the longest the data may be kept. Periods shorter than a day (PT1H) are allowed.',
    ),
    bound: PeriodBound.optional().describe(
      'Whether period is an upper bound (at-most, the default), a lower bound, exact or approximate.',
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
    if (retention.period && isZeroDuration(retention.period)) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: `a zero period (${retention.period}) keeps nothing: use basis "not-stored" for data that is processed but not kept`,
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
