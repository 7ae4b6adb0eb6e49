import { parseDuration } from '../duration.ts';
import type { Translator } from '../i18n/index.ts';
import type { Retention } from '../schema/index.ts';

/**
 * An ISO 8601 period in words, in the translator's language: P180D is "180 days", P1Y6M
 * "1 year and 6 months". A period that does not parse is shown as written.
 */
export function describeDuration(period: string, translator: Translator): string {
  const parts = parseDuration(period);
  if (!parts) return period;
  const words = [
    parts.years ? translator.plural('retention.duration.years', parts.years) : '',
    parts.months ? translator.plural('retention.duration.months', parts.months) : '',
    parts.weeks ? translator.plural('retention.duration.weeks', parts.weeks) : '',
    parts.days ? translator.plural('retention.duration.days', parts.days) : '',
  ].filter(Boolean);
  if (words.length === 0) return translator.plural('retention.duration.days', 0);
  return translator.list(words);
}

/** "180 days after the app is uninstalled", or "180 days" without a trigger; '' without a period. */
function periodPhrase(retention: Retention, translator: Translator): string {
  if (!retention.period) return '';
  const duration = describeDuration(retention.period, translator);
  if (!retention.after) return duration;
  return translator.t('retention.periodAfter', {
    duration,
    after: translator.t(`retention.after.${retention.after}`),
  });
}

/**
 * The retention's main phrase alone, e.g. "Kept while needed; deleted at the latest 180 days
 * after the subscription ends": what fits a summary, without the sentences on requests and
 * backups. It depends on the basis, the period and what starts it, and on nothing the vendor
 * wrote in words.
 */
export function describeRetentionBriefly(retention: Retention, translator: Translator): string {
  const period = periodPhrase(retention, translator);
  const brief = translator.t(`retention.brief.${retention.basis}`, { period });
  const bounded =
    period && retention.basis !== 'fixed-period' && retention.basis !== 'indefinitely';
  return bounded ? translator.t('retention.upperBound', { retention: brief, period }) : brief;
}

/**
 * The sentences that follow the main phrase when the declaration states them: earlier deletion
 * on request, and how much longer backup copies live.
 */
export function retentionSentences(retention: Retention, translator: Translator): string[] {
  const sentences: string[] = [];
  if (retention.deletableOnRequest && retention.basis !== 'until-deletion-request') {
    sentences.push(translator.t('retention.earlierDeletion'));
  }
  if (retention.backups?.period) {
    sentences.push(
      translator.t('retention.backupsLonger', {
        duration: describeDuration(retention.backups.period, translator),
      }),
    );
  }
  return sentences;
}
