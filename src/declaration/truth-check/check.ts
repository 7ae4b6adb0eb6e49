/**
 * The truth check: a declaration held against the facts of the app's manifest. Pure: the
 * declaration and the facts in, findings out, sorted by their line in manifest.yml.
 */
import { runsOnAtlassian, type Eligibility } from '../manifest/runs-on-atlassian.ts';
import type { ManifestFacts } from '../manifest/types.ts';
import type { Declaration } from '../schema/index.ts';
import { checkApp } from './app.ts';
import { checkEgressCoverage } from './egress.ts';
import { checkResidencyClaims } from './residency.ts';
import { checkScopeData } from './scopes.ts';
import { checkStorage } from './storage.ts';
import type { Finding } from './types.ts';

/** What the check found, and the "Runs on Atlassian" eligibility the manifest shows. */
export interface TruthCheckResult {
  /** True when no finding is a contradiction. */
  consistent: boolean;
  findings: Finding[];
  runsOnAtlassian: Eligibility;
}

/** Holds the declaration against the manifest's facts. */
export function checkDeclarationAgainstManifest(
  declaration: Declaration,
  facts: ManifestFacts,
): TruthCheckResult {
  const findings = [
    ...checkEgressCoverage(declaration, facts),
    ...checkResidencyClaims(declaration, facts),
    ...checkScopeData(declaration, facts),
    ...checkStorage(declaration, facts),
    ...checkApp(declaration, facts),
  ].sort(
    (a, b) =>
      a.manifest.line - b.manifest.line ||
      a.manifest.column - b.manifest.column ||
      a.rule.localeCompare(b.rule),
  );
  return {
    consistent: findings.every((finding) => finding.severity !== 'contradiction'),
    findings,
    runsOnAtlassian: runsOnAtlassian(facts),
  };
}
