/**
 * Dates, numbers and lists formatted for the host's locale with `Intl`. Inputs come from storage
 * or the declaration, so a value `Intl` cannot format is shown as written rather than thrown on.
 */

/** A calendar date (YYYY-MM-DD) in the locale, e.g. "8 Nov 2023"; the date is not shifted by time zone. */
export function formatDate(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return isoDate;
  }
}

/** A timestamp (ISO 8601) in the locale and the viewer's time zone, e.g. "8 Nov 2023, 14:05". */
export function formatDateTime(isoTimestamp: string, locale: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      date,
    );
  } catch {
    return isoTimestamp;
  }
}

/** A whole number in the locale, e.g. "1,234" or "1.234". */
export function formatNumber(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(value);
  } catch {
    return String(value);
  }
}

/** A list joined for the locale, e.g. "Belgium, Germany and the United States". */
export function formatList(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * A list for the locale as its parts, in order: each item, and the locale's own words between
 * them (", ", " and "), so that the items can be rendered apart from those words.
 */
export function formatListParts(
  items: string[],
  locale: string,
): { kind: 'item' | 'literal'; value: string }[] {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })
      .formatToParts(items)
      .map((part) => ({ kind: part.type === 'element' ? 'item' : 'literal', value: part.value }));
  } catch {
    return items.flatMap((value, index) => [
      ...(index > 0 ? [{ kind: 'literal' as const, value: ', ' }] : []),
      { kind: 'item' as const, value },
    ]);
  }
}
