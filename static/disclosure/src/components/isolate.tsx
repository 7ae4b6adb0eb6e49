import type { ReactNode } from 'react';

/*
 * Declaration text is the vendor's, and it sits among the app's own words. In a `<bdi>` its
 * direction is taken from its own first strong letter (Hebrew or Arabic reads right to left), and
 * any override or embedding it leaves open (U+202E) ends with the element instead of turning the
 * app's words after it around. The document model's vendor runs are rendered so (blocks/Inline);
 * these are for the interactive parts that show declaration text themselves.
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
