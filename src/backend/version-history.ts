import type { DeclarationDiff, VersionPage } from '../declaration/api.ts';
import { diffDeclarations } from '../declaration/diff.ts';
import type { ServiceContext } from './disclosure-service.ts';
import { DisclosureError } from './errors.ts';
import { versionsFrom } from './published-versions.ts';
import {
  materialOf,
  samePublication,
  versionRecordOf,
  type StoredVersionRecord,
} from './records.ts';
import {
  listReviews,
  loadFrom,
  loadVersion,
  parsePublication,
  parseVersionRecord,
  versionEntries,
  type LoadedVersion,
} from './repository.ts';
import { listedReviews, newestFirst, rebuildReviewList } from './review-list.ts';
import {
  loadServedVersion,
  servedHead,
  unverifiedHead,
  type ServedHead,
} from './served-version.ts';

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
 * A page costs the same number of storage requests whatever the length of the history: the head,
 * then, at once, every row's version record, review list and newest review with the served
 * version's publication record in one batch request per 25 keys (three for a page of 20: four
 * requests in all). With `withDefaultDiff` on the first page, the served version's pieces (with
 * its publication record) and those of the version compared with are read at the same time, one
 * query each (six in all, in two round trips). A pointer that does not agree with its publication
 * record is repaired first, and the page read again. A version whose list cannot be trusted, or
 * that has more reviews than a list keeps, costs a query of its reviews.
 */
export async function listVersions(
  context: ServiceContext,
  payload: VersionsRequest,
): Promise<VersionPage> {
  return (await readPage(context, payload, false)) ?? (await readPage(context, payload, true))!;
}

/**
 * One page as {@link listVersions} answers it; `verified`: with the pointer checked (and
 * repaired) first. Unverified, it answers null when the pointer does not agree with the
 * publication record read with the page.
 */
async function readPage(
  context: ServiceContext,
  payload: VersionsRequest,
  verified: boolean,
): Promise<VersionPage | null> {
  const withDiff = payload.withDefaultDiff === true && payload.cursor === undefined;
  const checked = verified && withDiff ? await loadServedVersion(context) : null;
  const head =
    checked?.head ?? (verified ? await servedHead(context) : await unverifiedHead(context));
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
  // The served version's record is the pointer's copy: no request for it.
  const recordsWanted = [...new Set([...page.versions, ...(from === null ? [] : [from])])].filter(
    (version) => version !== newest,
  );
  const checksPointer = !verified && !withDiff;
  const [values, served, fromEntries] = await Promise.all([
    context.store.getMany([
      ...recordsWanted.map((version) => keys.meta(version)),
      ...page.versions.flatMap((version) => [
        keys.versionReviews(version),
        keys.versionLatestReview(version),
      ]),
      ...(checksPointer ? [keys.published(newest)] : []),
    ]),
    checked ? checked.loaded : withDiff ? loadVersion(context, current).catch(unlessDamaged) : null,
    from === null ? null : versionEntries(context, from),
  ]);
  if (!verified) {
    const publication = checksPointer
      ? parsePublication(context, current, values.get(keys.published(newest)))
      : (served?.publication ?? null);
    if (!publication || !samePublication(publication, current)) return null;
  }
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
  if (withDiff && served) {
    const record = from === null ? null : (records.get(from) ?? null);
    answer.defaultDiff =
      record && fromEntries ? await diffFrom(context, record, fromEntries, served) : null;
  }
  return answer;
}

function unlessDamaged(error: unknown): null {
  if (error instanceof DisclosureError && error.code === 'CORRUPT_DATA') return null;
  throw error;
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
 * What changed from `record`'s version (its keys read already) to the served one. A version whose
 * pieces are damaged is reported and answered null: the history is still shown, and the admin
 * picks another version.
 */
async function diffFrom(
  context: ServiceContext,
  record: StoredVersionRecord,
  entries: Map<string, unknown>,
  served: LoadedVersion,
): Promise<DeclarationDiff | null> {
  let before: LoadedVersion;
  try {
    before = await loadFrom(context, record, entries);
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
