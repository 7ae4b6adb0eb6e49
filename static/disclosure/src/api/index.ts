/**
 * The UI's only way to the backend and the host. Components import from here and never call
 * `@forge/bridge` themselves, so tests mock exactly this module.
 */
export {
  diffVersions,
  getDisclosure,
  getVersion,
  listVersions,
  markReviewed,
  type DisclosureDefs,
} from './resolvers.ts';
export {
  enableHostTheme,
  getHostContext,
  openExternal,
  type ColorMode,
  type HostContext,
} from './host.ts';
export { getTranslations, type TranslationsResult } from './i18n.ts';
export { displayNames, productOf, type UserProduct } from './users.ts';
