import type { DeclarationDiff, VersionPage } from '../declaration/api.ts';
import { diffDeclarations } from '../declaration/diff.ts';
import type { ServiceContext } from './disclosure-service.ts';
import { DisclosureError } from './errors.ts';
import { versionsFrom } from './published-versions.ts';
import { materialOf, versionRecordOf, type StoredVersionRecord } from './records.ts';
import { listReviews, loadVersion, parseVersionRecord, type LoadedVersion } from './repository.ts';
import { listedReviews, newestFirst, rebuildReviewList } from './review-list.ts';
import { loadServedVersion, servedHead, type ServedHead } from './served-version.ts';

const DEFAULT_PAGE_SIZE = 20;

/** What `versions/list` is asked. */
export interface VersionsRequest {
  cursor?: string | undefined;
  limit?: number | undefined;
  withDefaultDiff?: boolean | undefined;
}

/**
 * `versions/list`: newest first; the cursor is the next (older) version number to show. A
 * damaged or missing older record is reported and left out rather than failing the whole list.
 *
 * A page costs the same number of storage requests whatever the length of the history: the head
 * (two requests), then every row's version record, review list and newest review in one batch
 * request per 25 keys, sent at once (three for a page of 20). With `withDefaultDiff` on the first
 * page, the served version's pieces are read as a page view reads them (checking the pointer on
 * the way), and the pieces of the version compared with in one request more. A version whose list
 * cannot be trusted, or that has more reviews than a list keeps, costs a query of its reviews.
 */
export async function listVersions(
  context: ServiceContext,
  payload: VersionsRequest,
): Promise<VersionPage> {
  const withDiff = payload.withDefaultDiff === true && payload.cursor === undefined;
  const { head, loaded } = withDiff
    ? await loadServedVersion(context)
    : { head: await servedHead(context), loaded: null };
  const { current } = head;
  const newest = current.meta.version;
  const start = payload.cursor === undefined ? newest : Number(payload.cursor);
  if (!/^\d{1,7}$/.test(payload.cursor ?? '1') || start < 1 || start > newest) {
    throw new DisclosureError(
      'INVALID_PAYLOAD',
      'cursor: not a cursor this app gave out; ask for the first page without one.',
    );
  }
  // Only the versions the site was shown: a number held by a publication that never finished,
  // or by a damaged record that was stepped over, is not part of the history.
  const page = versionsFrom(current.published, start, payload.limit ?? DEFAULT_PAGE_SIZE);
  const from = withDiff ? defaultFrom(head) : null;
  const { keys } = context;
  // The served version's record is the pointer's copy, checked by the head: no request for it.
  const recordsWanted = [...new Set([...page.versions, ...(from === null ? [] : [from])])].filter(
    (version) => version !== newest,
  );
  const values = await context.store.getMany([
    ...recordsWanted.map((version) => keys.meta(version)),
    ...page.versions.flatMap((version) => [
      keys.versionReviews(version),
      keys.versionLatestReview(version),
    ]),
  ]);
  const records = new Map<number, StoredVersionRecord | null>([[newest, versionRecordOf(current)]]);
  for (const version of recordsWanted) {
    records.set(version, recordOf(context, version, values.get(keys.meta(version))));
  }
  const rows = await Promise.all(
    page.versions.map(async (version) => {
      const record = records.get(version);
      if (!record) return [];
      const listed = listedReviews(
        context,
        version,
        values.get(keys.versionReviews(version)),
        values.get(keys.versionLatestReview(version)),
      );
      const reviews =
        listed.from === 'list'
          ? listed.reviews
          : listed.rewrite
            ? await rebuildReviewList(context, version)
            : newestFirst(await listReviews(context, version));
      return [{ ...record.meta, reviews, material: materialOf(record) }];
    }),
  );
  const answer: VersionPage = {
    versions: rows.flat(),
    nextCursor: page.next === null ? null : String(page.next),
  };
  if (withDiff && loaded) {
    const record = from === null ? null : (records.get(from) ?? null);
    answer.defaultDiff = record ? await diffFrom(context, record, loaded) : null;
  }
  return answer;
}

/**
 * A version record read from the batch, or null (reported) when it is missing or damaged: the
 * history leaves that version out. Storage failing, or a record a newer release wrote, fails the
 * history instead: it would be wrong.
 */
function recordOf(
  context: ServiceContext,
  version: number,
  value: unknown,
): StoredVersionRecord | null {
  if (value === undefined) {
    context.report(
      `The history leaves out version ${version}: "${context.keys.meta(version)}" is missing.`,
    );
    return null;
  }
  const read = parseVersionRecord(context, version, value);
  if (read.ok) return read.record;
  if (read.error.code === 'UNSUPPORTED_VERSION') throw read.error;
  context.report(`The history leaves out version ${version}: ${read.error.message}`);
  return null;
}

/**
 * The version the page compares the served one with at first: the one last reviewed when it is
 * older, else the newest one shown below it; null when the served version is the only one.
 */
function defaultFrom(head: ServedHead): number | null {
  const served = head.current.meta.version;
  const reviewed = head.latestReview.ok ? head.latestReview.review : null;
  if (reviewed && reviewed.version < served) return reviewed.version;
  return versionsFrom(head.current.published, served - 1, 1).versions[0] ?? null;
}

/**
 * What changed from `record`'s version to the served one. A version whose pieces are damaged is
 * reported and answered null: the history is still shown, and the admin picks another version.
 */
async function diffFrom(
  context: ServiceContext,
  record: StoredVersionRecord,
  served: LoadedVersion,
): Promise<DeclarationDiff | null> {
  let before: LoadedVersion;
  try {
    before = await loadVersion(context, record);
  } catch (error) {
    if (!(error instanceof DisclosureError) || error.code !== 'CORRUPT_DATA') throw error;
    context.report(`The default comparison was left out: ${error.message}`);
    return null;
  }
  return diffDeclarations(
    before.declaration,
    served.declaration,
    { from: record.meta.version, to: served.meta.version },
    { before: before.manifest, after: served.manifest },
  );
}
