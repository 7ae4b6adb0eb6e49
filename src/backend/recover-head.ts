import type { StorageContext } from './context.ts';
import { DisclosureError } from './errors.ts';
import { recordShownVersions } from './migrate-published.ts';
import { storedOrNull, StoredPublication, toStored, type StoredVersionRecord } from './records.ts';
import { listVersionRecords, loadFrom, parsePublication, versionEntries } from './repository.ts';

/**
 * Rebuilds a missing or damaged pointer: the newest version that was published (its publication
 * record is there) and whose declaration loads completely; its publication record is written back
 * as the pointer. A version record without a publication record belongs to a publication that
 * never finished and is never served. Null when no version can be served.
 *
 * Storage from before publication records holds none at all: then, as before them, the newest
 * complete version is served, and every version up to it is recorded as shown (each one was).
 */
export async function recoverCurrent(
  context: StorageContext,
  damaged: boolean,
): Promise<StoredPublication | null> {
  const { records } = await listVersionRecords(context);
  let anyPublication = false;
  let newestComplete: StoredVersionRecord | null = null;
  for (const record of records) {
    const { version } = record.meta;
    const entries = await versionEntries(context, version);
    const publication = parsePublication(
      context,
      record,
      entries.get(context.keys.published(version)),
    );
    anyPublication ||= publication !== null;
    try {
      await loadFrom(context, record, entries);
    } catch (error) {
      if (!(error instanceof DisclosureError) || error.code !== 'CORRUPT_DATA') throw error;
      context.report(`Version ${version} cannot be served: ${error.message}`);
      continue;
    }
    if (publication) return writePointer(context, publication, damaged);
    newestComplete ??= record;
  }
  if (anyPublication || !newestComplete) return null;
  const publication = await recordShownVersions(context, newestComplete, records);
  return writePointer(context, publication, damaged);
}

/** Writes the rebuilt pointer, unless a publication wrote a pointer meanwhile: then that one. */
async function writePointer(
  context: StorageContext,
  publication: StoredPublication,
  damaged: boolean,
): Promise<StoredPublication> {
  const { store, keys } = context;
  const pointer = toStored(StoredPublication, keys.current, publication);
  if (damaged) {
    await store.set(keys.current, pointer);
  } else if (!(await store.create(keys.current, pointer))) {
    // Someone else wrote the pointer meanwhile (a publication, or the same recovery): use theirs.
    const theirs = storedOrNull(StoredPublication, keys.current, await store.get(keys.current));
    if (theirs) return theirs;
    await store.set(keys.current, pointer);
  }
  context.report(
    `"${keys.current}" was ${damaged ? 'damaged' : 'missing'}; it was rebuilt from "${keys.meta(publication.meta.version)}", the newest complete published version.`,
  );
  return publication;
}
