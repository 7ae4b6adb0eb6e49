/**
 * Module keys from manifest.yml. The backend trusts `context.moduleKey` (set by the platform, not
 * by the page) to tell which page called; test/manifest.test.ts checks these match the manifest.
 */
export const MODULE_KEYS = {
  jiraAdminPage: 'privacy-disclosure-jira-admin',
  confluenceGlobalPage: 'privacy-disclosure-confluence-page',
  confluenceGlobalSettings: 'privacy-disclosure-confluence-settings',
} as const;

/** The product whose administrators may record reviews from each admin module. */
export const ADMIN_MODULES: Readonly<Record<string, 'jira' | 'confluence'>> = {
  [MODULE_KEYS.jiraAdminPage]: 'jira',
  [MODULE_KEYS.confluenceGlobalSettings]: 'confluence',
};

/** Whether `moduleKey` is one of the admin-only modules. */
export function isAdminModule(moduleKey: unknown): moduleKey is string {
  return typeof moduleKey === 'string' && Object.hasOwn(ADMIN_MODULES, moduleKey);
}
