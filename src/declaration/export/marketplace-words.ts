import { run } from '../document/blocks.ts';
import type { MessageKey, Params, Translator } from '../i18n/index.ts';
import type { Text } from '../schema/index.ts';
import type { ByStatus } from './marketplace-facts.ts';
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

/** "Yes. a; b." for what is so, with "Not stated for: c." after it for what nobody says. */
export function withNotStated(words: AnswerWords, answer: string, unknown: string[]): string {
  if (unknown.length === 0) return answer;
  const items = unknown.join('; ');
  return answer === words.t('no')
    ? words.t('notStatedFor', { items })
    : words.t('andNotStated', { answer, items });
}

/** Something the questionnaire names, and what follows its name ("Application logs: ..."). */
export interface Named {
  name: string;
  detail?: string;
}

/**
 * Yes for what says yes, "Possibly" where it only may contain it, No when all say no, and the
 * ones that say nothing named as not stated: an answer never claims more than its items do.
 */
export function statusAnswer(words: AnswerWords, groups: ByStatus<Named>): string {
  const shown = (item: Named, name = item.name) =>
    item.detail ? words.translator.t('value.labelled', { label: name, value: item.detail }) : name;
  const yes = groups.yes.map((item) => shown(item));
  const maybe = groups['may-contain'].map((item) =>
    shown(item, words.t('mayContainIt', { item: item.name })),
  );
  const answer =
    yes.length > 0
      ? words.yesWith([...yes, ...maybe], words.t('no'))
      : maybe.length > 0
        ? words.t('maybeWith', { items: maybe.map(withoutFullStop).join('; ') })
        : words.t('no');
  return withNotStated(
    words,
    answer,
    groups['not-stated'].map((item) => withoutFullStop(shown(item))),
  );
}
