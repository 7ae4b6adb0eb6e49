import { DisclosureError } from './errors.ts';

/**
 * Every record the disclosure stores as an object carries `recordVersion`: the shape of the
 * record, so that a release reads what an earlier one wrote and refuses, with a message that says
 * why, what a later one wrote (after a downgrade) instead of calling it damaged. The declaration
 * pieces are strings: the declaration they hold carries its own `schemaVersion`.
 *
 * Records from before this field existed are version 1: they have the same shape as version 1
 * records, so a missing field reads as 1.
 */

/**
 * The record version this release writes and the newest it reads. 2: version records (and the
 * publication records and pointer that copy them) may keep the version's material changes.
 */
export const CURRENT_RECORD_VERSION = 2;

/** The version of a record stored without the field: every record from before it existed. */
export const UNVERSIONED_RECORD_VERSION = 1;

/** One named step from one record version to the next, applied in memory when a record is read. */
export interface RecordMigration {
  /** A stable name, never reused: `record/<to-version>.<what>`. */
  id: string;
  /** The record version the step applies to; it answers the record at `from + 1`. */
  from: number;
  /** What it does, in a sentence. */
  description: string;
  up: (record: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Every record migration, in order. Add steps at the end and raise {@link CURRENT_RECORD_VERSION};
 * never rename or remove one.
 */
export const RECORD_MIGRATIONS: readonly RecordMigration[] = [
  {
    id: 'record/2.material-changes',
    from: 1,
    description:
      'Version records may keep the material changes computed at publication; a record from before has none, which reads as "not computed".',
    // Nothing to fill in: a version 1 record is a version 2 record without material changes. The
    // step exists so that a release that reads only version 1 refuses the new records as newer
    // (UNSUPPORTED_VERSION) instead of calling the unknown field damage.
    up: (record) => record,
  },
];

/** A record's refusal: written by a later release than this one. */
export function unsupported(what: string, found: string, upTo: string): DisclosureError {
  return new DisclosureError(
    'UNSUPPORTED_VERSION',
    `The stored ${what} was stored by a newer version of the app (${found}); this version reads up to ${upTo}. Upgrade the app to show it. Nothing was changed.`,
  );
}

/** The outcome of bringing a stored value to the current record version. */
export type RecordRead =
  { ok: true; value: unknown; applied: string[] } | { ok: false; error: DisclosureError | string };

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings a stored object to the current record version and takes the field off, so the record's
 * schema checks the rest: a missing version is {@link UNVERSIONED_RECORD_VERSION}, an older one is
 * migrated step by step, a newer one is refused (UNSUPPORTED_VERSION), and a version that is not
 * a whole number is a string to report as damage. Anything but an object is left to the schema.
 */
export function currentRecord(
  what: string,
  value: unknown,
  migrations: readonly RecordMigration[] = RECORD_MIGRATIONS,
  current: number = CURRENT_RECORD_VERSION,
): RecordRead {
  if (!isMapping(value)) return { ok: true, value, applied: [] };
  const { recordVersion = UNVERSIONED_RECORD_VERSION, ...rest } = value;
  if (typeof recordVersion !== 'number' || !Number.isInteger(recordVersion) || recordVersion < 1) {
    return { ok: false, error: 'recordVersion must be a whole number from 1' };
  }
  if (recordVersion > current) {
    return {
      ok: false,
      error: unsupported(what, `record version ${recordVersion}`, `record version ${current}`),
    };
  }
  let record = rest;
  const applied: string[] = [];
  for (let version = recordVersion; version < current; version += 1) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) return { ok: false, error: `no migration from record version ${version}` };
    record = step.up(record);
    applied.push(step.id);
  }
  return { ok: true, value: record, applied };
}

/** What is written: the record with the version this release writes. */
export function stamped<T>(value: T): T & { recordVersion: number } {
  return { recordVersion: CURRENT_RECORD_VERSION, ...value };
}
