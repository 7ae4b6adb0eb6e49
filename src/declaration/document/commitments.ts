import type { Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import { describeDuration } from '../present/retention.ts';
import type { Declaration } from '../schema/index.ts';
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

/** People's rights per legal regime, and how to exercise them. */
export function rightsSection(declaration: Declaration, translator: Translator): Section {
  const rights = declaration.rights;
  const locale = translator.locale;
  const regimes: Block[] = rights.regimes.map((regime) => ({
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
  const responseTime = rights.responseTime
    ? say(translator, 'value.answeredWithin', {
        duration: describeDuration(rights.responseTime, translator),
      })
    : [];
  return {
    id: 'rights',
    title: translator.t('section.rights'),
    blocks: [
      ...regimes,
      {
        kind: 'heading',
        text: [translator.t('label.howToExercise')],
        blocks: [
          ...paragraph(run(rights.howToExercise, locale)),
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

/** Security measures, certifications, incident notification and stated limits; null without. */
export function securitySection(declaration: Declaration, translator: Translator): Section | null {
  const security = declaration.security;
  if (!security) return null;
  const locale = translator.locale;
  const certifications = (security.certifications ?? []).map((certification): Flow => {
    const name = run(certification.name, locale);
    return [
      ...paragraph(certification.url ? link(certification.url, name) : name),
      ...notes(translator, certification.notes, locale),
    ];
  });
  const blocks: Block[] = [
    ...headed(translator, 'label.measures', list(runs(security.measures, locale))),
    ...headed(
      translator,
      'label.certifications',
      certifications.length > 0 ? [{ kind: 'list', items: certifications }] : [],
    ),
    ...headed(translator, 'label.incidents', paragraph(run(security.incidentNotification, locale))),
    ...headed(translator, 'label.limits', list(runs(security.disclaimers, locale))),
    ...notes(translator, security.notes, locale),
  ];
  // A security block with nothing in it would be a heading over nothing.
  if (blocks.length === 0) return null;
  return { id: 'security', title: translator.t('section.security'), blocks };
}

/** Who at the vendor can see customer data, and when; null when the declaration does not say. */
export function vendorAccessSection(
  declaration: Declaration,
  translator: Translator,
): Section | null {
  const access = declaration.vendorAccess;
  if (!access) return null;
  const locale = translator.locale;
  return {
    id: 'vendor-access',
    title: translator.t('section.vendorAccess'),
    blocks: [
      ...headed(translator, 'label.who', paragraph(run(access.who, locale))),
      ...headed(translator, 'label.when', list(runs(access.when, locale))),
      ...headed(translator, 'label.contractors', paragraph(run(access.contractors, locale))),
      ...notes(translator, access.notes, locale),
    ],
  };
}
