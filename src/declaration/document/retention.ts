import type { Translator } from '../i18n/index.ts';
import { describeRetentionBriefly, retentionSentences } from '../present/retention.ts';
import type { Retention } from '../schema/index.ts';
import { vendor } from './blocks.ts';
import { say } from './compose.ts';
import type { Inline } from './model.ts';

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
