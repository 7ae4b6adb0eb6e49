import type { Translator } from '../i18n/index.ts';

/**
 * A calendar date (YYYY-MM-DD) in the reader's language, e.g. "Feb 28, 2024" or "28.02.2024",
 * never shifted by a time zone. A value `Intl` cannot format is shown as written.
 */
export function formatDate(isoDate: string, translator: Translator): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return new Intl.DateTimeFormat(translator.locale, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return isoDate;
  }
}
