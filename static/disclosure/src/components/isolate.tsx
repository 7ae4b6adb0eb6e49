import type { ReactNode } from 'react';
import { canChangeDirection } from '@declaration/export/bidi.ts';

/*
 * Declaration text is the vendor's, and it sits among the app's own words. Where it can change
 * direction (a right-to-left letter, an explicit override), it is shown in a `<bdi>`: its
 * direction is then taken from its own first strong letter (Hebrew or Arabic reads right to
 * left), and any override or embedding it leaves open (U+202E) ends with the element instead of
 * turning the app's words after it around. Text without any of those reads left to right like
 * the app's words, so it is shown as it is, as the HTML export shows it: an isolate would change
 * nothing, and each one makes the browser resolve the direction of its whole paragraph, which on
 * a long declaration costs more layout time than the rest of the page (an element of its own
 * for each of a few thousand texts costs a fifth of it too). Text in another language than the
 * page's is marked with its language, for screen readers. The document model's vendor runs are
 * rendered so (blocks/Inline); `isolate` is for the interactive parts that show declaration text
 * themselves.
 */

/** One piece of declaration text among the app's words (isolated where it must be). */
export function VendorText({ text, lang }: { text: string; lang?: string | undefined }) {
  if (canChangeDirection(text)) return <bdi lang={lang}>{text}</bdi>;
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/** One piece of declaration text, isolated where it must be; nothing when it is empty. */
export function isolate(value: string | undefined | null): ReactNode {
  return value ? <VendorText text={value} /> : null;
}

/**
 * For the few places that can hold only text (an `<option>`, an attribute): the same isolation
 * with Unicode's first-strong isolate and pop directional isolate characters.
 */
export function isolateText(value: string): string {
  return `\u2068${value}\u2069`;
}
