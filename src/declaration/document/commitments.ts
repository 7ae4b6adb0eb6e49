import type { Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import { describeDuration } from '../present/retention.ts';
import type { Declaration, Rights } from '../schema/index.ts';
import {
  headed,
  joinedList,
  labelled,
  labelledNote,
  link,
  list,
  notes,
  paragraph,
  run,
  runs,
  sentences,
  withDetail,
} from './blocks.ts';
import { hasText, say } from './compose.ts';
import type { Block, Flow, Section } from './model.ts';

/** What the vendor says it does not collect, with exceptions; null when it says nothing. */
export function notCollectedSection(
  declaration: Declaration,
  translator: Translator,
): Section | null {
  const items = declaration.notCollected ?? [];
  if (items.length === 0) return null;
  const locale = translator.locale;
  return {
    id: 'not-collected',
    title: translator.t('section.notCollected'),
    blocks: [
      {
        kind: 'list',
        items: items.map((item): Flow => [
          {
            kind: 'paragraph',
            content: withDetail(
              translator,
              run(item.what, locale),
              joinedList(
                translator,
                labels(translator, 'platform', item.platforms ?? []).map((p) => [p]),
              ),
            ),
          },
          ...labelledNote(translator, 'label.exceptions', run(item.exceptions, locale)),
          ...notes(translator, item.notes, locale),
        ]),
      },
    ],
  };
}

/** Promises the vendor makes, e.g. never selling personal data; null when it makes none. */
export function commitmentsSection(
  declaration: Declaration,
  translator: Translator,
): Section | null {
  const commitments = runs(declaration.commitments, translator.locale);
  if (commitments.length === 0) return null;
  return {
    id: 'commitments',
    title: translator.t('section.commitments'),
    blocks: list(commitments),
  };
}

/** The rights under each regime the policy names, or that it names none. */
function regimeBlocks(rights: Rights, translator: Translator): Block[] {
  const locale = translator.locale;
  if (rights.regimes === 'not-stated') return paragraph([translator.t('value.noRightsNamed')]);
  return rights.regimes.map((regime) => ({
    kind: 'heading',
    text: [label(translator, 'regime', regime.regime)],
    blocks: [
      ...paragraph(labelled(translator, 'label.appliesTo', run(regime.appliesTo, locale))),
      ...list(
        regime.rights.map((right) => {
          const name = [label(translator, 'right', right.right)];
          const description = run(right.description, locale);
          return hasText(description)
            ? say(translator, 'value.labelled', { label: name, value: description })
            : name;
        }),
      ),
      ...notes(translator, regime.notes, locale),
    ],
  }));
}

/**
 * People's rights per legal regime, and how to exercise them. Where the policy names no rights or
 * does not say how to exercise them, the section says so rather than leaving a gap.
 */
export function rightsSection(declaration: Declaration, translator: Translator): Section {
  const rights = declaration.rights;
  const locale = translator.locale;
  const responseTime = rights.responseTime
    ? say(translator, 'value.answeredWithin', {
        duration: describeDuration(rights.responseTime, translator),
      })
    : [];
  const howToExercise = run(rights.howToExercise, locale);
  return {
    id: 'rights',
    title: translator.t('section.rights'),
    blocks: [
      ...regimeBlocks(rights, translator),
      {
        kind: 'heading',
        text: [translator.t('label.howToExercise')],
        blocks: [
          ...paragraph(
            hasText(howToExercise) ? howToExercise : [translator.t('value.howToExerciseNotStated')],
          ),
          ...paragraph(
            labelled(
              translator,
              'label.sendRequestsTo',
              link(rights.contact, undefined, 'rights-contact'),
            ),
          ),
          ...paragraph(
            sentences(translator, responseTime, run(rights.responseTimeDescription, locale)),
          ),
        ],
      },
      ...headed(translator, 'label.complaints', paragraph(run(rights.complaints, locale))),
      ...notes(translator, rights.notes, locale),
    ],
  };
}
