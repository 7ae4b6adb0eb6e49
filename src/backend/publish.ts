import type {
  MaterialChange,
  MaterialChanges,
  PublishedManifestFacts,
  VersionMeta,
} from '../declaration/api.ts';
import { materialChanges } from '../declaration/material.ts';
import type { Declaration } from '../declaration/schema/index.ts';
import { chooseAppVersion } from './app-version.ts';
import { encodeDeclaration } from './content.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError, logReporter } from './errors.ts';
import { verifiedHead } from './check-head.ts';
import { DEFAULT_KEY_PREFIX, storageKeys } from './keys.ts';
import { withVersion, type PublishedVersions } from './published-versions.ts';
import {
  StoredChunk,
  storedOrNull,
  StoredPublication,
  StoredVersionRecord,
  toStored,
} from './records.ts';
import {
  loadVersion,
  parsePublication,
  parseVersionRecord,
  type LoadedVersion,
} from './repository.ts';
import { StoredMaterialChanges } from './stored-material.ts';
import { canonicalJson } from '../declaration/canonical.ts';
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
  /** What the app's manifest shows, bundled by the build; published with the declaration. */
  manifestFacts?: PublishedManifestFacts | null;
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
 * The most bytes of JSON a version's material changes may take: the version record holding them
 * is copied into the publication record and the pointer, each a value under Forge's 240 KiB
 * limit beside the manifest facts.
 */
const MAX_MATERIAL_BYTES = 64 * 1024;

/**
 * The served version, read (and migrated in memory when it was stored in an older format), or
 * null when it cannot be loaded: a damaged version neither blocks publishing nor is the same as
 * anything. Read once per head the publication reads, for both {@link sameContent} and
 * {@link materialSince}.
 */
async function loadServed(
  context: StorageContext,
  current: StoredPublication | null,
): Promise<LoadedVersion | null> {
  if (!current) return null;
  try {
    return await loadVersion(context, current);
  } catch (error) {
    if (error instanceof DisclosureError && error.code === 'CORRUPT_DATA') {
      context.report(
        `Version ${current.meta.version} cannot be loaded (${error.message}); the next version is published without its material changes.`,
      );
      return null;
    }
    throw error;
  }
}

/**
 * Whether the served version is the declaration about to be published with the same manifest
 * facts: its hash is over the bytes stored, so an upgrade that only brings the format up to date
 * would otherwise show admins a new version in which nothing changed.
 */
function sameContent(
  served: LoadedVersion,
  declaration: unknown,
  manifestFacts: PublishedManifestFacts | null,
): boolean {
  return (
    canonicalJson(served.declaration) === canonicalJson(declaration) &&
    canonicalJson(served.manifest) === canonicalJson(manifestFacts)
  );
}

/**
 * What changed that matters since the served version, to keep with the new one; undefined (the
 * version is published without them, and the log says why) when there is no served version to
 * compare with, or when they cannot be computed or would not fit a version record: the summary
 * never blocks publishing.
 */
function materialSince(
  context: StorageContext,
  current: StoredPublication | null,
  served: LoadedVersion | null,
  declaration: Declaration,
  manifestFacts: PublishedManifestFacts | null,
): MaterialChanges | undefined {
  if (!current || !served) return undefined;
  const from = current.meta.version;
  let changes: MaterialChange[];
  try {
    changes = materialChanges(served.declaration, declaration, {
      before: served.manifest,
      after: manifestFacts,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    context.report(
      `The material changes since version ${from} could not be computed (${why}); the version is published without them.`,
    );
    return undefined;
  }
  const checked = StoredMaterialChanges.safeParse({ from, changes });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at material.${issue.path.join('.')}` : '';
    context.report(
      `The material changes since version ${from} were not kept (${issue?.message ?? 'invalid'}${where}); the version is published without them.`,
    );
    return undefined;
  }
  if (new TextEncoder().encode(JSON.stringify(checked.data)).length > MAX_MATERIAL_BYTES) {
    context.report(
      `The material changes since version ${from} (${changes.length}) are too long to keep with the version; it is published without them.`,
    );
    return undefined;
  }
  return checked.data;
}

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
    manifestFacts = null,
  }: PublishOptions = {},
): Promise<PublishResult> {
  const context: StorageContext = {
    store,
    now,
    keys: storageKeys(keyPrefix),
    report: logReporter,
    bareKeys: null,
  };
  const { published, record } = await publishRecord(
    context,
    declaration,
    appVersion,
    manifestFacts,
  );
  return { published, version: record.meta };
}

/**
 * Publishes a declaration as the next version, answering with its publication record.
 *
 * Idempotent: the same content as the served version writes nothing. Atomic for readers: the
 * pieces are written first, then the immutable version record (FAIL_IF_EXISTS, so two concurrent
 * publications cannot both take a number), and only then, in one transaction, the publication
 * record and the pointer readers follow; a failure at any step leaves the previous version served
 * and nothing new visible. Retrying after a failure completes the same version. An existing
 * version record is never overwritten: a number held by a damaged record, by a publication that
 * never finished, or by a version that was published but cannot be served any more is stepped
 * over, so its reviews stay with what was reviewed. The app version is normalised, so whatever
 * the platform sent never blocks publishing. The manifest facts are part of the version: its
 * content hash covers them, so the same declaration with a new egress domain is a new version.
 */
export async function publishRecord(
  context: StorageContext,
  declaration: unknown,
  appVersion: unknown,
  manifestFacts: PublishedManifestFacts | null = null,
): Promise<{ published: boolean; record: StoredPublication }> {
  const { store, keys } = context;
  const encoded = await encodeDeclaration(declaration, manifestFacts);
  const { contentHash, chunks } = encoded;
  const recordedAppVersion = chooseAppVersion([appVersion]);
  let waited = 0;
  let skipped = 0;
  let { current } = await verifiedHead(context);
  let version = (current?.meta.version ?? 0) + 1;
  // Every version shown so far, with those stepped over that were published too.
  let shown = current?.published ?? [];
  // The served version the content was last compared with, and what changed since it.
  let comparedWith: StoredPublication | null | undefined;
  let material: MaterialChanges | undefined;
  for (;;) {
    if (current?.meta.contentHash === contentHash) return { published: false, record: current };
    if (comparedWith !== current) {
      // Read once per head: the same content publishes nothing, other content keeps what changed.
      comparedWith = current;
      const served = await loadServed(context, current);
      if (current && served && sameContent(served, encoded.declaration, manifestFacts))
        return { published: false, record: current };
      material = materialSince(context, current, served, encoded.declaration, manifestFacts);
    }
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
      ...(manifestFacts && { manifest: manifestFacts }),
      ...(material && { material }),
    });
    const writePieces = async () => {
      for (const [index, chunk] of chunks.entries()) {
        const key = keys.chunk(record.meta.version, contentHash, index);
        await store.set(key, toStored(StoredChunk, key, chunk));
      }
    };
    const claim = await claimVersion(context, record, current, writePieces);
    if (claim.kind === 'ours') {
      const publication = await commit(context, claim.record, withVersion(shown, version));
      return { published: true, record: publication };
    }
    if (claim.kind === 'held') {
      if (claim.published) shown = withVersion(shown, version);
      skipped += 1;
      if (skipped > MAX_NUMBERS_SKIPPED) break;
      version += 1;
      continue;
    }
    waited += 1;
    if (waited >= ATTEMPTS) break;
    ({ current } = await verifiedHead(context));
    version = (current?.meta.version ?? 0) + 1;
    shown = current?.published ?? [];
  }
  throw new DisclosureError(
    'STORAGE_ERROR',
    skipped > MAX_NUMBERS_SKIPPED
      ? `Versions ${version - skipped + 1} to ${version} are all held by damaged or unfinished records; nothing was published. The app's logs name them.`
      : 'Another publication of a different declaration is in progress; nothing was changed. Try again in a minute.',
  );
}

/**
 * Makes a claimed version the served one: its publication record and the pointer, in one
 * transaction. When the publication record is there already, that publication completed (a
 * concurrent one of the same content, or this version published before and no longer served):
 * it is kept, and the pointer is moved back onto it only when no later version is served.
 */
async function commit(
  context: StorageContext,
  record: StoredVersionRecord,
  shown: PublishedVersions,
): Promise<StoredPublication> {
  const { store, keys } = context;
  const { version } = record.meta;
  const key = keys.published(version);
  const existing = parsePublication(context, record, await store.get(key));
  if (existing) {
    const pointer = storedOrNull(StoredPublication, keys.current, await store.get(keys.current));
    if (!pointer || pointer.meta.version < version) {
      await store.set(keys.current, toStored(StoredPublication, keys.current, existing));
    }
    return existing;
  }
  const publication = toStored(StoredPublication, key, { ...record, published: shown });
  await store.setAll([
    { key, value: publication },
    { key: keys.current, value: publication },
  ]);
  return publication;
}

/**
 * What holds a version number: our record (created now, or by a concurrent publication of the
 * same content), a publication in progress or just completed (`busy`: read the head again), or a
 * record that stays where it is (`held`: damaged, abandoned by a publication that never finished,
 * or published and no longer served; the next number is tried, nothing is overwritten).
 * `published` says whether the held version was shown, so it stays in the history.
 */
type Claim =
  | { kind: 'ours'; record: StoredVersionRecord }
  | { kind: 'busy' }
  | { kind: 'held'; published: boolean };

async function claimVersion(
  context: StorageContext,
  record: StoredVersionRecord,
  current: StoredPublication | null,
  writePieces: () => Promise<void>,
): Promise<Claim> {
  const { store, keys } = context;
  const { version } = record.meta;
  const key = keys.meta(version);
  let value = await store.get(key);
  const read = value === undefined ? undefined : parseVersionRecord(context, version, value);
  if (!read || (read.ok && read.record.meta.contentHash === record.meta.contentHash)) {
    // The pieces before the record, so a record is only ever created over complete pieces; for
    // a record of this content already there (a retry), written again: that repairs them. A
    // number held by another record gets none, so stepping over it leaves nothing behind.
    await writePieces();
    if (!read) {
      if (await store.create(key, record)) return { kind: 'ours', record };
      value = await store.get(key);
      if (value === undefined) return { kind: 'busy' };
    }
  }
  const existing = parseVersionRecord(context, version, value);
  // A number a newer release holds: publishing around its records would mix two formats.
  if (!existing.ok && existing.error.code === 'UNSUPPORTED_VERSION') throw existing.error;
  if (!existing.ok) {
    context.report(`${existing.error.message} It is kept; publishing under the next number.`);
    return { kind: 'held', published: await wasPublished(context, version) };
  }
  if (existing.record.meta.contentHash === record.meta.contentHash) {
    return { kind: 'ours', record: existing.record };
  }
  if ((current?.meta.version ?? 0) >= version) return { kind: 'busy' };
  if (await wasPublished(context, version)) {
    // Its publication completed (its pointer was lost or rebuilt onto an older version since):
    // nothing is in progress, so nothing to wait for.
    context.report(
      `Version ${version} was published but is not served (its declaration cannot be loaded); it is kept, and this declaration is published under the next number.`,
    );
    return { kind: 'held', published: true };
  }
  const age = context.now().getTime() - Date.parse(existing.record.meta.publishedAt);
  if (age < ABANDONED_AFTER_MS) return { kind: 'busy' };
  context.report(
    `"${key}" was left by a publication that never finished; it is kept, and this declaration is published under the next number.`,
  );
  return { kind: 'held', published: false };
}

/** Whether a publication record of `version` is stored: its publication completed. */
async function wasPublished(context: StorageContext, version: number): Promise<boolean> {
  const key = context.keys.published(version);
  const publication = storedOrNull(StoredPublication, key, await context.store.get(key));
  return publication?.meta.version === version;
}
