import { describe, expect, it } from 'vitest';
import {
  ENGLISH,
  policyVersionText,
  statedLegalBases,
  storageOf,
  type Declaration,
} from '@declaration';
import { loadExample } from '../../examples/load-example.ts';

const techtime = loadExample('test/declaration/present/fixtures/techtime-user-management.yaml');
const category = (declaration: Declaration, id: string) =>
  declaration.dataCategories.find((c) => c.id === id)!;

describe('statedLegalBases', () => {
  it('drops "not stated" beside real bases, keeping their order', () => {
    expect(statedLegalBases(['contract', 'not-stated', 'legitimate-interests', 'consent'])).toEqual(
      ['contract', 'legitimate-interests', 'consent'],
    );
  });

  it('keeps "not stated" when it is the only answer, once', () => {
    expect(statedLegalBases(['not-stated', 'not-stated'])).toEqual(['not-stated']);
  });
});

describe('storageOf', () => {
  it('says "not stated" when a kept category names no location (TechTime survey responses)', () => {
    expect(category(techtime, 'survey-responses').storedIn).toBeUndefined();
    expect(storageOf(category(techtime, 'survey-responses'))).toBe('not-stated');
  });

  it('says "not stored" only when the retention says so (TechTime product usage)', () => {
    expect(storageOf(category(techtime, 'product-usage'))).toBe('not-stored');
  });

  it('says "stated" when the category names where it is kept', () => {
    expect(storageOf(category(techtime, 'runtime-user-data'))).toBe('stated');
  });
});

describe('policyVersionText', () => {
  it('shows a policy without a version label as "Not stated", and real labels as written', () => {
    expect(policyVersionText('not-stated', ENGLISH)).toBe('Not stated');
    expect(policyVersionText('2024-02-28', ENGLISH)).toBe('2024-02-28');
  });
});
