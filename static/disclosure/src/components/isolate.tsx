import { Fragment, type ReactNode } from 'react';
import { formatListParts, useLocale } from '../i18n/index.ts';

/*
 * Declaration text is the vendor's, and it sits among the app's own words. In a `<bdi>` its
 * direction is taken from its own first strong letter (Hebrew or Arabic reads right to left), and
 * any override or embedding it leaves open (U+202E) ends with the element instead of turning the
 * app's words after it around. Every piece of declaration text on the page is rendered through
 * one of these.
 */

/** One piece of declaration text, isolated; nothing when it is empty. */
export function isolate(value: string | undefined | null): ReactNode {
  return value ? <bdi>{value}</bdi> : null;
}

/**
 * For the few places that can hold only text (an `<option>`, an attribute): the same isolation
 * with Unicode's first-strong isolate and pop directional isolate characters.
 */
export function isolateText(value: string): string {
  return `\u2068${value}\u2069`;
}

/**
 * Pieces of declaration text joined by the app's separator (", ", ": "), each isolated; empty
 * pieces are left out, so "provider, service" never reads ", service". Nothing when all are.
 */
export function joined(parts: (string | undefined | null)[], separator: string): ReactNode {
  const present = parts.filter((part): part is string => !!part);
  if (present.length === 0) return null;
  return (
    <>
      {present.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && separator}
          <bdi>{part}</bdi>
        </Fragment>
      ))}
    </>
  );
}

/**
 * A list in the viewer's words ("a, b and c") whose items are each isolated, so that an item
 * cannot turn the list's commas and "and" around, nor the items after it.
 */
export function ListOf({ items }: { items: string[] }) {
  const { locale } = useLocale();
  return (
    <>
      {formatListParts(items, locale).map((part, index) =>
        part.kind === 'item' ? <bdi key={index}>{part.value}</bdi> : part.value,
      )}
    </>
  );
}
