import { parseDuration } from '../duration.ts';
import type { Translator } from '../i18n/index.ts';
import type { PeriodBound, Retention } from '../schema/index.ts';

/**
 * An ISO 8601 period in words, in the translator's language: P180D is "180 days", P1Y6M
 * "1 year and 6 months", PT1H "1 hour", PT30M "30 minutes". Each unit takes the plural form
 * `Intl.PluralRules` picks for the language, joined by `Intl.ListFormat`. A period that does not
 * parse is shown as written.
 */
export function describeDuration(period: string, translator: Translator): string {
  const parts = parseDuration(period);
  if (!parts) return period;
  const words = [
    parts.years ? translator.plural('retention.duration.years', parts.years) : '',
    parts.months ? translator.plural('retention.duration.months', parts.months) : '',
    parts.weeks ? translator.plural('retention.duration.weeks', parts.weeks) : '',
    parts.days ? translator.plural('retention.duration.days', parts.days) : '',
    parts.hours ? translator.plural('retention.duration.hours', parts.hours) : '',
    parts.minutes ? translator.plural('retention.duration.minutes', parts.minutes) : '',
    parts.seconds ? translator.plural('retention.duration.seconds', parts.seconds) : '',
  ].filter(Boolean);
  if (words.length === 0) return translator.plural('retention.duration.days', 0);
  return translator.list(words);
}

/**
 * A period with how it is meant: "at most 180 days", "at least 1 month", "about 1 year",
 * "exactly 30 days"; the period alone when the declaration gives no bound.
 */
export function describeBoundedDuration(
  period: string,
  bound: PeriodBound | undefined,
  translator: Translator,
): string {
  const duration = describeDuration(period, translator);
  return bound ? translator.t(`retention.bound.${bound}`, { duration }) : duration;
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
 * after the subscription ends", or "Kept at least 30 days after collection": what fits a
 * summary, without the sentences on requests and backups. It depends on the basis, the period,
 * its bound and what starts it, and on nothing the vendor wrote in words.
 */
export function describeRetentionBriefly(retention: Retention, translator: Translator): string {
  const period = periodPhrase(retention, translator);
  const bound = retention.bound;
  if (!period || retention.basis === 'indefinitely') {
    return translator.t(`retention.brief.${retention.basis}`, { period });
  }
  if (retention.basis === 'fixed-period') {
    return bound
      ? translator.t(`retention.fixedBound.${bound}`, { period })
      : translator.t('retention.brief.fixed-period', { period });
  }
  // Any other basis carries its period as a limit: "at the latest" unless the bound says otherwise.
  const brief = translator.t(`retention.brief.${retention.basis}`, { period });
  return !bound || bound === 'at-most'
    ? translator.t('retention.upperBound', { retention: brief, period })
    : translator.t(`retention.limit.${bound}`, { retention: brief, period });
}

/**
 * The sentences that follow the main phrase when the declaration states them: earlier deletion
 * on request, how long backup copies live, and how long backups still hold the data after it
 * is deleted.
 */
export function retentionSentences(retention: Retention, translator: Translator): string[] {
  const sentences: string[] = [];
  if (retention.deletableOnRequest && retention.basis !== 'until-deletion-request') {
    sentences.push(translator.t('retention.earlierDeletion'));
  }
  const backups = retention.backups;
  if (backups?.period) {
    const duration = describeDuration(backups.period, translator);
    sentences.push(
      backups.bound
        ? translator.t(`retention.backupsFor.${backups.bound}`, { duration })
        : translator.t('retention.backupsLonger', { duration }),
    );
  }
  const afterDeletion = backups?.afterDeletion;
  if (afterDeletion?.period) {
    sentences.push(
      translator.t(`retention.backupsAfterDeletion.${afterDeletion.bound ?? 'at-most'}`, {
        duration: describeDuration(afterDeletion.period, translator),
      }),
    );
  }
  return sentences;
}
