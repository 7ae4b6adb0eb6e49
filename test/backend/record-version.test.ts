import { describe, expect, it } from 'vitest';
import {
  CURRENT_RECORD_VERSION,
  currentRecord,
  RECORD_MIGRATIONS,
  stamped,
  type RecordMigration,
} from '../../src/backend/record-version.ts';
import { parseStored, StoredReviewRecord, toStored } from '../../src/backend/records.ts';

const REVIEW = {
  version: 2,
  accountId: '557058:f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f607',
  reviewedAt: '2026-06-02T10:00:00.000Z',
};

/** A step as a later release might add one: the next version names the product the review was in. */
const NEXT = CURRENT_RECORD_VERSION + 1;
const TEST_MIGRATION: RecordMigration = {
  id: `record/${NEXT}.review-product`,
  from: CURRENT_RECORD_VERSION,
  description: 'Reviews name the product they were recorded in; earlier ones in Jira.',
  up: (record) => ({ ...record, product: 'jira' }),
};

describe('record versions', () => {
  it('read a record without the field as version 1, the shape stored before the field', () => {
    expect(currentRecord('review', REVIEW)).toEqual({
      ok: true,
      value: REVIEW,
      applied: ['record/2.material-changes'],
    });
    expect(parseStored(StoredReviewRecord, 'review', REVIEW)).toEqual({ ok: true, data: REVIEW });
    expect(parseStored(StoredReviewRecord, 'review', { recordVersion: 1, ...REVIEW })).toEqual({
      ok: true,
      data: REVIEW,
    });
  });

  it('are written on every record object, and taken off when it is read back', () => {
    const stored = toStored(StoredReviewRecord, 'review', REVIEW);
    expect(stored).toEqual({ recordVersion: CURRENT_RECORD_VERSION, ...REVIEW });
    expect(parseStored(StoredReviewRecord, 'review', stored)).toEqual({ ok: true, data: REVIEW });
    expect(toStored(StoredReviewRecord, 'review', stored)).toEqual(stored);
  });

  it('migrate an older record step by step, by name, with the table given', () => {
    const read = currentRecord('review', stamped(REVIEW), [TEST_MIGRATION], NEXT);
    expect(read).toEqual({
      ok: true,
      value: { ...REVIEW, product: 'jira' },
      applied: [`record/${NEXT}.review-product`],
    });
    expect(currentRecord('review', REVIEW, [TEST_MIGRATION], NEXT)).toEqual({
      ok: false,
      error: 'no migration from record version 1',
    });
  });

  it('refuse a newer record with the versions, and call a version that is no number damage', () => {
    const newer = currentRecord('value "head:current"', { ...REVIEW, recordVersion: 4 });
    expect(newer.ok).toBe(false);
    if (newer.ok || typeof newer.error === 'string') throw new Error('not refused as newer');
    expect(newer.error.code).toBe('UNSUPPORTED_VERSION');
    expect(newer.error.message).toBe(
      `The stored value "head:current" was stored by a newer version of the app (record version 4); this version reads up to record version ${CURRENT_RECORD_VERSION}. Upgrade the app to show it. Nothing was changed.`,
    );
    for (const recordVersion of ['1', 0, 1.5, null]) {
      const read = parseStored(StoredReviewRecord, 'review', { ...REVIEW, recordVersion });
      expect(read.ok || read.error.code).toBe('CORRUPT_DATA');
    }
  });

  it('read a version record from before material changes as one without them', () => {
    const step = RECORD_MIGRATIONS.find(
      (migration) => migration.id === 'record/2.material-changes',
    );
    const record = {
      meta: { version: 1, contentHash: 'a'.repeat(64) },
      chunkCount: 1,
    };
    expect(step?.from).toBe(1);
    expect(step?.up(structuredClone(record))).toEqual(record);
  });

  it('have one migration into every version up to the current one, each with its own id', () => {
    const froms = RECORD_MIGRATIONS.map((migration) => migration.from);
    expect(froms).toEqual(Array.from({ length: CURRENT_RECORD_VERSION - 1 }, (_, i) => i + 1));
    const ids = RECORD_MIGRATIONS.map((migration) => migration.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every step runs when the oldest record is read.
    const oldest = currentRecord('review', REVIEW);
    expect(oldest.ok && oldest.applied).toEqual(ids);
  });
});
