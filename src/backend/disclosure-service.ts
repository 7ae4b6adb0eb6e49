import type {
  PublishedManifestFacts,
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
import { requireProductAdmin, type Caller } from './authorize.ts';
import { verifiedHead } from './check-head.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError } from './errors.ts';
import { KEY_SAFE, MAX_ACCOUNT_ID_LENGTH } from './keys.ts';
import { versionsFrom } from './published-versions.ts';
import { materialOf, StoredReviewRecord, toStored } from './records.ts';
import {
  checkedReview,
  listReviews,
  loadVersion,
  readVersionRecord,
  reviewOf,
} from './repository.ts';
import { loadServedVersion, servedHead } from './served-version.ts';

const DEFAULT_PAGE_SIZE = 20;

/** What the operations need: storage, the admin modules and the declaration this app ships. */
export interface ServiceContext extends StorageContext {
  admins: AdminModules;
  /** The declaration to publish when nothing is published yet (the app's bundled one). */
  declaration: unknown;
  /** What the app's manifest shows, bundled with the declaration and published with it. */
  manifestFacts: PublishedManifestFacts | null;
  /** Recorded as the app version when the Forge runtime does not name one. */
  fallbackAppVersion: string | undefined;
}

/** `disclosure/get`: the served declaration and review state; two storage requests once published. */
export async function getDisclosure(
  context: ServiceContext,
  caller: Caller,
): Promise<DisclosureView> {
  const { head, loaded } = await loadServedVersion(context);
  return {
    declaration: loaded.declaration,
    version: loaded.meta,
    review: { current: reviewOf(loaded.latestReview), lastReviewed: reviewOf(head.latestReview) },
    // From the pointer, which copies the version record: no request more.
    material: materialOf(head.current),
    canReview: context.admins.productOf(caller.moduleKey) !== undefined,
    marketplacePrivacyUrl: marketplacePrivacyUrl(loaded.declaration.app.marketplaceUrl),
    manifest: loaded.manifest,
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
  // Only the versions the site was shown: a number held by a publication that never finished,
  // or by a damaged record that was stepped over, is not part of the history.
  const page = versionsFrom(current.published, start, payload.limit ?? DEFAULT_PAGE_SIZE);
  const numbers = page.versions;
  const versions = await Promise.all(
    numbers.map(async (version) => {
      const [record, reviews] = await Promise.all([
        readVersionRecord(context, version, current).catch((error: unknown) => {
          if (!(error instanceof DisclosureError)) throw error;
          // Storage failing, or a record a newer release wrote: the history would be wrong.
          if (error.code === 'STORAGE_ERROR' || error.code === 'UNSUPPORTED_VERSION') throw error;
          context.report(`The history leaves out version ${version}: ${error.message}`);
          return null;
        }),
        listReviews(context, version),
      ]);
      return record
        ? [{ ...record.meta, reviews: newestFirst(reviews), material: materialOf(record) }]
        : [];
    }),
  );
  return {
    versions: versions.flat(),
    nextCursor: page.next === null ? null : String(page.next),
  };
}

function newestFirst(reviews: ReviewRecord[]): ReviewRecord[] {
  return [...reviews].sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
}

/** `versions/get`: one published version with its declaration. */
export async function getVersion(context: ServiceContext, version: number): Promise<VersionDetail> {
  const { current } = await servedHead(context);
  const loaded = await loadVersion(context, await readVersionRecord(context, version, current));
  return { version: loaded.meta, declaration: loaded.declaration, manifest: loaded.manifest };
}

/** `versions/diff`: what changed from one published version to another, manifest facts included. */
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
  return diffDeclarations(
    before!.declaration,
    after!.declaration,
    { from, to },
    { before: before!.manifest, after: after!.manifest },
  );
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
  const head = await verifiedHead(context);
  if (!head.current) {
    throw new DisclosureError(
      'NOT_FOUND',
      `Version ${version} does not exist; nothing is published yet.`,
    );
  }
  await readVersionRecord(context, version, head.current);
  const { keys } = context;
  // The newest-review keys are overwritten: never one a newer release wrote (it is refused).
  reviewOf(head.latestReview);
  const newestOfVersion = await context.store.get(keys.versionLatestReview(version));
  if (newestOfVersion !== undefined) {
    checkedReview(context, keys.versionLatestReview(version), newestOfVersion, () =>
      keys.versionLatestReview(version),
    );
  }
  const review: ReviewRecord = { version, accountId, reviewedAt: context.now().toISOString() };
  const stored = toStored(StoredReviewRecord, `the review of version ${version}`, review);
  await context.store.setAll([
    { key: keys.review(version, review.reviewedAt, accountId), value: stored },
    { key: keys.versionLatestReview(version), value: stored },
    { key: keys.latestReview, value: stored },
  ]);
  return { review };
}
