/**
 * What init prints: what it changed (or, with --dry-run, would change), what the vendor should
 * know, and the steps left to do. Pure.
 */
import { PRODUCT_PAGES } from './manifest/products.ts';
import { BUILD_SCRIPT_NAME, PACKAGE_NAME } from './package-json.ts';
import { DECLARATION_PATH, type InitPlan } from './plan-init.ts';

/** How the UI copy went (or would go). */
export interface UiCopyReport {
  path: string;
  /** Files copied; undefined when the folder already held the disclosure's copy. */
  files?: number;
}

function list(items: string[], indent = '  '): string {
  return items.map((item) => `${indent}- ${item}\n`).join('');
}

/**
 * The steps the vendor must still take, numbered: only those true for what this run changes.
 * Forge makes a version an admin must accept only for new scopes and content permissions;
 * new pages, functions and triggers reach every site with the next deploy.
 */
export function nextSteps(plan: InitPlan): string[] {
  const steps: string[] = [];
  if (!plan.packageJson.hasPackage) {
    steps.push(
      `npm install ${PACKAGE_NAME}: the handler file imports its backend, and forge deploy bundles it from node_modules.`,
    );
  }
  steps.push(
    plan.declarationWritten
      ? `Make ${DECLARATION_PATH} true for your app: add what it collects and fill in every "Not stated yet" and not-stated from your privacy policy, then delete its first line.`
      : `Keep ${DECLARATION_PATH} true for your app.`,
  );
  steps.push(
    `npm run ${BUILD_SCRIPT_NAME}: validates the declaration (errors at file:line:column), bundles it into the app and copies the UI in.${plan.packageJson.chainedIntoBuild ? ' Your build script now runs it first.' : ' Run it before every forge deploy.'}`,
  );
  steps.push('forge deploy');
  const permissions = plan.manifest.permissionChanges;
  if (permissions.length > 0) {
    steps.push(
      `forge install --upgrade on each site: the new permissions (${permissions.join(', ')}) make this a major version, which an admin must accept.`,
    );
  }
  const manifestChanged = plan.files.some((file) => file.path === 'manifest.yml');
  if (manifestChanged && plan.manifest.products.length > 1) {
    steps.push(
      `Marketplace: an app in ${plan.manifest.products.map((p) => PRODUCT_PAGES[p].label).join(' and ')} is a multi-product app (app.compatibility), a Forge Preview feature; Atlassian advises keeping such a listing private until it is generally available.`,
    );
  }
  return steps;
}

/** The report after a real or dry run. */
export function initReport(plan: InitPlan, ui: UiCopyReport | undefined, dryRun: boolean): string {
  const verb = dryRun ? 'would change' : 'changed';
  const nothing = plan.files.length === 0 && ui?.files === undefined;
  const products = plan.manifest.products
    .map((p) =>
      p === 'jira' && plan.manifest.serviceManagement
        ? 'Jira Service Management'
        : PRODUCT_PAGES[p].label,
    )
    .join(', ');
  let text = nothing
    ? `privacy-disclosure init: nothing to change; ${plan.appName} (${products}) already has the Privacy Disclosure.\n`
    : `privacy-disclosure init ${verb} ${plan.appName} (${products}):\n`;
  for (const file of plan.files) {
    text += `\n${file.path}${file.before === undefined ? ' (new)' : ''}: ${file.summary}\n`;
    if (file.path === 'manifest.yml') text += list(plan.manifest.changes);
  }
  if (ui?.files !== undefined) {
    text += `\n${ui.path}/ (new): the prebuilt UI, ${ui.files} files\n`;
  }
  const notes = [...plan.manifest.notes, ...plan.notes];
  if (notes.length > 0) text += `\nNotes:\n${list(notes)}`;
  if (dryRun) text += '\nNothing was written (--dry-run).\n';
  const steps = nextSteps(plan);
  text += `\n${nothing ? 'When you change the declaration' : 'Still to do'}:\n`;
  const shown = nothing ? steps.filter((step) => !step.startsWith('Make ')) : steps;
  text += shown.map((step, index) => `  ${index + 1}. ${step}\n`).join('');
  return text;
}
