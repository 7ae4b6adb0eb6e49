import type { VersionMeta } from '../declaration/api.ts';
import { chooseAppVersion } from './app-version.ts';
import { encodeDeclaration } from './content.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError, logReporter } from './errors.ts';
import { readHead } from './head.ts';
import { DEFAULT_KEY_PREFIX, storageKeys } from './keys.ts';
import { StoredChunk, StoredVersionRecord, toStored } from './records.ts';
import { parseVersionRecord } from './repository.ts';
import { forgeStore, type KeyValueStore } from './store.ts';

/** What a publication did. */
export interface PublishResult {
  /** false when the same content was already being served: nothing was written. */
  published: boolean;
  /** The version now served. */
  version: VersionMeta;
}

/** Where and when to publish; the defaults are Forge storage under the default prefix and the clock. */
export interface PublishOptions {
  store?: KeyValueStore;
  now?: () => Date;
  keyPrefix?: string;
}

/**
 * A version record left by a publication that stopped before moving the pointer is no longer
 * waited for once it is this old: no Forge invocation runs that long, so its writer is gone.
 */
const ABANDONED_AFTER_MS = 15 * 60 * 1000;
/** How often a publication waits for another one in progress before giving up. */
const ATTEMPTS = 3;
/** How many version numbers held by other records a publication steps over. */
const MAX_NUMBERS_SKIPPED = 100;

/**
 * Publishes a declaration as the next version, keeping every earlier one: {@link publishRecord}
 * with Forge storage under the default prefix unless `options` say otherwise.
 */
export async function publishDeclaration(
  declaration: unknown,
  appVersion: string,
  {
    store = forgeStore,
    now = () => new Date(),
    keyPrefix = DEFAULT_KEY_PREFIX,
  }: PublishOptions = {},
): Promise<PublishResult> {
  const context: StorageContext = {
    store,
    now,
    keys: storageKeys(keyPrefix),
    report: logReporter,
    bareKeys: null,
  };
  const { published, record } = await publishRecord(context, declaration, appVersion);
  return { published, version: record.meta };
}

/**
 * Publishes a declaration as the next version, answering with the stored record.
 *
 * Idempotent: the same content as the served version writes nothing. Atomic for readers: the
 * pieces are written first, then the immutable version record (FAIL_IF_EXISTS, so two concurrent
 * publications cannot both take a number), and only then the pointer readers follow; a failure at
 * any step leaves the previous version served and nothing new visible. Retrying after a failure
 * completes the same version. An existing version record is never overwritten: a number held by
 * a damaged or abandoned record is stepped over, so its reviews stay with what was reviewed.
 * The app version is normalised, so whatever the platform sent never blocks publishing.
 */
export async function publishRecord(
  context: StorageContext,
  declaration: unknown,
  appVersion: unknown,
): Promise<{ published: boolean; record: StoredVersionRecord }> {
  const { store, keys } = context;
  const encoded = await encodeDeclaration(declaration);
  const { contentHash, chunks } = encoded;
  const recordedAppVersion = chooseAppVersion([appVersion]);
  let waited = 0;
  let skipped = 0;
  let { current } = await readHead(context);
  let version = (current?.meta.version ?? 0) + 1;
  for (;;) {
    if (current?.meta.contentHash === contentHash) return { published: false, record: current };
    const record = toStored(StoredVersionRecord, keys.meta(version), {
      meta: {
        version,
        contentHash,
        publishedAt: context.now().toISOString(),
        appVersion: recordedAppVersion,
        policyVersion: encoded.declaration.policy.version,
        lastUpdated: encoded.declaration.policy.lastUpdated,
      },
      chunkCount: chunks.length,
    });
    for (const [index, chunk] of chunks.entries()) {
      const key = keys.chunk(version, contentHash, index);
      await store.set(key, toStored(StoredChunk, key, chunk));
    }
    const claim = await claimVersion(context, record, current);
    if (claim.kind === 'ours') {
      await store.set(keys.current, claim.record);
      return { published: true, record: claim.record };
    }
    if (claim.kind === 'held') {
      skipped += 1;
      if (skipped > MAX_NUMBERS_SKIPPED) break;
      version += 1;
      continue;
    }
    waited += 1;
    if (waited >= ATTEMPTS) break;
    ({ current } = await readHead(context));
    version = (current?.meta.version ?? 0) + 1;
  }
  throw new DisclosureError(
    'STORAGE_ERROR',
    skipped > MAX_NUMBERS_SKIPPED
      ? `Versions ${version - skipped + 1} to ${version} are all held by damaged or unfinished records; nothing was published. The app's logs name them.`
      : 'Another publication of a different declaration is in progress; nothing was changed. Try again in a minute.',
  );
}

/**
 * What holds a version number: our record (created now, or by a concurrent publication of the
 * same content), a publication in progress or just completed (`busy`: read the head again), or a
 * record that stays where it is (`held`: damaged, or abandoned by a publication that never
 * finished; the next number is tried, nothing is overwritten).
 */
type Claim = { kind: 'ours'; record: StoredVersionRecord } | { kind: 'busy' } | { kind: 'held' };

async function claimVersion(
  context: StorageContext,
  record: StoredVersionRecord,
  current: StoredVersionRecord | null,
): Promise<Claim> {
  const { store, keys } = context;
  const { version } = record.meta;
  const key = keys.meta(version);
  if (await store.create(key, record)) return { kind: 'ours', record };
  const value = await store.get(key);
  if (value === undefined) return { kind: 'busy' };
  const existing = parseVersionRecord(context, version, value);
  if (!existing.ok) {
    context.report(`${existing.error.message} It is kept; publishing under the next number.`);
    return { kind: 'held' };
  }
  if (existing.record.meta.contentHash === record.meta.contentHash) {
    return { kind: 'ours', record: existing.record };
  }
  if ((current?.meta.version ?? 0) >= version) return { kind: 'busy' };
  const age = context.now().getTime() - Date.parse(existing.record.meta.publishedAt);
  if (age < ABANDONED_AFTER_MS) return { kind: 'busy' };
  context.report(
    `"${key}" was left by a publication that never finished; it is kept, and this declaration is published under the next number.`,
  );
  return { kind: 'held' };
}
