/** The check's report as data: findings located in both files, eligibility, and the facts. */
import type {
  Eligibility,
  LocatedFinding,
  ManifestFacts,
  TruthCheckResult,
} from '../../declaration/index.ts';

/** Everything one run of `check` found, with the files as the vendor named them. */
export interface CheckReport {
  manifestFile: string;
  declarationFile: string;
  consistent: boolean;
  findings: LocatedFinding[];
  runsOnAtlassian: Eligibility;
  facts: ManifestFacts;
}

/** The report of one run. */
export function checkReport(
  files: { manifest: string; declaration: string },
  result: TruthCheckResult,
  findings: LocatedFinding[],
  facts: ManifestFacts,
): CheckReport {
  return {
    manifestFile: files.manifest,
    declarationFile: files.declaration,
    consistent: result.consistent,
    findings,
    runsOnAtlassian: result.runsOnAtlassian,
    facts,
  };
}

/** `3 contradictions, 1 warning`, or `no contradictions`. */
export function countsLine(findings: LocatedFinding[]): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const contradictions = findings.filter((finding) => finding.severity === 'contradiction').length;
  const warnings = findings.length - contradictions;
  return `${contradictions ? plural(contradictions, 'contradiction') : 'no contradictions'}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
}
