import { run } from '../document/blocks.ts';
import {
  joinedComma,
  locationText,
  locationsOf,
  recipientText,
  recipientWhere,
  recipientsOf,
} from '../document/references.ts';
import { retentionWords } from '../document/retention.ts';
import { ENGLISH, type MessageKey, type Params, type Translator } from '../i18n/index.ts';
import { labels } from '../present/labels.ts';
import { summarize } from '../present/summary.ts';
import type { DataCategory, Declaration, Text } from '../schema/index.ts';
import { isolate } from './bidi.ts';
import { safeHref } from './links.ts';
import { oneLine } from './one-line.ts';
import { plainText } from './plain-text.ts';

/** One question of the Marketplace "Privacy & security" questionnaire with its derived answer. */
export interface MarketplaceAnswer {
  question: string;
  answer: string;
}

/** A message of the questionnaire, `document.marketplace.<key>` in the catalogue. */
type MarketplaceKey = MessageKey extends infer Key
  ? Key extends `document.marketplace.${infer Rest}`
    ? Rest
    : never
  : never;

/** Cloud data the app itself handles: the questionnaire is about the cloud app's End-User Data. */
function endUserData(declaration: Declaration): DataCategory[] {
  return declaration.dataCategories.filter(
    (category) =>
      category.platforms.includes('cloud') &&
      category.marketplaceClass !== 'not-end-user-data' &&
      (category.sources.includes('app-runtime') ||
        category.marketplaceClass === 'vendor-collected'),
  );
}

/**
 * An address as text in an answer: in its canonical form (`safeHref`), so that a form or page
 * that turns addresses into links finds exactly this one, with no space or bracket to end it.
 */
function address(href: string): string {
  return safeHref(href) ?? isolate(href);
}

/**
 * Answers for the Marketplace "Privacy & security" questionnaire (data access and storage,
 * third parties, data residency, retention, privacy and security), each derived from the
 * declaration so that the listing and the declaration cannot drift apart. In English unless a
 * translator says otherwise: the questionnaire itself is English.
 */
export function marketplaceAnswers(
  declaration: Declaration,
  translator: Translator = ENGLISH,
): MarketplaceAnswer[] {
  const t = (key: MarketplaceKey, params?: Params) =>
    translator.t(`document.marketplace.${key}`, params);
  const text = (value: Text | undefined) => plainText(run(value, translator.locale));
  const names = (categories: DataCategory[]) =>
    categories.map((category) => text(category.name)).join('; ');
  // A vendor's item may end with its own full stop; the answer's own one ends the list.
  const yesWith = (items: string[], none: string) =>
    items.length > 0
      ? t('yesWith', { items: items.map((item) => item.replace(/\.(\u2069?)$/, '$1')).join('; ') })
      : none;
  const eud = endUserData(declaration);
  const glance = summarize(declaration, translator.locale);
  const outside = eud.filter((category) =>
    locationsOf(declaration, category).some((location) => location.hostedBy !== 'atlassian'),
  );
  const sharedWith = [...new Set(eud.flatMap((category) => recipientsOf(declaration, category)))];
  const subprocessors = declaration.recipients.filter((r) => r.kind === 'subprocessor');
  const processedOutside = eud.filter(
    (category) => outside.includes(category) || recipientsOf(declaration, category).length > 0,
  );
  const locations = declaration.locations.map((location) =>
    plainText(locationText(location, translator)),
  );
  const certifications = (declaration.security?.certifications ?? []).map((c) => text(c.name));
  const regimes = labels(
    translator,
    'regime',
    declaration.rights.regimes.map((regime) => regime.regime),
  );
  const erasure =
    declaration.rights.regimes.some((regime) => regime.rights.some((r) => r.right === 'erasure')) ||
    declaration.dataCategories.some((c) => c.retention.deletableOnRequest);
  const { fullPolicyUrl, dpaUrl } = declaration.policy;
  return [
    { question: t('accessQuestion'), answer: yesWith(eud.length ? [names(eud)] : [], t('no')) },
    {
      question: t('processQuestion'),
      answer: yesWith(processedOutside.length ? [names(processedOutside)] : [], t('no')),
    },
    {
      question: t('storeQuestion'),
      answer: yesWith(outside.length ? [names(outside)] : [], t('no')),
    },
    {
      question: t('shareQuestion'),
      answer: yesWith(
        sharedWith.map((recipient) =>
          translator.t('value.labelled', {
            label: plainText(recipientText(recipient, translator)),
            value: text(recipient.purpose),
          }),
        ),
        t('no'),
      ),
    },
    {
      question: t('subprocessorsQuestion'),
      answer:
        subprocessors.length === 0
          ? t('none')
          : subprocessors
              .map((recipient) => {
                const where = plainText(
                  joinedComma(translator, recipientWhere(recipient, translator)),
                );
                return translator.t('value.withDetail', {
                  value: text(recipient.name),
                  detail: where || t('locationNotStated'),
                });
              })
              .join('; '),
    },
    {
      question: t('hostingQuestion'),
      answer: locations.length ? locations.join('; ') : t('storesNoData'),
    },
    { question: t('residencyQuestion'), answer: t(`residency.${glance.hosting.dataResidency}`) },
    {
      question: t('retentionQuestion'),
      answer: eud.length
        ? eud
            .map((category) =>
              translator.t('value.labelled', {
                label: text(category.name),
                value: plainText(retentionWords(category.retention, translator)),
              }),
            )
            .join('; ')
        : t('keepsNoData'),
    },
    {
      question: t('deletionQuestion'),
      answer: erasure
        ? t('deletionYes', { howToExercise: text(declaration.rights.howToExercise) })
        : t('noDeletionRight'),
    },
    { question: t('lawsQuestion'), answer: regimes.join(', ') },
    {
      question: t('policyQuestion'),
      answer: t('policyAnswer', {
        policy: fullPolicyUrl
          ? t('privacyPolicy', { url: address(fullPolicyUrl) })
          : t('noPrivacyPolicy'),
        dpa: dpaUrl ? t('dpa', { url: address(dpaUrl) }) : t('noDpa'),
      }),
    },
    {
      question: t('certificationsQuestion'),
      answer: certifications.length
        ? t('certified', { certifications: certifications.join(', ') })
        : t('noCertifications'),
    },
  ];
}

/**
 * The questionnaire answers as plain text: each question, its answer, and a blank line. Each
 * answer is one line (a line break in the vendor's text becomes a space), so no text can start
 * a "Q:" or "A:" line of its own.
 */
export function toMarketplaceAnswers(
  declaration: Declaration,
  translator: Translator = ENGLISH,
): string {
  return marketplaceAnswers(declaration, translator)
    .map(({ question, answer }) => `Q: ${question}\nA: ${oneLine(answer)}\n`)
    .join('\n');
}
