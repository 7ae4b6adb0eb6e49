import type { Translator } from '../i18n/index.ts';
import { describeRetentionBriefly, retentionSentences } from '../present/retention.ts';
import type { Declaration, Retention } from '../schema/index.ts';
import type { definitions } from './blocks.ts';
import { joinedList, run, runs, vendor } from './blocks.ts';
import { say } from './compose.ts';
import type { Inline } from './model.ts';
import { locationNames } from './references.ts';

/**
 * Plain words for a retention, e.g. "Deleted 180 days after the app is uninstalled", "Kept until
 * you ask for deletion", "Kept while needed; deleted at the latest 180 days after the
 * subscription ends", with earlier deletion on request and backups when the declaration states
 * them. The policy's own words about backups end it as a sentence of their own, set apart as
 * the vendor's. Several sentences read as prose and end like it; one phrase stays a phrase.
 */
export function retentionWords(retention: Retention, translator: Translator): Inline {
  const sentences: Inline[] = [
    [describeRetentionBriefly(retention, translator)],
    ...retentionSentences(retention, translator).map((sentence) => [sentence]),
  ];
  const backups = vendor(retention.backups?.description, translator.locale);
  // The sentence's own full stop ends it, so the vendor's is dropped rather than doubled.
  if (backups) sentences.push([{ ...backups, text: backups.text.replace(/\.$/, '') }]);
  if (sentences.length === 1) return sentences[0]!;
  return sentences
    .map((text) => say(translator, 'retention.sentence', { text }))
    .reduce((previous, next) => say(translator, 'retention.nextSentence', { previous, next }));
}

/** Rows of a definition list, as `definitions` takes them. */
type Rows = Parameters<typeof definitions>[1];

/**
 * The rows a retention needs beside its words (`retentionWords`), which give its periods but
 * not the rest: the policy's words on backups after deletion, where the backups are kept (by
 * name), the retention in the policy's own words and the notes on it. A row is left out where
 * the declaration says nothing.
 */
export function retentionDetailRows(
  declaration: Declaration,
  retention: Retention,
  translator: Translator,
): Rows {
  const locale = translator.locale;
  const backups = retention.backups;
  return [
    ['label.backupsAfterDeletion', run(backups?.afterDeletion?.description, locale)],
    [
      'label.backupLocations',
      joinedList(translator, locationNames(declaration, backups?.storedIn, translator)),
    ],
    ['label.retentionWords', run(retention.description, locale)],
    ['label.retentionNotes', runs(retention.notes, locale)],
  ];
}
