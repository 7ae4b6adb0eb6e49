import type {
  PublishedManifestFacts,
  DeclarationDiff,
  DisclosureView,
  MarkReviewedResult,
  ReviewRecord,
  VersionDetail,
} from '../declaration/api.ts';
import { diffDeclarations } from '../declaration/diff.ts';
import { marketplacePrivacyUrl } from '../declaration/present/marketplace-url.ts';
import type { AdminModules } from './admin-modules.ts';
import { requireProductAdmin, type Caller } from './authorize.ts';
import { verifiedHead } from './check-head.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError } from './errors.ts';
import { KEY_SAFE, MAX_ACCOUNT_ID_LENGTH } from './keys.ts';
import { isNewer, materialOf, parseStored, StoredReviewRecord, toStored } from './records.ts';
import {
  checkedReview,
  listReviews,
  loadVersion,
  readVersionRecord,
  reviewOf,
} from './repository.ts';
import { reviewListOf, saveReviewList, StoredReviewList } from './review-list.ts';
import { loadServedVersion, servedHead } from './served-version.ts';

export { listVersions } from './version-history.ts';

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

/**
 * `review/mark`: records that a product administrator reviewed a published version. The review's
 * own key, both newest-review copies and the version's review list (built from the version's
 * review keys, so a version reviewed before lists existed gets its whole list) are written in one
 * transaction. Forge's transactions cannot write a key only if it is unchanged, so the list is
 * then written again from the review keys with {@link saveReviewList}, which keeps whatever a
 * concurrent review wrote. A review key a newer release wrote refuses the review
 * (UNSUPPORTED_VERSION): the list would leave it out.
 */
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
  // The newest-review keys and the list are overwritten: never one a newer release wrote (it is
  // refused); a damaged list is written again from the review keys.
  reviewOf(head.latestReview);
  const listKey = keys.versionReviews(version);
  const stored = await context.store.getMany([keys.versionLatestReview(version), listKey]);
  const newestOfVersion = stored.get(keys.versionLatestReview(version));
  if (newestOfVersion !== undefined) {
    checkedReview(context, keys.versionLatestReview(version), newestOfVersion, () =>
      keys.versionLatestReview(version),
    );
  }
  const list = parseStored(StoredReviewList, listKey, stored.get(listKey));
  if (isNewer(list) && !list.ok) throw list.error;
  const earlier = await listReviews(context, version);
  const review: ReviewRecord = { version, accountId, reviewedAt: context.now().toISOString() };
  const value = toStored(StoredReviewRecord, `the review of version ${version}`, review);
  await context.store.setAll([
    { key: keys.review(version, review.reviewedAt, accountId), value },
    { key: keys.versionLatestReview(version), value },
    { key: keys.latestReview, value },
    {
      key: listKey,
      value: toStored(StoredReviewList, listKey, reviewListOf(version, [review, ...earlier])),
    },
  ]);
  // Another admin's review of the version recorded at the same time wrote the list from what it
  // read: the list is written again from every review key, merging what it replaces.
  try {
    await saveReviewList(context, version, await listReviews(context, version));
  } catch (error) {
    if (!(error instanceof DisclosureError)) throw error;
    context.report(`The review list of version ${version} was not checked: ${error.message}`);
  }
  return { review };
}
