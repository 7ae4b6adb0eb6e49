/** Presentation helpers: plain words and at-a-glance facts for people reading a declaration. */
export { countryName, localize } from './localize.ts';
export { LABELS, type Labels } from './labels.ts';
export { describeDuration, describeRetention, describeRetentionBriefly } from './retention.ts';
export { summarize, type AtAGlance } from './summary.ts';
export { marketplacePrivacyUrl } from './marketplace-url.ts';
export { NOT_STATED, policyVersionText, statedLegalBases, storageOf } from './stated.ts';
