import { canonicalJson } from '../declaration/canonical.ts';
import {
  publishedContentHash,
  type PublishedManifestFacts,
} from '../declaration/manifest/published.ts';
import { formatPath, parseDeclaration } from '../declaration/parse.ts';
import { CURRENT_SCHEMA_VERSION } from '../declaration/schema/declaration.ts';
import type { Declaration } from '../declaration/schema/index.ts';
import { corrupt, DisclosureError } from './errors.ts';
import { unsupported } from './record-version.ts';
import { CHUNK_CODE_UNITS, MAX_CHUNKS } from './records.ts';

/** A declaration ready to store: its canonical JSON, hash and the pieces to write. */
export interface EncodedDeclaration {
  declaration: Declaration;
  /** Of the declaration and the manifest facts published with it (`publishedContentHash`). */
  contentHash: string;
  chunks: string[];
}

/**
 * Validates and normalises a declaration, then splits its canonical JSON into storable pieces.
 * Refuses (INVALID_DECLARATION) an invalid or oversized declaration rather than truncating it.
 * The hash covers the manifest facts published with it, which the version record holds.
 */
export async function encodeDeclaration(
  value: unknown,
  manifestFacts?: PublishedManifestFacts | null,
): Promise<EncodedDeclaration> {
  const parsed = parseDeclaration(value);
  if (!parsed.ok) {
    const issues = parsed.issues
      .slice(0, 5)
      .map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new DisclosureError('INVALID_DECLARATION', `The declaration is not valid: ${issues}`);
  }
  const json = canonicalJson(parsed.declaration);
  const chunks = split(json);
  if (chunks.length > MAX_CHUNKS) {
    const kib = Math.ceil(json.length / 1024);
    const limit = Math.floor((MAX_CHUNKS * CHUNK_CODE_UNITS) / 1024);
    throw new DisclosureError(
      'INVALID_DECLARATION',
      `The declaration is too large to publish: about ${kib} KiB of JSON, the limit is ${limit} KiB. Shorten its texts or move long passages to the full policy linked from it.`,
    );
  }
  return {
    declaration: parsed.declaration,
    contentHash: await publishedContentHash(json, manifestFacts),
    chunks,
  };
}

function split(json: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + CHUNK_CODE_UNITS, json.length);
    // Never cut a surrogate pair in two: each half would be stored as an escaped lone surrogate.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}

/**
 * Reassembles stored pieces and checks them: every piece present and the hash matching, else
 * CORRUPT_DATA, so a damaged version is never served.
 *
 * A declaration in the current format whose hash matches is `JSON.parse`d and served as it is,
 * without the schema, the reference checks and the warnings again (a quarter of a page view on a
 * large declaration). That is safe because of who can write and what the hash covers:
 * - Only this app's own code writes its Forge storage: KVS is per installation of the app
 *   (`storage:app`), out of reach of other apps, of the site's users and of the page, whose
 *   payloads only ever reach validated resolvers.
 * - The hash is SHA-256 over the canonical JSON the publication wrote, after validating it
 *   ({@link encodeDeclaration}), and over the manifest facts; it is kept in the version record,
 *   which is created once. A piece lost, truncated, mixed with another version's or changed in a
 *   single byte no longer matches and is refused as CORRUPT_DATA, as is any JSON the hash matches
 *   that does not parse or is not an object.
 * - A format's schema never becomes stricter without a new `schemaVersion`: anything the current
 *   release must check again is in an older format. So a declaration in an older format goes
 *   through `parseDeclaration` and its migrations and is served in the current one; its hash is
 *   of the bytes stored, so it still verifies. One in a newer format (stored by a later release,
 *   before a downgrade) is refused as UNSUPPORTED_VERSION, not called damaged.
 * The hash is checked over the pieces and the manifest facts of the version's record, so facts
 * changed in storage do not verify either.
 */
export async function decodeDeclaration(
  version: number,
  pieces: unknown[],
  expectedHash: string,
  manifestFacts?: PublishedManifestFacts | null,
): Promise<Declaration> {
  const what = `declaration of version ${version}`;
  if (pieces.some((piece) => typeof piece !== 'string')) throw corrupt(what, 'a piece is missing');
  const json = (pieces as string[]).join('');
  if ((await publishedContentHash(json, manifestFacts)) !== expectedHash)
    throw corrupt(what, 'its content hash does not match');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw corrupt(what, 'it is not valid JSON');
  }
  const format = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof format === 'number' && Number.isInteger(format) && format > CURRENT_SCHEMA_VERSION) {
    throw unsupported(
      what,
      `declaration format ${format}`,
      `declaration format ${CURRENT_SCHEMA_VERSION}`,
    );
  }
  if (format === CURRENT_SCHEMA_VERSION && isObject(value)) return value as Declaration;
  const parsed = parseDeclaration(value);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw corrupt(
      what,
      `${formatPath(first?.path ?? []) || '(root)'}: ${first?.message ?? 'invalid'}`,
    );
  }
  return parsed.declaration;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
