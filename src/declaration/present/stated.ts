import type { Translator } from '../i18n/index.ts';
import type { DataCategory, LegalBasis } from '../schema/index.ts';

/**
 * The legal bases worth listing: "not stated" beside a real basis reads as a contradiction, so it
 * is shown only when it is the only answer. Duplicates are dropped, first mention wins.
 */
export function statedLegalBases(bases: readonly LegalBasis[]): LegalBasis[] {
  const unique = [...new Set(bases)];
  const real = unique.filter((basis) => basis !== 'not-stated');
  return real.length > 0 ? real : unique;
}

/**
 * Whether a category's storage is known: `stated` when it names locations, `not-stored` only when
 * its retention says the data is not stored, and otherwise `not-stated` (the policy does not say
 * where, which is not the same as "not stored").
 */
export function storageOf(category: DataCategory): 'stated' | 'not-stored' | 'not-stated' {
  if ((category.storedIn ?? []).length > 0) return 'stated';
  return category.retention.basis === 'not-stored' ? 'not-stored' : 'not-stated';
}

/**
 * The policy's version label for reading: the format's `not-stated` becomes "Not stated" in the
 * translator's language; any other label is the vendor's and is shown as written.
 */
export function policyVersionText(version: string, translator: Translator): string {
  return version === 'not-stated' ? translator.t('value.notStated') : version;
}
