import type { StorageContext } from './context.ts';
import { withVersion, type PublishedVersions } from './published-versions.ts';
import {
  sameRecord,
  storedOrNull,
  StoredPublication,
  toStored,
  versionRecordOf,
  type StoredVersionRecord,
} from './records.ts';
import { listVersionRecords, parsePublication } from './repository.ts';

/**
 * Migration "publication-records": storage written before a publication recorded that its
 * version was shown. Its pointer `head:current` was a plain copy of `meta:<v>`, and every version
 * record up to the pointer was listed, fetchable and could be reviewed, so every one of them is
 * recorded as shown: none that a site saw, or reviewed, disappears. A record above the pointer
 * never became the served version and stays unlisted.
 */
export const PUBLICATION_RECORDS_MIGRATION = 'publication-records';

/**
 * Migrates a pointer from before publication records: when it agrees with the record of the
 * version it names, every version up to it is recorded as shown and the pointer becomes that
 * version's publication record. Null when it disagrees (the caller rebuilds it as damaged).
 */
export async function migrateUnrecordedPointer(
  context: StorageContext,
  pointer: StoredVersionRecord,
): Promise<StoredPublication | null> {
  const { store, keys } = context;
  const { version } = pointer.meta;
  const { records } = await listVersionRecords(context);
  const served = records.find((record) => record.meta.version === version);
  if (!served || !sameRecord(served, pointer)) {
    context.report(
      `"${keys.current}" from before publication records names version ${version}, but "${keys.meta(version)}" ${served ? 'records another publication' : 'is missing or damaged'}; rebuilding it from the version records.`,
    );
    return null;
  }
  const publication = await recordShownVersions(context, served, records);
  // A publication may have moved the pointer meanwhile (it needed this head first): keep it.
  const now = storedOrNull(StoredPublication, keys.current, await store.get(keys.current));
  if (now) return now;
  await store.set(keys.current, toStored(StoredPublication, keys.current, publication));
  return publication;
}

/**
 * Writes the publication record of every version up to `served`, each only where none is stored
 * (a run that stopped half-way is finished, nothing is overwritten), and answers `served`'s own,
 * which the caller makes the pointer.
 */
export async function recordShownVersions(
  context: StorageContext,
  served: StoredVersionRecord,
  records: StoredVersionRecord[],
): Promise<StoredPublication> {
  const { store, keys } = context;
  const shown = records
    .filter((record) => record.meta.version < served.meta.version)
    .sort((a, b) => a.meta.version - b.meta.version);
  let published: PublishedVersions = [];
  let servedPublication: StoredPublication | undefined;
  for (const record of [...shown, served]) {
    const { version } = record.meta;
    published = withVersion(published, version);
    const key = keys.published(version);
    let publication: StoredPublication = toStored(StoredPublication, key, {
      ...versionRecordOf(record),
      published,
    });
    if (!(await store.create(key, publication))) {
      publication = parsePublication(context, record, await store.get(key)) ?? publication;
    }
    servedPublication = publication;
  }
  context.report(
    `Recorded ${shown.length + 1} version(s) up to ${served.meta.version} as shown on this site (migration "${PUBLICATION_RECORDS_MIGRATION}").`,
  );
  return servedPublication!;
}
