import type {
  DeclarationDiff,
  DisclosureView,
  MarkReviewedResult,
  ReviewRecord,
  VersionDetail,
  VersionPage,
} from '../declaration/api.ts';
import { diffDeclarations } from '../declaration/diff.ts';
import { marketplacePrivacyUrl } from '../declaration/present/marketplace-url.ts';
import type { AdminModules } from './admin-modules.ts';
import { chooseAppVersion } from './app-version.ts';
import { requireProductAdmin, type Caller } from './authorize.ts';
import { encodeDeclaration } from './content.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError } from './errors.ts';
import { readHead, type Head } from './head.ts';
import { KEY_SAFE, MAX_ACCOUNT_ID_LENGTH } from './keys.ts';
import { publishRecord } from './publish.ts';
import { StoredChunk, StoredReviewRecord, toStored, type StoredVersionRecord } from './records.ts';
import { listReviews, loadVersion, readVersionRecord, type LoadedVersion } from './repository.ts';

const DEFAULT_PAGE_SIZE = 20;

/** What the operations need: storage, the admin modules and the declaration this app ships. */
export interface ServiceContext extends StorageContext {
  admins: AdminModules;
  /** The declaration to publish when nothing is published yet (the app's bundled one). */
  declaration: unknown;
  /** Recorded as the app version when the Forge runtime does not name one. */
  fallbackAppVersion: string | undefined;
}

/** The head, publishing the bundled declaration first when nothing has been published yet. */
async function servedHead(
  context: ServiceContext,
): Promise<Head & { current: StoredVersionRecord }> {
  const head = await readHead(context);
  if (head.current) return { ...head, current: head.current };
  const appVersion = chooseAppVersion([], context.fallbackAppVersion);
  const { record } = await publishRecord(context, context.declaration, appVersion);
  return { current: record, latestReview: head.latestReview };
}

/**
 * Loads the served version. When its pieces are damaged and the app ships that very declaration,
 * the pieces are written again from it (they are named by its hash) instead of failing every page
 * view until the next upgrade.
 */
async function loadServed(
  context: ServiceContext,
  record: StoredVersionRecord,
): Promise<LoadedVersion> {
  try {
    return await loadVersion(context, record);
  } catch (error) {
    if (!(error instanceof DisclosureError) || error.code !== 'CORRUPT_DATA') throw error;
    if (!(await rewritePieces(context, record))) throw error;
    context.report(`${error.message} Its pieces were written again from the app's declaration.`);
    return loadVersion(context, record);
  }
}

async function rewritePieces(context: ServiceContext, record: StoredVersionRecord) {
  const { version, contentHash } = record.meta;
  const encoded = await encodeDeclaration(context.declaration).catch(() => null);
  if (encoded?.contentHash !== contentHash || encoded.chunks.length !== record.chunkCount) {
    return false;
  }
  for (const [index, chunk] of encoded.chunks.entries()) {
    const key = context.keys.chunk(version, contentHash, index);
    await context.store.set(key, toStored(StoredChunk, key, chunk));
  }
  return true;
}

/** `disclosure/get`: the served declaration and review state; two storage requests once published. */
export async function getDisclosure(
  context: ServiceContext,
  caller: Caller,
): Promise<DisclosureView> {
  const head = await servedHead(context);
  const loaded = await loadServed(context, head.current);
  return {
    declaration: loaded.declaration,
    version: loaded.meta,
    review: { current: loaded.latestReview, lastReviewed: head.latestReview },
    canReview: context.admins.productOf(caller.moduleKey) !== undefined,
    marketplacePrivacyUrl: marketplacePrivacyUrl(loaded.declaration.app.marketplaceUrl),
  };
}

/**
 * `versions/list`: newest first; the cursor is the next (older) version number to show. A
 * damaged or missing older record is reported and left out rather than failing the whole list.
 */
export async function listVersions(
  context: ServiceContext,
  payload: { cursor?: string | undefined; limit?: number | undefined },
): Promise<VersionPage> {
  const { current } = await servedHead(context);
  const newest = current.meta.version;
  const start = payload.cursor === undefined ? newest : Number(payload.cursor);
  if (!/^\d{1,7}$/.test(payload.cursor ?? '1') || start < 1 || start > newest) {
    throw new DisclosureError(
      'INVALID_PAYLOAD',
      'cursor: not a cursor this app gave out; ask for the first page without one.',
    );
  }
  const limit = payload.limit ?? DEFAULT_PAGE_SIZE;
  const numbers = Array.from({ length: Math.min(limit, start) }, (_, index) => start - index);
  const versions = await Promise.all(
    numbers.map(async (version) => {
      const [record, reviews] = await Promise.all([
        readVersionRecord(context, version, current).catch((error: unknown) => {
          if (!(error instanceof DisclosureError) || error.code === 'STORAGE_ERROR') throw error;
          context.report(`The history leaves out version ${version}: ${error.message}`);
          return null;
        }),
        listReviews(context, version),
      ]);
      return record ? [{ ...record.meta, reviews: newestFirst(reviews) }] : [];
    }),
  );
  const next = start - numbers.length;
  return { versions: versions.flat(), nextCursor: next >= 1 ? String(next) : null };
}

function newestFirst(reviews: ReviewRecord[]): ReviewRecord[] {
  return [...reviews].sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
}

/** `versions/get`: one published version with its declaration. */
export async function getVersion(context: ServiceContext, version: number): Promise<VersionDetail> {
  const { current } = await servedHead(context);
  const loaded = await loadVersion(context, await readVersionRecord(context, version, current));
  return { version: loaded.meta, declaration: loaded.declaration };
}

/** `versions/diff`: what changed from one published version to another. */
export async function diffVersions(
  context: ServiceContext,
  from: number,
  to: number,
): Promise<DeclarationDiff> {
  const { current } = await servedHead(context);
  const [before, after] = await Promise.all(
    [from, to].map(async (version) =>
      loadVersion(context, await readVersionRecord(context, version, current)),
    ),
  );
  return diffDeclarations(before!.declaration, after!.declaration, { from, to });
}

/** `review/mark`: records that a product administrator reviewed a published version. */
export async function markReviewed(
  context: ServiceContext,
  version: number,
  caller: Caller,
): Promise<MarkReviewedResult> {
  const accountId = await requireProductAdmin(caller, context.admins);
  if (!KEY_SAFE.test(accountId) || accountId.length > MAX_ACCOUNT_ID_LENGTH) {
    throw new DisclosureError('FORBIDDEN', 'This account cannot record reviews.');
  }
  const head = await readHead(context);
  if (!head.current) {
    throw new DisclosureError(
      'NOT_FOUND',
      `Version ${version} does not exist; nothing is published yet.`,
    );
  }
  await readVersionRecord(context, version, head.current);
  const { keys } = context;
  const review = toStored(StoredReviewRecord, `the review of version ${version}`, {
    version,
    accountId,
    reviewedAt: context.now().toISOString(),
  });
  await context.store.setAll([
    { key: keys.review(version, review.reviewedAt, accountId), value: review },
    { key: keys.versionLatestReview(version), value: review },
    { key: keys.latestReview, value: review },
  ]);
  return { review };
}
