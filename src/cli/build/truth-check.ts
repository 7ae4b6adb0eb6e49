/**
 * The truth check inside `build`: the declaration held against manifest.yml as `check` holds it,
 * its findings printed as `check` prints them. Contradictions stop the build; warnings do not.
 * The facts it read are what the bundle carries beside the declaration.
 */
import {
  checkDeclarationAgainstManifest,
  locateFindings,
  readManifestFacts,
  type Declaration,
} from '../../declaration/index.ts';
import {
  publishedManifestFacts,
  type PublishedManifestFacts,
} from '../../declaration/manifest/published.ts';
import { checkReport, countsLine } from '../check/report.ts';
import { renderText } from '../check/render-text.ts';

/** What the check inside `build` found. */
export type BuildCheck =
  | {
      ok: true;
      /** False when a finding is a contradiction: nothing may be bundled. */
      consistent: boolean;
      /** The findings' lines as `check` prints them, then the counts; empty when none. */
      lines: string[];
      /** The facts to bundle beside the declaration. */
      facts: PublishedManifestFacts;
      /** `no contradictions, 1 warning`: what the check found, in a few words. */
      counts: string;
      /** Whether the manifest allows Runs on Atlassian. */
      runsOnAtlassian: boolean;
    }
  | { ok: false; lines: string[] };

/** Holds the declaration (its text, to locate findings) against the manifest's text. */
export function checkForBuild(
  files: { manifest: string; declaration: string },
  manifestText: string,
  declaration: Declaration,
  declarationText: string,
): BuildCheck {
  const manifest = readManifestFacts(manifestText);
  if (!manifest.ok) {
    return {
      ok: false,
      lines: manifest.problems.map(
        (problem) => `${files.manifest}:${problem.line}:${problem.column}  ${problem.message}`,
      ),
    };
  }
  const result = checkDeclarationAgainstManifest(declaration, manifest.facts);
  const findings = locateFindings(result.findings, declarationText);
  const report = checkReport(files, result, findings, manifest.facts);
  // The first lines of check's text report are its findings, one a line.
  const lines = renderText(report).split('\n').slice(0, findings.length);
  return {
    ok: true,
    consistent: result.consistent,
    lines: findings.length > 0 ? [...lines, `${countsLine(findings)}.`] : [],
    facts: publishedManifestFacts(manifest.facts),
    counts: countsLine(findings),
    runsOnAtlassian: result.runsOnAtlassian.eligible,
  };
}
