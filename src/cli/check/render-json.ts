/** The report as JSON, for CI annotations: every finding with both files' lines, and the facts. */
import type { CheckReport } from './report.ts';

/** The JSON report, as text. */
export function renderJson(report: CheckReport): string {
  const json = {
    consistent: report.consistent,
    manifest: report.manifestFile,
    declaration: report.declarationFile,
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      manifest: { file: report.manifestFile, ...finding.manifest },
      declaration: { file: report.declarationFile, ...finding.declaration },
    })),
    runsOnAtlassian: report.runsOnAtlassian,
    facts: report.facts,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
