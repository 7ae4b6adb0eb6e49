import type { Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import { describeDuration } from '../present/retention.ts';
import { statedLegalBases } from '../present/stated.ts';
import type { DataCategory, Declaration } from '../schema/index.ts';
import {
  definitions,
  joinedList,
  labelledNote,
  notes,
  paragraph,
  run,
  runs,
  yesNo,
} from './blocks.ts';
import type { Block, Flow, Inline, Row, Section } from './model.ts';
import {
  encryptionText,
  legalBasesOf,
  purposeNames,
  recipientsOf,
  storedIn,
} from './references.ts';
import { retentionWords } from './retention.ts';

/** Labels of app words, each as a run. */
function wordsOf(values: string[]): Inline[] {
  return values.map((value) => [value]);
}

/** The row header: the name with its badges after it, then what it is and how to avoid it. */
function whatCell(category: DataCategory, translator: Translator): Flow {
  const locale = translator.locale;
  const badges: Inline = [
    ...(category.personal
      ? [{ kind: 'badge' as const, text: translator.t('label.personalBadge') }]
      : []),
    ...(category.sensitive
      ? [
          {
            kind: 'badge' as const,
            text: translator.t('label.sensitiveBadge'),
            tone: 'danger' as const,
          },
        ]
      : []),
    ...(category.collection === 'optional'
      ? [{ kind: 'badge' as const, text: translator.t('label.optionalBadge') }]
      : []),
  ];
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
function categoryDetails(category: DataCategory, translator: Translator): Block {
  const locale = translator.locale;
  const retention = category.retention;
  const duration = (period: string | undefined) =>
    period ? [describeDuration(period, translator)] : [];
  return {
    kind: 'heading',
    text: run(category.name, locale),
    card: true,
    platforms: category.platforms,
    blocks: [
      ...definitions(translator, [
        ['label.personal', yesNo(translator, category.personal)],
        ['label.sensitive', yesNo(translator, category.sensitive)],
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
        ['label.customerCanDisable', yesNo(translator, category.customerCanDisable)],
        ['label.retentionBasis', [label(translator, 'retentionBasis', retention.basis)]],
        ['label.retentionPeriod', duration(retention.period)],
        [
          'label.periodStarts',
          retention.after && [label(translator, 'retentionTrigger', retention.after)],
        ],
        ['label.deletionOnRequest', yesNo(translator, retention.deletableOnRequest)],
        ['label.backupsKeptFor', duration(retention.backups?.period)],
        ['label.retentionWords', run(retention.description, locale)],
        ['label.retentionNotes', runs(retention.notes, locale)],
        ['label.encryption', encryptionText(category, translator)],
      ]),
    ],
  };
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
      ...categories.map((category) => categoryDetails(category, translator)),
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
