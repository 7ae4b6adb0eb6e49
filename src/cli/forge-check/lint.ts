/**
 * Forge's client-side lint rules (`forge lint`, and the lint `forge deploy` runs first) over the
 * files Forge bundles: manifest rules, handler exports, and per REST call the scope the endpoint
 * needs. Runs in the app directory, as Forge's lint reads tsconfig.json and manifest.yml there.
 */
import type { ManifestSchema } from '@forge/manifest';
import type { LinterInterface, LintInput, LintResult } from '@forge/lint';
import type { ForgeApp } from './app.ts';
import { collectingLogger, offlineFeatureFlags, type ForgeTools } from './forge-tools.ts';
import type { Problem } from './report.ts';

/** The environment `forge lint` checks against when none is given. */
const ENVIRONMENT = 'development';

/** What Forge's lint reported, and which scopes the app's REST calls need according to it. */
export interface LintOutcome {
  problems: Problem[];
  /** Every scope the permission rule asks for when the manifest has none, sorted. */
  neededScopes: string[];
}

function withoutScopes(manifest: ManifestSchema): ManifestSchema {
  const copy = structuredClone(manifest);
  if (copy.permissions) copy.permissions.scopes = [];
  return copy;
}

/**
 * Forge's permission rule once more over the same parsed files, against the manifest with its
 * scopes taken away: then it names every scope the calls need, which the report shows and a
 * test compares with the manifest. Its results are kept apart from Forge's own.
 */
function scopeDemand(
  tools: ForgeTools,
  manifest: ManifestSchema,
  sink: LintResult[],
): LinterInterface {
  const logger = collectingLogger([]);
  const rule = new tools.lint.PermissionLinter(ENVIRONMENT, withoutScopes(manifest), logger);
  return {
    bootstrap: () => rule.bootstrap(),
    batchExecute: async (inputs?: LintInput[]) => {
      sink.push(...(await rule.batchExecute(inputs)));
      return [];
    },
  };
}

function problemsOf(results: LintResult[]): Problem[] {
  return results.flatMap((result) => {
    const at = (rule: LintResult['errors'][number]) => ({
      step: 'lint' as const,
      file: result.file,
      line: rule.line,
      column: rule.column,
      message: rule.message,
    });
    return [
      ...result.errors.map((rule) => ({ ...at(rule), level: 'error' as const })),
      // Forge's lint fails on a rule that needs approval, like on an error.
      ...result.approvals.map((rule) => ({
        ...at(rule),
        message: `needs approval: ${rule.message}`,
      })),
      ...result.warnings.map((rule) => ({ ...at(rule), level: 'warning' as const })),
    ];
  });
}

/** Runs Forge's client-side lint over `files` (relative to the app directory, the cwd). */
export async function runForgeLint(
  app: ForgeApp,
  tools: ForgeTools,
  files: string[],
): Promise<LintOutcome> {
  const forgeLint = tools.lint;
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const flags = offlineFeatureFlags(tools);
  const demand: LintResult[] = [];
  const linters = [
    ...(await forgeLint.getClientSideLintersOnly(app.manifest, ENVIRONMENT, logger, flags)),
    scopeDemand(tools, app.manifest, demand),
  ];
  let results: LintResult[];
  try {
    results = await forgeLint.lint(files, app.manifest, ENVIRONMENT, logger, flags, {
      linter: { mode: 'client-side' },
      linters,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problems: [{ step: 'lint', message: `Forge's lint stopped: ${message}` }],
      neededScopes: [],
    };
  }
  const needed = demand.flatMap((result) =>
    result.errors.map((rule) => rule.metadata?.missingPermission as unknown),
  );
  return {
    problems: [
      ...problemsOf(results),
      ...warnings.map((message) => ({ step: 'lint' as const, level: 'warning' as const, message })),
    ],
    neededScopes: [...new Set(needed.filter((scope) => typeof scope === 'string'))].sort(),
  };
}
