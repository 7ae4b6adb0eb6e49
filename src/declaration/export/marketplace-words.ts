import { run } from '../document/blocks.ts';
import type { MessageKey, Params, Translator } from '../i18n/index.ts';
import type { Text } from '../schema/index.ts';
import { isolate } from './bidi.ts';
import { safeHref } from './links.ts';
import { plainText } from './plain-text.ts';

/** A message of the questionnaire, `document.marketplace.<key>` in the catalogue. */
export type MarketplaceKey = MessageKey extends infer Key
  ? Key extends `document.marketplace.${infer Rest}`
    ? Rest
    : never
  : never;

/** The words an answer is made of, in the translator's language. */
export interface AnswerWords {
  translator: Translator;
  t(key: MarketplaceKey, params?: Params): string;
  text(value: Text | undefined): string;
  /** "Yes. a; b." with each item's own closing full stop dropped, or `none`. */
  yesWith(items: string[], none: string): string;
}

/**
 * A phrase without its closing full stop (inside the isolate that sets the vendor's text
 * apart, too), for a phrase that the answer goes on after: a list item, a part in brackets.
 */
export function withoutFullStop(phrase: string): string {
  return phrase.replace(/\.(\u2069?)$/, '$1');
}

/** The words of the questionnaire's answers in the translator's language. */
export function answerWords(translator: Translator): AnswerWords {
  const t = (key: MarketplaceKey, params?: Params) =>
    translator.t(`document.marketplace.${key}`, params);
  // A vendor's item may end with its own full stop; the answer's own one ends the list.
  const items = (values: string[]) => values.map(withoutFullStop).join('; ');
  return {
    translator,
    t,
    text: (value) => plainText(run(value, translator.locale)),
    yesWith: (values, none) => (values.length > 0 ? t('yesWith', { items: items(values) }) : none),
  };
}

/**
 * An address as text in an answer: in its canonical form (`safeHref`), so that a form or page
 * that turns addresses into links finds exactly this one, with no space or bracket to end it.
 */
export function address(href: string): string {
  return safeHref(href) ?? isolate(href);
}
