import { chooseAppVersion } from './app-version.ts';
import { repairHead, verifiedHead } from './check-head.ts';
import { encodeDeclaration } from './content.ts';
import type { ServiceContext } from './disclosure-service.ts';
import { DisclosureError } from './errors.ts';
import { readHead, type Head } from './head.ts';
import { publishRecord } from './publish.ts';
import { samePublication, StoredChunk, toStored, type StoredPublication } from './records.ts';
import { loadVersion, type LoadedVersion } from './repository.ts';

/** A head with a served version. */
export type ServedHead = Head & { current: StoredPublication };

/** The head as it is, or, when nothing can be served, after publishing the app's declaration. */
async function orPublished(context: ServiceContext, head: Head): Promise<ServedHead> {
  if (head.current) return { ...head, current: head.current };
  const appVersion = chooseAppVersion([], context.fallbackAppVersion);
  const { record } = await publishRecord(
    context,
    context.declaration,
    appVersion,
    context.manifestFacts,
  );
  return { current: record, latestReview: head.latestReview };
}

/**
 * The head as read, publishing first when nothing can be served, its pointer not yet compared
 * with the publication record of its version: for a reader that reads that record anyway, in a
 * request it makes for more (a page view, a page of the history), and checks it.
 */
export async function unverifiedHead(context: ServiceContext): Promise<ServedHead> {
  return orPublished(context, await readHead(context));
}

/** The checked head for the history, a version, a diff or a review (see `verifiedHead`). */
export async function servedHead(context: ServiceContext): Promise<ServedHead> {
  return orPublished(context, await verifiedHead(context));
}

/**
 * What a page view shows: the served version and the head. Two storage requests when the pointer,
 * the publication record read with the pieces, and the pieces agree; otherwise the pointer is
 * checked against `meta:<v>` and repaired first (`repairHead`), and then damaged pieces of the
 * declaration the app ships are written again.
 */
export async function loadServedVersion(
  context: ServiceContext,
): Promise<{ head: ServedHead; loaded: LoadedVersion }> {
  const head = await orPublished(context, await readHead(context));
  const loaded = await loadVersion(context, head.current).catch(unlessDamaged);
  if (loaded?.publication && samePublication(loaded.publication, head.current)) {
    return { head, loaded };
  }
  const repaired = await orPublished(context, await repairHead(context, head.current));
  return { head: repaired, loaded: await loadRepairing(context, repaired.current) };
}

function unlessDamaged(error: unknown): null {
  if (error instanceof DisclosureError && error.code === 'CORRUPT_DATA') return null;
  throw error;
}

/**
 * Loads a version whose pointer agrees with its records. When its pieces are damaged and the app
 * ships that very declaration, they are written again from it (they are named by its hash)
 * instead of failing every page view until the next upgrade; only that version's pieces, and only
 * once `meta:<v>` has confirmed the hash.
 */
async function loadRepairing(
  context: ServiceContext,
  record: StoredPublication,
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

async function rewritePieces(context: ServiceContext, record: StoredPublication) {
  const { version, contentHash } = record.meta;
  const encoded = await encodeDeclaration(context.declaration, context.manifestFacts).catch(
    () => null,
  );
  if (encoded?.contentHash !== contentHash || encoded.chunks.length !== record.chunkCount) {
    return false;
  }
  for (const [index, chunk] of encoded.chunks.entries()) {
    const key = context.keys.chunk(version, contentHash, index);
    await context.store.set(key, toStored(StoredChunk, key, chunk));
  }
  return true;
}
