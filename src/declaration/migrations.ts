import { CURRENT_SCHEMA_VERSION } from './schema/declaration.ts';

/**
 * Upgrades a stored or written declaration of an older `schemaVersion` to the current one.
 * Each entry takes a document of version N and returns one of version N + 1. There are none yet:
 * version 1 is the first. When the format changes, add `1: (doc) => ({ ...doc, schemaVersion: 2 })`
 * here and a test that an old document still reads.
 */
export const MIGRATIONS: Record<
  number,
  (document: Record<string, unknown>) => Record<string, unknown>
> = {};

/** Result of migrating an unknown value to the current schema version. */
export type MigrationResult = { ok: true; document: unknown } | { ok: false; message: string };

/** Brings `document` up to the current schema version, or says why it cannot. */
export function migrate(document: unknown): MigrationResult {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: true, document };
  }
  let current = document as Record<string, unknown>;
  let version = current.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: true, document };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schemaVersion ${version} is newer than this version of Privacy Disclosure understands (${CURRENT_SCHEMA_VERSION}); upgrade the app or CLI`,
    };
  }
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) {
      return {
        ok: false,
        message: `schemaVersion ${version} is not supported; write ${CURRENT_SCHEMA_VERSION}`,
      };
    }
    current = step(current);
    version = current.schemaVersion;
    if (typeof version !== 'number') {
      return { ok: false, message: 'a migration produced a document without schemaVersion' };
    }
  }
  return { ok: true, document: current };
}
