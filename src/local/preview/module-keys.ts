import { MODULE_KEYS } from '../../backend/module-keys.ts';
import type { HostPageId } from './model.ts';

/** The module key of each host page, as the app's manifest names it. */
export type ModuleKeys = Record<HostPageId, string>;

/**
 * The backend's own module keys (checked against manifest.yml by its tests), so the resolvers see
 * the same `context.moduleKey` they would in the product.
 */
export const PREVIEW_MODULE_KEYS: ModuleKeys = {
  'jira-admin': MODULE_KEYS.jiraAdminPage,
  'jira-global': MODULE_KEYS.jiraGlobalPage,
  'confluence-global': MODULE_KEYS.confluenceGlobalPage,
};
