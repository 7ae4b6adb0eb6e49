import {
  joinedComma,
  locationText,
  recipientText,
  recipientWhere,
  recipientsOf,
} from '../document/references.ts';
import { retentionWords } from '../document/retention.ts';
import { ENGLISH, type Translator } from '../i18n/index.ts';
import { labels } from '../present/labels.ts';
import { describeBoundedDuration } from '../present/retention.ts';
import { storageOf } from '../present/stated.ts';
import { summarize } from '../present/summary.ts';
import type { DataCategory, Declaration } from '../schema/index.ts';
import {
  byStatus,
  cloudLocations,
  coversCloud,
  endUserData,
  residencyGroups,
  statesResidencyPerCategory,
  storedOutside,
} from './marketplace-facts.ts';
import { marketplaceSecurity } from './marketplace-security.ts';
import {
  address,
  answerWords,
  statusAnswer,
  withNotStated,
  withoutFullStop,
  type AnswerWords,
  type Named,
} from './marketplace-words.ts';
import { oneLine } from './one-line.ts';
import { plainText } from './plain-text.ts';

/** One question of the Marketplace "Privacy & security" questionnaire with its derived answer. */
export interface MarketplaceAnswer {
  question: string;
  answer: string;
}

/** Whether the data follows data residency, per kind of data where the declaration says so. */
function residencyAnswer(
  declaration: Declaration,
  eud: DataCategory[],
  words: AnswerWords,
): string {
  if (!statesResidencyPerCategory(declaration)) {
    const glance = summarize(declaration, words.translator.locale);
    return words.t(`residency.${glance.hosting.dataResidency}`);
  }
  const { groups, contradicted } = residencyGroups(declaration, eud);
  const names = (categories: DataCategory[]) =>
    categories.map((category) => words.text(category.name)).join('; ');
  const following = groups['in-scope'].filter((category) => !contradicted.includes(category));
  const parts = [
    following.length ? words.t('residencyGroup.in-scope', { categories: names(following) }) : '',
    contradicted.length
      ? words.t('residencyGroup.not-following', { categories: names(contradicted) })
      : '',
    ...(['global', 'excluded', 'not-stated'] as const).map((group) =>
      groups[group].length
        ? words.t(`residencyGroup.${group}`, { categories: names(groups[group]) })
        : '',
    ),
  ].filter(Boolean);
  const stored = Object.values(groups).flat().length;
  if (stored === 0) return words.t('keepsNoData');
  if (groups['not-stated'].length === stored) return words.t('residency.not-stated');
  const verdict = following.length === stored ? 'yes' : following.length > 0 ? 'partly' : 'no';
  return words.t(`residencyAnswer.${verdict}`, { groups: parts.join('; ') });
}

/** Whether deletion can be asked for, how, and how long backups still hold deleted data. */
function deletionAnswer(declaration: Declaration, eud: DataCategory[], words: AnswerWords): string {
  const { regimes, howToExercise } = declaration.rights;
  const erasure =
    (regimes !== 'not-stated' &&
      regimes.some((regime) => regime.rights.some((r) => r.right === 'erasure'))) ||
    declaration.dataCategories.some((c) => c.retention.deletableOnRequest);
  if (!erasure) return words.t('noDeletionRight');
  const answer = howToExercise
    ? words.t('deletionYes', { howToExercise: words.text(howToExercise) })
    : words.t('deletionYesHowNotStated');
  const backups = eud.flatMap((category) => {
    const after = category.retention.backups?.afterDeletion;
    if (!after?.period) return [];
    const period = describeBoundedDuration(
      after.period,
      after.bound ?? 'at-most',
      words.translator,
    );
    return [
      words.translator.t('value.labelled', { label: words.text(category.name), value: period }),
    ];
  });
  return backups.length
    ? words.t('deletionBackups', { answer, items: backups.join('; ') })
    : answer;
}

/** Whether the logs hold End-User Data, each log with how long it is kept. */
function logsAnswer(declaration: Declaration, words: AnswerWords): string {
  const logs = (declaration.logs ?? []).filter(
    (log) => !log.platforms || log.platforms.includes('cloud'),
  );
  if (logs.length === 0) return words.t('logsNotStated');
  const named = (log: (typeof logs)[number]): Named => ({
    name: words.text(log.name),
    detail: log.retention ? plainText(retentionWords(log.retention, words.translator)) : undefined,
  });
  return statusAnswer(
    words,
    byStatus(logs, (log) => log.endUserData, named),
  );
}

/** The questions about the Cloud app's data. */
type DataQuestion =
  | 'accessQuestion'
  | 'personalQuestion'
  | 'processQuestion'
  | 'storeQuestion'
  | 'shareQuestion'
  | 'hostingQuestion'
  | 'residencyQuestion'
  | 'retentionQuestion'
  | 'logsQuestion';

/** The answers about the Cloud app's data. */
function dataAnswers(declaration: Declaration, words: AnswerWords): Record<DataQuestion, string> {
  const { t, text, yesWith, translator } = words;
  const eud = endUserData(declaration);
  const names = (categories: DataCategory[]) => categories.map((c) => text(c.name)).join('; ');
  const outside = eud.filter((category) => storedOutside(declaration, category) === 'yes');
  const unknown = eud.filter((category) => storedOutside(declaration, category) === 'not-stated');
  const processed = eud.filter(
    (category) => outside.includes(category) || recipientsOf(declaration, category).length > 0,
  );
  const sharedWith = [...new Set(eud.flatMap((category) => recipientsOf(declaration, category)))];
  const locations = cloudLocations(declaration).map((location) =>
    plainText(locationText(location, translator)),
  );
  return {
    accessQuestion: yesWith(eud.length ? [names(eud)] : [], t('no')),
    personalQuestion: statusAnswer(
      words,
      byStatus(
        eud,
        (category) => category.personal,
        (category) => ({ name: text(category.name) }),
      ),
    ),
    processQuestion: withNotStated(
      words,
      yesWith(processed.length ? [names(processed)] : [], t('no')),
      unknown.filter((c) => !processed.includes(c)).map((c) => text(c.name)),
    ),
    storeQuestion: withNotStated(
      words,
      yesWith(outside.length ? [names(outside)] : [], t('no')),
      unknown.map((c) => text(c.name)),
    ),
    shareQuestion: yesWith(
      sharedWith.map((recipient) =>
        translator.t('value.labelled', {
          label: plainText(recipientText(recipient, translator)),
          value: text(recipient.purpose),
        }),
      ),
      t('no'),
    ),
    hostingQuestion: locations.length
      ? locations.join('; ')
      : eud.some((category) => storageOf(category) === 'not-stated')
        ? t('hostingNotStated')
        : t('storesNoData'),
    residencyQuestion: residencyAnswer(declaration, eud, words),
    retentionQuestion: eud.length
      ? eud
          .map((category) =>
            translator.t('value.labelled', {
              label: text(category.name),
              value: withoutFullStop(plainText(retentionWords(category.retention, translator))),
            }),
          )
          .join('; ')
      : t('keepsNoData'),
    logsQuestion: logsAnswer(declaration, words),
  };
}

/**
 * Answers for the Marketplace "Privacy & security" questionnaire (data access and storage,
 * personal data, third parties, data residency, retention, logging, deletion, vendor access,
 * privacy laws, security), each derived from the declaration so that the listing and the
 * declaration cannot drift apart, and none claiming more than it: where the declaration is
 * silent the answer says "not stated". In English unless a translator says otherwise: the
 * questionnaire itself is English.
 */
export function marketplaceAnswers(
  declaration: Declaration,
  translator: Translator = ENGLISH,
): MarketplaceAnswer[] {
  const words = answerWords(translator);
  const { t, text } = words;
  const eud = endUserData(declaration);
  // Without the Cloud app in the declaration, nothing in it answers for the Cloud app's data.
  const covered = coversCloud(declaration);
  const data = dataAnswers(declaration, words);
  const about = (question: DataQuestion): MarketplaceAnswer => ({
    question: t(question),
    answer: covered ? data[question] : t('cloudNotCovered'),
  });
  const subprocessors = declaration.recipients.filter((r) => r.kind === 'subprocessor');
  const { regimes } = declaration.rights;
  const { fullPolicyUrl, dpaUrl } = declaration.policy;
  const security = marketplaceSecurity(declaration, words);
  return [
    about('accessQuestion'),
    about('personalQuestion'),
    about('processQuestion'),
    about('storeQuestion'),
    about('shareQuestion'),
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
    about('hostingQuestion'),
    about('residencyQuestion'),
    about('retentionQuestion'),
    about('logsQuestion'),
    { question: t('deletionQuestion'), answer: deletionAnswer(declaration, eud, words) },
    security.staffAccess,
    {
      question: t('lawsQuestion'),
      answer:
        regimes === 'not-stated'
          ? t('lawsNotStated')
          : labels(
              translator,
              'regime',
              regimes.map((regime) => regime.regime),
            ).join(', '),
    },
    {
      question: t('policyQuestion'),
      answer: t('policyAnswer', {
        policy: fullPolicyUrl
          ? t('privacyPolicy', { url: address(fullPolicyUrl) })
          : t('noPrivacyPolicy'),
        dpa: dpaUrl ? t('dpa', { url: address(dpaUrl) }) : t('noDpa'),
      }),
    },
    security.certifications,
    security.cloudFortified,
    security.programmes,
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
