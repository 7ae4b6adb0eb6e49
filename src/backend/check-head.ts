import type { StorageContext } from './context.ts';
import { readHead, type Head } from './head.ts';
import { samePublication, sameRecord, StoredPublication, toStored } from './records.ts';
import { recoverCurrent } from './recover-head.ts';
import { NO_REVIEW, parsePublication, parseVersionRecord } from './repository.ts';

/**
 * The pointer `head:current` is a copy: of the publication record of the version it names, which
 * copies `meta:<v>`. One damaged value must neither lock the site out nor serve one version's
 * declaration as another's, so what the pointer says is compared with what it copies.
 */

/**
 * The head, its pointer checked against the publication record of its version (one request more
 * than {@link readHead}) and repaired when they disagree. For everything but a page view, which
 * checks the publication record it reads with the pieces.
 */
export async function verifiedHead(context: StorageContext): Promise<Head> {
  const head = await readHead(context);
  if (!head.current) return head;
  const { version } = head.current.meta;
  const stored = parsePublication(
    context,
    head.current,
    await context.store.get(context.keys.published(version)),
  );
  return stored && samePublication(stored, head.current) ? head : repairHead(context, head.current);
}

/**
 * Makes the pointer agree with the records of its version, reading them (`meta:<v>` and the
 * publication record):
 * - when `meta:<v>` is missing, damaged, or differs (content hash, pieces, time, versions), the
 *   pointer is damaged: it is rebuilt from the newest complete published version;
 * - when only the list of versions shown differs, the publication record, written once, wins;
 * - when the publication record is lost or damaged while the pointer copies `meta:<v>` exactly,
 *   the version was served: its publication record is written again from the pointer.
 * Answers the head to serve (no version when none can be).
 */
export async function repairHead(
  context: StorageContext,
  pointer: StoredPublication,
): Promise<Head> {
  const { store, keys } = context;
  const { version } = pointer.meta;
  const [recordValue, publicationValue] = await Promise.all([
    store.get(keys.meta(version)),
    store.get(keys.published(version)),
  ]);
  const record =
    recordValue === undefined ? undefined : parseVersionRecord(context, version, recordValue);
  if (record && !record.ok && record.error.code === 'UNSUPPORTED_VERSION') throw record.error;
  if (!record?.ok || !sameRecord(record.record, pointer)) {
    const why = !record
      ? 'does not exist'
      : !record.ok
        ? 'is damaged'
        : 'records another content hash, number of pieces or time';
    context.report(
      `"${keys.current}" names version ${version}, but "${keys.meta(version)}" ${why}; rebuilding the pointer from the newest complete published version.`,
    );
    return (await recoverCurrent(context, true))
      ? readHead(context)
      : { current: null, latestReview: NO_REVIEW };
  }
  const publication = parsePublication(context, record.record, publicationValue);
  if (publication && !samePublication(publication, pointer)) {
    context.report(
      `"${keys.current}" lists other versions as shown than "${keys.published(version)}"; the pointer was written again from it.`,
    );
    await store.set(keys.current, toStored(StoredPublication, keys.current, publication));
    return readHead(context);
  }
  if (!publication) {
    context.report(
      `"${keys.published(version)}" was ${publicationValue === undefined ? 'missing' : 'damaged'} while version ${version} is served; it was written again from "${keys.current}".`,
    );
    await store.set(
      keys.published(version),
      toStored(StoredPublication, keys.published(version), pointer),
    );
  }
  return readHead(context);
}
