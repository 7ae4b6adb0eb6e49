import { parseDuration } from '../duration.ts';
import type { Retention, RetentionTrigger } from '../schema/index.ts';
import { localize } from './localize.ts';

const AFTER: Record<RetentionTrigger, string> = {
  collection: 'after collection',
  'last-activity': 'after the last activity',
  uninstall: 'after the app is uninstalled',
  'subscription-end': 'after the subscription ends',
  'account-closure': 'after the account is closed',
  'contract-end': 'after the contract ends',
  'deletion-request': 'after a deletion request',
};

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** An ISO 8601 period in words: P180D → "180 days", P1Y6M → "1 year and 6 months". */
export function describeDuration(period: string): string {
  const parts = parseDuration(period);
  if (!parts) return period;
  const words = [
    parts.years ? plural(parts.years, 'year') : '',
    parts.months ? plural(parts.months, 'month') : '',
    parts.weeks ? plural(parts.weeks, 'week') : '',
    parts.days ? plural(parts.days, 'day') : '',
  ].filter(Boolean);
  if (words.length === 0) return '0 days';
  if (words.length === 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "180 days after the app is uninstalled", or just "180 days" without a trigger. */
function periodPhrase(retention: Retention): string {
  if (!retention.period) return '';
  const after = retention.after ? ` ${AFTER[retention.after]}` : '';
  return `${describeDuration(retention.period)}${after}`;
}

/**
 * The retention's main phrase alone, e.g. "Kept while needed; deleted at the latest 180 days after
 * the subscription ends": what fits a summary, without the sentences on requests and backups.
 */
export function describeRetentionBriefly(retention: Retention): string {
  const upperBound = retention.period ? `; deleted at the latest ${periodPhrase(retention)}` : '';
  switch (retention.basis) {
    case 'fixed-period':
      return `Deleted ${periodPhrase(retention)}`;
    case 'until-purpose-fulfilled':
      return `Kept while needed${upperBound}`;
    case 'until-deletion-request':
      return `Kept until you ask for deletion${upperBound}`;
    case 'while-account-active':
      return `Kept while the account is active${upperBound}`;
    case 'while-subscribed':
      return `Kept while the subscription lasts${upperBound}`;
    case 'while-installed':
      return `Kept while the app is installed${upperBound}`;
    case 'indefinitely':
      return 'Kept indefinitely';
    case 'not-stored':
      return 'Not stored';
    case 'not-stated':
      return `Not stated${upperBound}`;
  }
}

/**
 * Plain words for a retention, e.g. "Deleted 180 days after the app is uninstalled",
 * "Kept until you ask for deletion", "Kept while needed; deleted at the latest 180 days after the
 * subscription ends", "Not stored", "Kept indefinitely"; mentions earlier deletion on request and
 * backups when the declaration states them.
 */
export function describeRetention(retention: Retention, locale = 'en'): string {
  const sentences = [describeRetentionBriefly(retention)];
  if (retention.deletableOnRequest && retention.basis !== 'until-deletion-request') {
    sentences.push('You can ask for earlier deletion');
  }
  const backups = retention.backups;
  if (backups?.period) {
    sentences.push(`Backup copies are kept up to ${describeDuration(backups.period)} longer`);
  }
  const backupWords = localize(backups?.description, locale);
  // The policy's own words about backups read as a sentence of their own.
  if (backupWords) sentences.push(backupWords.replace(/\.$/, ''));
  // Several sentences read as prose and end like it; a single phrase stays a table-cell phrase.
  return sentences.length > 1 ? `${sentences.join('. ')}.` : (sentences[0] ?? '');
}
