/** Presentation helpers: words and at-a-glance facts for people reading a declaration. */
export { countryName, localize, translationFor, type Translation } from './localize.ts';
export { label, labels, type LabelKind, type Labels } from './labels.ts';
export {
  describeBoundedDuration,
  describeDuration,
  describeRetentionBriefly,
  retentionSentences,
} from './retention.ts';
export { briefRetentionKey, summarize, type AtAGlance } from './summary.ts';
export { marketplacePrivacyUrl } from './marketplace-url.ts';
export { policyVersionText, statedLegalBases, storageOf } from './stated.ts';
