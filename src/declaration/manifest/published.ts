/**
 * The facts of a manifest as they are published with a version: small JSON, bundled at build
 * time beside the declaration, stored with each version, and shown on the page ("Checked against
 * the app's manifest"). Lines, reasons in English and scope descriptions stay with `check`: the
 * page words every fact from the catalogue. Pure.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../canonical.ts';
import { showHost } from './hosts.ts';
import { runsOnAtlassian } from './runs-on-atlassian.ts';
import { EGRESS_KINDS, type ManifestFacts } from './types.ts';

const Name = z.string().min(1).max(500);
const Names = z.array(Name).max(1000);

/** One host the manifest lets the app reach, by the list it is in. */
const PublishedEgress = z.strictObject({
  /** The list under `permissions.external`: `fetch.backend`, `images`, ... */
  kind: z.enum(EGRESS_KINDS),
  /** The host as the vendor reads it (`*.example.com`), or the address when it names none. */
  host: Name,
  /** `category: analytics`, when written. */
  category: z.string().min(1).max(64).optional(),
  /** `inScopeEUD`, when written. */
  inScopeEUD: z.boolean().optional(),
});

/** One remote: its key, the hosts of its base URLs, what it is used for. */
const PublishedRemote = z.strictObject({
  key: Name,
  hosts: Names,
  operations: z.array(z.enum(['storage', 'compute', 'fetch', 'other'])).max(4),
  /** Whether in-scope End-User Data is stored there or sent there to be processed. */
  handlesInScopeData: z.boolean(),
});

/** Why the manifest keeps the app from "Runs on Atlassian": the criterion and the entry. */
const PublishedBlocker = z.strictObject({
  criterion: z.enum(['remote', 'connect', 'egress', 'web-trigger', 'storage-residency']),
  /** The entry as the manifest names it: `remotes: radar-service`. */
  entry: Name,
});

/** Validates {@link PublishedManifestFacts}: the bundle, a backend option, a stored value. */
export const PublishedManifestFacts = z.strictObject({
  appId: Name.optional(),
  egress: z.array(PublishedEgress).max(1000),
  remotes: z.array(PublishedRemote).max(200),
  /** Forge-hosted storage the manifest grants. */
  storage: z.strictObject({
    /** `storage:app`: the Key-Value Store and the Custom Entity Store. */
    keyValueStore: z.boolean(),
    entities: Names,
    sql: Names,
    objectStores: Names,
  }),
  scopes: Names,
  webTriggers: z.array(z.strictObject({ key: Name, staticResponse: z.boolean() })).max(200),
  scheduledTriggers: z
    .array(z.strictObject({ key: Name, interval: z.string().min(1).max(64).optional() }))
    .max(200),
  /** Connect modules, by type and key. */
  connectModules: Names,
  runsOnAtlassian: z.strictObject({
    eligible: z.boolean(),
    blockers: z.array(PublishedBlocker).max(1000),
  }),
});
/** What a published version says the app's manifest showed when it was built. */
export type PublishedManifestFacts = z.infer<typeof PublishedManifestFacts>;

/** The facts of a manifest, as they are published. */
export function publishedManifestFacts(facts: ManifestFacts): PublishedManifestFacts {
  const eligibility = runsOnAtlassian(facts);
  return {
    ...(facts.appId !== undefined && { appId: facts.appId }),
    egress: facts.egress.map((entry) => ({
      kind: entry.kind,
      host: entry.host ? showHost(entry.host) : entry.address,
      ...(entry.category !== undefined && { category: entry.category }),
      ...(entry.inScopeEUD !== undefined && { inScopeEUD: entry.inScopeEUD }),
    })),
    remotes: facts.remotes.map((remote) => ({
      key: remote.key,
      hosts: [...new Set(remote.baseUrls.map((url) => (url.host ? showHost(url.host) : url.url)))],
      operations: remote.operations,
      handlesInScopeData: remote.handlesInScopeData,
    })),
    storage: {
      keyValueStore: facts.storage.storageScope !== undefined,
      entities: facts.storage.entities.map((entity) => entity.name),
      sql: facts.storage.sql.map((module) => module.key),
      objectStores: facts.storage.objectStores.map((module) => module.key),
    },
    scopes: facts.scopes.map((scope) => scope.scope),
    webTriggers: facts.webTriggers.map(({ key, staticResponse }) => ({ key, staticResponse })),
    scheduledTriggers: facts.scheduledTriggers.map(({ key, interval }) => ({
      key,
      ...(interval !== undefined && { interval }),
    })),
    connectModules: facts.connectModules.map((module) =>
      module.key ? `${module.type}: ${module.key}` : module.type,
    ),
    runsOnAtlassian: {
      eligible: eligibility.eligible,
      blockers: eligibility.blockers.map(({ criterion, entry }) => ({ criterion, entry })),
    },
  };
}

/** The hosts the app sends data to or loads from, each once, in manifest order (navigation aside). */
export function egressHosts(facts: PublishedManifestFacts): string[] {
  return [
    ...new Set(facts.egress.filter((entry) => entry.kind !== 'navigation').map((e) => e.host)),
  ];
}

/**
 * The content hash a version is published under: of the declaration's canonical JSON alone when
 * no manifest facts come with it (every version published before they did), else of that JSON
 * and the facts' canonical JSON after a newline (which canonical JSON never contains), so a new
 * egress domain publishes a new version.
 */
export async function publishedContentHash(
  declarationJson: string,
  facts: PublishedManifestFacts | null | undefined,
): Promise<string> {
  return sha256Hex(facts ? `${declarationJson}\n${canonicalJson(facts)}` : declarationJson);
}
