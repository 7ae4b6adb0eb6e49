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
import { requireProductAdmin, type Caller } from './authorize.ts';
import { appVersionForLazyPublish, bundledDeclaration } from './bundle.ts';
import { DisclosureError } from './errors.ts';
import { KEY_SAFE, LATEST_REVIEW_KEY, reviewKey, versionLatestReviewKey } from './keys.ts';
import { isAdminModule } from './module-keys.ts';
import { publishRecord } from './publish.ts';
import type { StoredVersionRecord } from './records.ts';
import { listReviews, loadVersion, readHead, readVersionRecord, type Head } from './repository.ts';
import { forgeStore, type KeyValueStore } from './store.ts';

const DEFAULT_PAGE_SIZE = 20;

/** What the operations need from outside: storage and the clock. */
export interface ServiceDeps {
  store: KeyValueStore;
  now: () => Date;
}

const defaults: ServiceDeps = { store: forgeStore, now: () => new Date() };

/** The head, publishing the bundled declaration first when nothing has been published yet. */
async function servedHead(deps: ServiceDeps): Promise<Head & { current: StoredVersionRecord }> {
  const head = await readHead(deps.store);
  if (head.current) return { ...head, current: head.current };
  const { record } = await publishRecord(bundledDeclaration(), appVersionForLazyPublish(), deps);
  return { current: record, latestReview: head.latestReview };
}

/** `disclosure/get`: the served declaration and review state; two storage requests once published. */
export async function getDisclosure(caller: Caller, deps = defaults): Promise<DisclosureView> {
  const head = await servedHead(deps);
  const loaded = await loadVersion(deps.store, head.current);
  return {
    declaration: loaded.declaration,
    version: loaded.meta,
    review: { current: loaded.latestReview, lastReviewed: head.latestReview },
    canReview: isAdminModule(caller.moduleKey),
    marketplacePrivacyUrl: marketplacePrivacyUrl(loaded.declaration.app.marketplaceUrl),
  };
}

/** `versions/list`: newest first; the cursor is the next (older) version number to show. */
export async function listVersions(
  payload: { cursor?: string | undefined; limit?: number | undefined },
  deps = defaults,
): Promise<VersionPage> {
  const { current } = await servedHead(deps);
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
        readVersionRecord(deps.store, version, current),
        listReviews(deps.store, version),
      ]);
      return { ...record.meta, reviews: newestFirst(reviews) };
    }),
  );
  const next = start - numbers.length;
  return { versions, nextCursor: next >= 1 ? String(next) : null };
}

function newestFirst(reviews: ReviewRecord[]): ReviewRecord[] {
  return [...reviews].sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
}

/** `versions/get`: one published version with its declaration. */
export async function getVersion(version: number, deps = defaults): Promise<VersionDetail> {
  const { current } = await servedHead(deps);
  const loaded = await loadVersion(
    deps.store,
    await readVersionRecord(deps.store, version, current),
  );
  return { version: loaded.meta, declaration: loaded.declaration };
}

/** `versions/diff`: what changed from one published version to another. */
export async function diffVersions(
  from: number,
  to: number,
  deps = defaults,
): Promise<DeclarationDiff> {
  const { current } = await servedHead(deps);
  const [before, after] = await Promise.all(
    [from, to].map(async (version) =>
      loadVersion(deps.store, await readVersionRecord(deps.store, version, current)),
    ),
  );
  return diffDeclarations(before!.declaration, after!.declaration, { from, to });
}

/** `review/mark`: records that a product administrator reviewed a published version. */
export async function markReviewed(
  version: number,
  caller: Caller,
  deps = defaults,
): Promise<MarkReviewedResult> {
  const accountId = await requireProductAdmin(caller);
  if (!KEY_SAFE.test(accountId) || accountId.length > 128) {
    throw new DisclosureError('FORBIDDEN', 'This account cannot record reviews.');
  }
  const head = await readHead(deps.store);
  if (!head.current) {
    throw new DisclosureError(
      'NOT_FOUND',
      `Version ${version} does not exist; nothing is published yet.`,
    );
  }
  await readVersionRecord(deps.store, version, head.current);
  const review: ReviewRecord = { version, accountId, reviewedAt: deps.now().toISOString() };
  await deps.store.setAll([
    { key: reviewKey(version, review.reviewedAt, accountId), value: review },
    { key: versionLatestReviewKey(version), value: review },
    { key: LATEST_REVIEW_KEY, value: review },
  ]);
  return { review };
}
