/**
 * What a Forge app's manifest.yml tells the platform about where the app can send and keep data,
 * each fact with the line it is written on.
 */
import type { HostPattern } from './hosts.ts';

/** Where in manifest.yml a fact is written: 1-based line and column, and its path there. */
export interface ManifestPlace {
  line: number;
  column: number;
  /** The path into the manifest, e.g. ["permissions", "external", "fetch", "backend", 1]. */
  path: (string | number)[];
}

/** The lists under `permissions.external` that name hosts outside Atlassian. */
export const EGRESS_KINDS = [
  'fetch.backend',
  'fetch.client',
  'images',
  'media',
  'scripts',
  'styles',
  'fonts',
  'frames',
  'navigation',
] as const;

/** One list under `permissions.external`: backend or client fetch, images, media, ... */
export type EgressKind = (typeof EGRESS_KINDS)[number];

/** One host the app may reach, as an egress entry writes it (`- address: ...` or a plain string). */
export interface EgressEntry extends ManifestPlace {
  kind: EgressKind;
  /** The address as written. */
  address: string;
  /** The host it names, or undefined when the address names none. */
  host: HostPattern | undefined;
  /** `category: analytics`, the one category Forge knows. */
  category?: string;
  /** `inScopeEUD`: whether in-scope End-User Data goes there; undefined when not written. */
  inScopeEUD?: boolean;
  /** Whether it was written as a plain string (deprecated since Forge CLI 13.3). */
  plainString: boolean;
}

/** An egress entry that refers to a remote (`- remote: radar-service`) instead of an address. */
export interface RemoteReference extends ManifestPlace {
  kind: EgressKind;
  remote: string;
}

/** Why a remote is used, as `operations` says: store, compute, client fetch, or other (logs). */
export type RemoteOperation = 'storage' | 'compute' | 'fetch' | 'other';

/** One base URL of a remote: its default, or the one for a data residency region (`EU`, ...). */
export interface RemoteBaseUrl extends ManifestPlace {
  /** `default`, or the region key as written (`EU`, `US`, `DE`, ...). */
  region: string;
  url: string;
  host: HostPattern | undefined;
}

/** One entry of `remotes`: a back end outside Atlassian that the app calls or that calls it. */
export interface Remote extends ManifestPlace {
  key: string;
  baseUrls: RemoteBaseUrl[];
  /** `operations` as written; when the manifest writes none, Forge assumes storage of in-scope data. */
  operations: RemoteOperation[];
  operationsWritten: boolean;
  /** `storage.inScopeEUD`; undefined when not written. */
  storageInScopeEUD?: boolean;
  /** Whether the remote is `configurable` (an admin sets its address on the site). */
  configurable: boolean;
  /** Host patterns a configurable remote may be set to (`configurable.supportedPatterns`). */
  supportedPatterns: HostPattern[];
  /** Whether Forge sends it tokens to call Atlassian APIs as the app or as the user. */
  tokens: { appSystem: boolean; appUser: boolean };
  /** Whether in-scope End-User Data goes to it: stored there, or sent there to be processed. */
  handlesInScopeData: boolean;
}

/** Storage hosted by Atlassian that the manifest grants. */
export interface ForgeStorage {
  /** The `storage:app` scope (Key-Value Store and Custom Entity Store). */
  storageScope?: ManifestPlace;
  /** `app.storage.entities`: custom entities, by name. */
  entities: (ManifestPlace & { name: string })[];
  /** `modules.sql`: Forge SQL; `dareCompliant: false` while it does not follow data residency. */
  sql: (ManifestPlace & { key: string; dareCompliant?: boolean })[];
  /** `modules.objectStore`: Forge Object Store. */
  objectStores: (ManifestPlace & { key: string })[];
}

/** The Atlassian product a scope reads from. */
export type ScopeProduct =
  | 'jira'
  | 'jira-service-management'
  | 'confluence'
  | 'compass'
  | 'bitbucket'
  | 'atlassian-account'
  | 'forge';

/** One OAuth scope in `permissions.scopes`, with what it lets the app read. */
export interface ScopeFact extends ManifestPlace {
  scope: string;
  product: ScopeProduct;
  /** The data it lets the app read, in plain words; empty for a scope that reads nothing. */
  reads: string[];
  /** Whether what it reads is, or holds, data about people (names, e-mail, account ids, content). */
  personal: boolean;
  /** Words a data category that declares this data would use (lower case, matched as word starts). */
  terms: string[];
  /** Whether the scope is in the table; an unknown one is read from its name. */
  known: boolean;
}

/** A `webtrigger` module: a URL anyone can call; `static` when it answers a fixed response. */
export interface WebTrigger extends ManifestPlace {
  key: string;
  /** `response.type: static`: the function cannot send back what it read. */
  staticResponse: boolean;
}

/** A `scheduledTrigger` module: the app runs on its own, without anyone on the site. */
export interface ScheduledTrigger extends ManifestPlace {
  key: string;
  interval?: string;
}

/** A Connect module (`connectModules`, or a `connect-jira:` / `connect-confluence:` module). */
export interface ConnectModule extends ManifestPlace {
  type: string;
  key?: string;
}

/** Everything the check reads from one manifest. */
export interface ManifestFacts {
  appId?: string;
  appIdPlace?: ManifestPlace;
  /** The products the modules extend (`jira:`, `confluence:`, `compass:`, ...), each at its first module type. */
  products: (ManifestPlace & { product: ScopeProduct })[];
  egress: EgressEntry[];
  remoteReferences: RemoteReference[];
  remotes: Remote[];
  storage: ForgeStorage;
  scopes: ScopeFact[];
  /** Where `permissions` (or else `app`) is written: the place to add a missing scope. */
  permissionsPlace: ManifestPlace;
  webTriggers: WebTrigger[];
  scheduledTriggers: ScheduledTrigger[];
  connectModules: ConnectModule[];
  /** `app.connect.remote`: the remote a Connect-on-Forge app is served from. */
  connectRemote?: ManifestPlace & { remote: string };
}

/** A problem that stops the manifest from being read, at a line and column. */
export interface ManifestReadProblem {
  line: number;
  column: number;
  message: string;
}

/** The facts, or why the manifest cannot be read. */
export type ManifestFactsResult =
  { ok: true; facts: ManifestFacts } | { ok: false; problems: ManifestReadProblem[] };
