/**
 * Everything init would write into an app, computed from what it read there before anything is
 * written: the manifest, the starting declaration, the handler file, package.json and
 * .gitignore, and what the vendor should change themselves (tsconfig.json). A file that would
 * not change is left out, so a second run plans nothing. Pure.
 */
import { startingDeclaration, isForgeAppId, type DeclaredProduct } from './declaration-template.ts';
import { planGitignore } from './gitignore.ts';
import { handlerFile, HANDLER_MARKER } from './handler-template.ts';
import {
  HANDLER_MODULE,
  PERSONAL_DATA_EXPORT,
  PERSONAL_DATA_HANDLER,
} from './manifest/disclosure-parts.ts';
import { planManifest, type ManifestPlan } from './manifest/plan-manifest.ts';
import { formatManifestProblem, readManifest } from './manifest/read-manifest.ts';
import { planPackageJson, type PackageJsonPlan } from './package-json.ts';
import { tsconfigNote, type TsconfigRead } from './tsconfig-resolution.ts';

/** Where init writes the starting declaration, relative to the app's root. */
export const DECLARATION_PATH = 'privacy/declaration.yaml';

/** What init read in the app. */
export interface AppSnapshot {
  manifest: string;
  packageJson: string;
  /** .gitignore, when there is one. */
  gitignore?: string;
  declarationExists: boolean;
  /** An existing src/privacy-disclosure.ts or .js, with its text. */
  handler?: { path: string; text: string };
  /** Whether the app is written in TypeScript (its handlers are .ts, or it has a tsconfig.json). */
  typescript: boolean;
  /** The module settings of its tsconfig.json, for a note when they would not find the backend. */
  tsconfig: TsconfigRead;
  /** Today, YYYY-MM-DD. */
  today: string;
}

/** A file init writes, relative to the app's root, with its text before (undefined: new). */
export interface PlannedFile {
  path: string;
  before?: string;
  after: string;
  /** What the change is, in a line. */
  summary: string;
}

/** What init will do. */
export interface InitPlan {
  files: PlannedFile[];
  manifest: ManifestPlan;
  packageJson: PackageJsonPlan;
  appName: string;
  /** The handler file's path, new or existing. */
  handlerPath: string;
  declarationWritten: boolean;
  /** What the vendor should know about files other than the manifest (their tsconfig.json). */
  notes: string[];
}

/** The plan, or located problems (`file:line:column  message`) that stop init. */
export type InitPlanResult = { ok: true; plan: InitPlan } | { ok: false; problems: string[] };

/** A readable app name from an npm package name: "@acme/worklog-summary" → "Worklog summary". */
export function appNameFrom(packageName: string | undefined): string {
  const bare = (packageName ?? '')
    .replace(/^@[^/]+\//, '')
    .replace(/[-_.]+/g, ' ')
    .trim();
  if (!bare) return 'This app';
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function declaredProducts(plan: ManifestPlan): DeclaredProduct[] {
  const products: DeclaredProduct[] = [];
  for (const product of plan.products) {
    products.push(product);
    if (product === 'jira' && plan.serviceManagement) products.push('jira-service-management');
  }
  return products;
}

/** Whether a handler file exports the personal data report's function. */
function exportsPersonalData(text: string): boolean {
  const name = PERSONAL_DATA_EXPORT;
  return (
    new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|const|let|var)\\s+${name}\\b`).test(text) ||
    new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(text)
  );
}

/**
 * What to add to a handler file written before the disclosure had its personal data report:
 * init never writes that file again, and manifest.yml now names its export.
 */
function personalDataExportNote(path: string): string {
  return `${path} does not export ${PERSONAL_DATA_EXPORT}, which manifest.yml now names (${PERSONAL_DATA_HANDLER}, the weekly personal data report); init never rewrites that file, so add to it, with createPersonalDataReport imported from 'privacy-disclosure/backend' beside createDisclosureBackend: "const reportPersonalData = createPersonalDataReport({ keyPrefix: disclosure.keyPrefix }); export async function ${PERSONAL_DATA_EXPORT}() { await reportPersonalData(); return { statusCode: 204 }; }". Without it, the weekly report has no function to run.`;
}

/** Plans init for an app from what was read in it. Never throws on bad input. */
export function planInit(app: AppSnapshot): InitPlanResult {
  const read = readManifest(app.manifest);
  if (!read.ok) {
    return {
      ok: false,
      problems: read.problems.map((p) => formatManifestProblem('manifest.yml', p)),
    };
  }
  const manifestResult = planManifest(read.manifest);
  if (!manifestResult.ok) {
    return {
      ok: false,
      problems: manifestResult.problems.map((p) => formatManifestProblem('manifest.yml', p)),
    };
  }
  const manifest = manifestResult.plan;
  const pkg = planPackageJson(app.packageJson);
  if (!pkg.ok)
    return { ok: false, problems: [`package.json:${pkg.line}:${pkg.column}  ${pkg.message}`] };
  const packageJson = pkg.plan;
  const files: PlannedFile[] = [];
  const handlerPath = app.handler?.path ?? `src/${HANDLER_MODULE}.${app.typescript ? 'ts' : 'js'}`;
  if (app.handler && !app.handler.text.startsWith(HANDLER_MARKER) && !manifest.hadDisclosure) {
    return {
      ok: false,
      problems: [
        `${app.handler.path}:1:1  this file is not the one init writes, but the disclosure's functions need its name (${HANDLER_MODULE}.handler in manifest.yml); rename yours, then run init again`,
      ],
    };
  }
  const appName = appNameFrom(packageJson.name);
  if (manifest.text !== app.manifest) {
    files.push({
      path: 'manifest.yml',
      before: app.manifest,
      after: manifest.text,
      summary: "the disclosure's modules, resource, functions, triggers and permissions",
    });
  }
  if (!app.handler) {
    files.push({
      path: handlerPath,
      after: handlerFile(),
      summary: "the disclosure's Forge functions",
    });
  }
  const declarationWritten = !app.declarationExists;
  if (declarationWritten) {
    const appId = (read.manifest.value.app as { id?: unknown } | undefined)?.id;
    files.push({
      path: DECLARATION_PATH,
      after: startingDeclaration({
        appName,
        products: declaredProducts(manifest),
        forgeAppId: isForgeAppId(appId) ? appId : undefined,
        today: app.today,
      }),
      summary: 'a starting declaration: every unknown is not-stated',
    });
  }
  if (packageJson.text !== app.packageJson) {
    files.push({
      path: 'package.json',
      before: app.packageJson,
      after: packageJson.text,
      summary: packageJson.changes.join('; '),
    });
  }
  const gitignore = planGitignore(app.gitignore, manifest.uiPath);
  if (gitignore !== (app.gitignore ?? '')) {
    files.push({
      path: '.gitignore',
      before: app.gitignore,
      after: gitignore,
      summary: `/${manifest.uiPath}/, the UI copy build refreshes`,
    });
  }
  const notes: string[] = [];
  const missingExport = app.handler && !exportsPersonalData(app.handler.text);
  if (missingExport) notes.push(personalDataExportNote(app.handler!.path));
  if (handlerPath.endsWith('.ts')) {
    const note = tsconfigNote(app.tsconfig, handlerPath);
    if (note) notes.push(note);
  }
  return {
    ok: true,
    plan: { files, manifest, packageJson, appName, handlerPath, declarationWritten, notes },
  };
}
