/**
 * The truth check: a declaration held against what the app's manifest.yml says it does (egress,
 * remotes, Forge storage, scopes), with findings located in both files. Pure.
 */
export { checkDeclarationAgainstManifest, type TruthCheckResult } from './check.ts';
export { locateFindings } from './locate.ts';
export { declaresScopeData } from './scopes.ts';
export * from './types.ts';
