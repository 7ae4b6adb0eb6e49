import type { AdminModuleKeys } from './admin-modules.ts';

/**
 * This app's own module keys from manifest.yml (test/manifest.test.ts checks they match). The
 * backend itself takes the admin modules as configuration: `src/index.ts` passes these, a
 * vendor's app passes its own.
 */
export const MODULE_KEYS = {
  jiraAdminPage: 'privacy-disclosure-jira-admin',
  /** Every Jira user reads here; never a write. */
  jiraGlobalPage: 'privacy-disclosure-jira-global',
  confluenceGlobalPage: 'privacy-disclosure-confluence-page',
  confluenceGlobalSettings: 'privacy-disclosure-confluence-settings',
} as const;

/** The modules of this app from which product administrators may record reviews. */
export const OWN_ADMIN_MODULE_KEYS: AdminModuleKeys = {
  jira: [MODULE_KEYS.jiraAdminPage],
  confluence: [MODULE_KEYS.confluenceGlobalSettings],
};
