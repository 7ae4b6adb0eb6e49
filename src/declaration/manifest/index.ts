/**
 * Facts from a Forge app's manifest.yml: egress by kind, remotes, Forge-hosted storage, the
 * product scopes with the data each lets the app read, triggers and Connect modules, each with
 * its line; and the "Runs on Atlassian" eligibility they imply. Pure.
 */
export * from './types.ts';
export { covers, coversPart, parseHost, showHost, type HostPattern } from './hosts.ts';
export { readManifestFacts } from './read-manifest.ts';
export { describeScope } from './scopes.ts';
export { SCOPE_TABLE, type ScopeData } from './scope-table.ts';
export { grantsForgeStorage } from './storage.ts';
export {
  isBlockableAnalytics,
  runsOnAtlassian,
  type Eligibility,
  type EligibilityBlocker,
} from './runs-on-atlassian.ts';
