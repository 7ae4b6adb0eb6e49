import type { VersionMeta } from '../declaration/api.ts';
import { encodeDeclaration } from './content.ts';
import { DisclosureError } from './errors.ts';
import { chunkKey, CURRENT_KEY, metaKey } from './keys.ts';
import { readStored, StoredVersionRecord } from './records.ts';
import { readHead } from './repository.ts';
import { forgeStore, type KeyValueStore } from './store.ts';

/** What a publication did. */
export interface PublishResult {
  /** false when the same content was already being served: nothing was written. */
  published: boolean;
  /** The version now served. */
  version: VersionMeta;
}

/** Where and when to publish; the defaults are Forge storage and the clock. */
export interface PublishOptions {
  store?: KeyValueStore;
  now?: () => Date;
}

/**
 * A version record left by a publication that stopped before moving the pointer is taken over
 * once it is this old: no Forge invocation runs that long, so its writer is gone.
 */
const ABANDONED_AFTER_MS = 15 * 60 * 1000;
const ATTEMPTS = 3;

/**
 * Publishes a declaration as the next version, keeping every earlier one.
 *
 * Idempotent: the same content as the served version writes nothing. Atomic for readers: the
 * pieces are written first, then the immutable version record (FAIL_IF_EXISTS, so two concurrent
 * publications cannot both take a number), and only then the pointer readers follow; a failure at
 * any step leaves the previous version served and nothing new visible. Retrying after a failure
 * completes the same version.
 */
export async function publishDeclaration(
  declaration: unknown,
  appVersion: string,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const record = await publishRecord(declaration, appVersion, options);
  return { published: record.published, version: record.record.meta };
}

/** {@link publishDeclaration}, answering with the full stored record for the resolvers. */
export async function publishRecord(
  declaration: unknown,
  appVersion: string,
  { store = forgeStore, now = () => new Date() }: PublishOptions = {},
): Promise<{ published: boolean; record: StoredVersionRecord }> {
  const encoded = await encodeDeclaration(declaration);
  const { contentHash, chunks } = encoded;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const { current } = await readHead(store);
    if (current?.meta.contentHash === contentHash) return { published: false, record: current };
    const version = (current?.meta.version ?? 0) + 1;
    const record: StoredVersionRecord = {
      meta: {
        version,
        contentHash,
        publishedAt: now().toISOString(),
        appVersion,
        policyVersion: encoded.declaration.policy.version,
        lastUpdated: encoded.declaration.policy.lastUpdated,
      },
      chunkCount: chunks.length,
    };
    for (const [index, chunk] of chunks.entries()) {
      await store.set(chunkKey(version, contentHash, index), chunk);
    }
    const committed = await claimVersion(store, record, now());
    if (committed === 'taken') continue;
    await store.set(CURRENT_KEY, committed);
    return { published: true, record: committed };
  }
  throw new DisclosureError(
    'STORAGE_ERROR',
    'Another publication of a different declaration is in progress; nothing was changed. Try again in a minute.',
  );
}

/**
 * Creates the version record, or finds out who holds the number: the same content (a concurrent
 * publication of this declaration: use its record), a completed publication (try the next
 * number), or an abandoned one (take it over).
 */
async function claimVersion(
  store: KeyValueStore,
  record: StoredVersionRecord,
  now: Date,
): Promise<StoredVersionRecord | 'taken'> {
  const key = metaKey(record.meta.version);
  if (await store.create(key, record)) return record;
  const existing = readStored(StoredVersionRecord, key, await store.get(key));
  if (existing.meta.contentHash === record.meta.contentHash) return existing;
  const { current } = await readHead(store);
  if ((current?.meta.version ?? 0) >= record.meta.version) return 'taken';
  const age = now.getTime() - Date.parse(existing.meta.publishedAt);
  if (age < ABANDONED_AFTER_MS) return 'taken';
  await store.set(key, record);
  return record;
}
