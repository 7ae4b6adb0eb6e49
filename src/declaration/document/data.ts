import type { MessageKey, Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import { describeBoundedDuration } from '../present/retention.ts';
import { statedLegalBases } from '../present/stated.ts';
import type {
  DataCategory,
  Declaration,
  Encryption,
  PeriodBound,
  PersonalStatus,
  Retention,
} from '../schema/index.ts';
import {
  definitions,
  headed,
  joinedList,
  labelled,
  labelledNote,
  notes,
  paragraph,
  run,
  runs,
  yesNo,
} from './blocks.ts';
import { say } from './compose.ts';
import type { BadgeRun, Block, Flow, Inline, Row, Section } from './model.ts';
import {
  encryptionText,
  legalBasesOf,
  locationNames,
  purposeNames,
  recipientNames,
  recipientsOf,
  storedIn,
} from './references.ts';
import { retentionWords } from './retention.ts';

/** Labels of app words, each as a run. */
function wordsOf(values: string[]): Inline[] {
  return values.map((value) => [value]);
}

/**
 * The badges after a category's name: "Personal data", "May contain personal data" or "Personal
 * data: not stated" (silence is said, not read as "no"), the same for sensitive data where the
 * policy says it is or may be, and "Optional".
 */
function badgesOf(category: DataCategory, translator: Translator): BadgeRun[] {
  const badge = (key: MessageKey, tone?: 'danger'): BadgeRun =>
    tone
      ? { kind: 'badge', text: translator.t(key), tone }
      : { kind: 'badge', text: translator.t(key) };
  const badges: BadgeRun[] = [];
  const personal = PERSONAL_BADGES[category.personal];
  if (personal) badges.push(badge(personal));
  const sensitive = SENSITIVE_BADGES[category.sensitive];
  if (sensitive) badges.push(badge(sensitive, 'danger'));
  if (category.collection === 'optional') badges.push(badge('label.optionalBadge'));
  return badges;
}

const PERSONAL_BADGES: Record<PersonalStatus, MessageKey | null> = {
  yes: 'label.personalBadge',
  'may-contain': 'label.mayContainPersonalBadge',
  'not-stated': 'label.personalNotStatedBadge',
  no: null,
};

// "Sensitive: not stated" on most rows would drown the badges that matter; the card says it.
const SENSITIVE_BADGES: Record<PersonalStatus, MessageKey | null> = {
  yes: 'label.sensitiveBadge',
  'may-contain': 'label.mayContainSensitiveBadge',
  'not-stated': null,
  no: null,
};

/** The row header: the name with its badges after it, then what it is and how to avoid it. */
function whatCell(category: DataCategory, translator: Translator): Flow {
  const locale = translator.locale;
  const badges = badgesOf(category, translator);
  // Spaces between the name and each badge: they read apart, and a badge that wraps starts flush.
  const name: Inline = [...run(category.name, locale), ...badges.flatMap((badge) => [' ', badge])];
  return [
    { kind: 'paragraph', content: name },
    ...paragraph(run(category.description, locale), { note: true }),
    ...labelledNote(
      translator,
      'label.examples',
      joinedList(translator, runs(category.examples, locale)),
    ),
    ...labelledNote(translator, 'label.howToDisable', run(category.howToDisable, locale)),
    ...notes(translator, category.notes, locale),
  ];
}

function whyCell(declaration: Declaration, category: DataCategory, translator: Translator): Flow {
  const bases = labels(translator, 'legalBasis', legalBasesOf(declaration, category));
  return [
    ...paragraph(purposeNames(declaration, category, translator)),
    ...labelledNote(translator, 'label.legalBasis', joinedList(translator, wordsOf(bases))),
  ];
}

function categoryRow(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
): Row {
  const recipients = recipientsOf(declaration, category).map((recipient) =>
    run(recipient.name, translator.locale),
  );
  const cell = (content: Inline): Flow => [{ kind: 'paragraph', content }];
  return {
    key: `category-${category.id}`,
    platforms: category.platforms,
    cells: [
      whatCell(category, translator),
      cell(joinedList(translator, wordsOf(labels(translator, 'dataSubject', category.subjects)))),
      whyCell(declaration, category, translator),
      cell(joinedList(translator, storedIn(declaration, category, translator))),
      cell(retentionWords(category.retention, translator)),
      cell(
        recipients.length > 0 ? joinedList(translator, recipients) : [translator.t('value.nobody')],
      ),
    ],
  };
}

/** The facts of a category that its row does not give: how it is collected, kept and protected. */
function categoryDetails(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
): Block {
  const locale = translator.locale;
  const retention = category.retention;
  const handling = category.handling;
  return {
    kind: 'heading',
    text: run(category.name, locale),
    key: `details-${category.id}`,
    card: true,
    platforms: category.platforms,
    blocks: [
      ...definitions(translator, [
        ['label.personal', [label(translator, 'personalStatus', category.personal)]],
        ['label.sensitive', [label(translator, 'personalStatus', category.sensitive)]],
        [
          'label.sources',
          joinedList(translator, wordsOf(labels(translator, 'dataSource', category.sources))),
        ],
        [
          'label.collectedBy',
          category.collectedBy && [label(translator, 'collectedBy', category.collectedBy)],
        ],
        [
          'label.marketplaceClass',
          category.marketplaceClass && [
            label(translator, 'marketplaceClass', category.marketplaceClass),
          ],
        ],
        [
          'label.platforms',
          joinedList(translator, wordsOf(labels(translator, 'platform', category.platforms))),
        ],
        ['label.collection', [label(translator, 'collection', category.collection)]],
        ['label.collectedByDefault', yesNo(translator, handling?.collectedByDefault)],
        ['label.onlyWhenConfigured', run(handling?.onlyWhenConfigured, locale)],
        ['label.customerCanDisable', yesNo(translator, category.customerCanDisable)],
        [
          'label.forms',
          joinedList(translator, wordsOf(labels(translator, 'dataForm', handling?.forms ?? []))),
        ],
        [
          'label.storedOnlyBy',
          joinedList(translator, recipientNames(declaration, handling?.storedOnlyBy, translator)),
        ],
        ['label.sizeLimit', run(handling?.sizeLimit, locale)],
        ['label.handlingNotes', runs(handling?.notes, locale)],
        [
          'label.categoryResidency',
          category.residency && [label(translator, 'categoryResidency', category.residency)],
        ],
        ...retentionRows(declaration, retention, translator),
        ['label.encryption', encryptionText(category, translator)],
        ...encryptionRows(category.encryption, translator),
      ]),
      ...platformDifferences(declaration, category, translator),
    ],
  };
}

type Rows = Parameters<typeof definitions>[1];

/** The retention of a category, a fact a row: basis, period with its bound, start, backups. */
function retentionRows(
  declaration: Declaration,
  retention: Retention,
  translator: Translator,
): Rows {
  const locale = translator.locale;
  const backups = retention.backups;
  const afterDeletion = backups?.afterDeletion;
  const bounded = (period: string | undefined, bound: PeriodBound | undefined): Inline =>
    period ? [describeBoundedDuration(period, bound, translator)] : [];
  return [
    ['label.retentionBasis', [label(translator, 'retentionBasis', retention.basis)]],
    ['label.retentionPeriod', bounded(retention.period, retention.bound)],
    [
      'label.periodStarts',
      retention.after && [label(translator, 'retentionTrigger', retention.after)],
    ],
    ['label.deletionOnRequest', yesNo(translator, retention.deletableOnRequest)],
    ['label.backupsKeptFor', bounded(backups?.period, backups?.bound)],
    [
      'label.backupsAfterDeletion',
      [
        bounded(afterDeletion?.period, afterDeletion?.bound ?? 'at-most'),
        run(afterDeletion?.description, locale),
      ],
    ],
    [
      'label.backupLocations',
      joinedList(translator, locationNames(declaration, backups?.storedIn, translator)),
    ],
    ['label.retentionWords', run(retention.description, locale)],
    ['label.retentionNotes', runs(retention.notes, locale)],
  ];
}

/** What the policy names about the encryption: method, protocol, keys, fields, notes. */
function encryptionRows(encryption: Encryption | undefined, translator: Translator): Rows {
  const locale = translator.locale;
  return [
    ['label.atRestMethod', run(encryption?.atRestMethod, locale)],
    ['label.inTransitProtocol', run(encryption?.inTransitProtocol, locale)],
    ['label.keyManagement', run(encryption?.keyManagement, locale)],
    ['label.fieldLevel', runs(encryption?.fieldLevel, locale)],
    ['label.encryptionNotes', runs(encryption?.notes, locale)],
  ];
}

/**
 * Where a category is kept differently on a platform ("On Data Center: stored in the
 * customer's Jira database; kept while the app is installed"), under a heading of its own.
 */
function platformDifferences(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
): Block[] {
  const locale = translator.locale;
  return headed(
    translator,
    'label.platformDifferences',
    definitions(
      translator,
      (category.platformDifferences ?? []).map((difference) => {
        const retention = difference.retention;
        const places = locationNames(declaration, difference.storedIn, translator);
        return [
          say(translator, 'value.onPlatform', {
            platform: label(translator, 'platform', difference.platform),
          }),
          [
            labelled(translator, 'label.storedInOnPlatform', joinedList(translator, places)),
            retention
              ? labelled(
                  translator,
                  'label.retentionOnPlatform',
                  retentionWords(retention, translator),
                )
              : [],
            labelled(
              translator,
              'label.backupsAfterDeletion',
              run(retention?.backups?.afterDeletion?.description, locale),
            ),
            labelled(
              translator,
              'label.backupLocations',
              joinedList(
                translator,
                locationNames(declaration, retention?.backups?.storedIn, translator),
              ),
            ),
            labelled(translator, 'label.retentionWords', run(retention?.description, locale)),
            ...runs(retention?.notes, locale),
            run(difference.statement, locale),
          ],
        ];
      }),
    ),
  );
}

/**
 * What is collected: a row per kind of data (what, whose, why, where, how long, shared with),
 * then the rest of what the declaration says about each kind.
 */
export function dataSection(declaration: Declaration, translator: Translator): Section {
  const categories = declaration.dataCategories;
  const title = translator.t('section.dataCollected');
  if (categories.length === 0) {
    return {
      id: 'data-collected',
      title,
      blocks: paragraph([translator.t('value.noDataCollected')], { testId: 'no-data-collected' }),
    };
  }
  return {
    id: 'data-collected',
    title,
    blocks: [
      {
        kind: 'table',
        caption: translator.t('label.dataTable'),
        testId: 'data-table',
        columns: [
          { label: translator.t('label.what') },
          { label: translator.t('label.whose') },
          { label: translator.t('label.why') },
          { label: translator.t('label.whereStored') },
          { label: translator.t('label.howLong'), testId: 'retention' },
          { label: translator.t('label.sharedWith') },
        ],
        rows: categories.map((category) => categoryRow(declaration, category, translator)),
      },
      ...categories.map((category) => categoryDetails(declaration, category, translator)),
    ],
  };
}

/** Why data is processed, with the lawful bases. */
export function purposesSection(declaration: Declaration, translator: Translator): Section {
  const locale = translator.locale;
  return {
    id: 'purposes',
    title: translator.t('section.purposes'),
    blocks: declaration.purposes.map((purpose) => ({
      kind: 'heading',
      text: run(purpose.name, locale),
      blocks: [
        ...definitions(translator, [
          ['label.whatFor', run(purpose.description, locale)],
          [
            'label.legalBasis',
            joinedList(
              translator,
              wordsOf(labels(translator, 'legalBasis', statedLegalBases(purpose.legalBasis ?? []))),
            ),
          ],
          ['label.legalBasisNote', run(purpose.legalBasisNote, locale)],
        ]),
        ...notes(translator, purpose.notes, locale),
      ],
    })),
  };
}
