/**
 * The report as SARIF 2.1.0 (OASIS), for code-scanning tools: one result per finding, located in
 * manifest.yml and in the declaration, with the check's rules in the tool's driver.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type RuleId } from '../../declaration/index.ts';
import type { CheckReport } from './report.ts';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function uri(file: string): string {
  return isAbsolute(file) ? pathToFileURL(file).href : file.split('\\').join('/');
}

function level(severity: 'contradiction' | 'warning'): 'error' | 'warning' {
  return severity === 'contradiction' ? 'error' : 'warning';
}

function physical(file: string, line: number, column: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(file) },
      region: { startLine: line, startColumn: column },
    },
  };
}

/** The SARIF log, as JSON text. */
export function renderSarif(report: CheckReport, toolVersion: string): string {
  const ruleIds = Object.keys(RULES) as RuleId[];
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'privacy-disclosure check',
            version: toolVersion,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: RULES[id].summary },
              defaultConfiguration: { level: level(RULES[id].severity) },
            })),
          },
        },
        results: report.findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIds.indexOf(finding.rule),
          level: level(finding.severity),
          message: { text: finding.message },
          locations: [
            physical(report.manifestFile, finding.manifest.line, finding.manifest.column),
            physical(report.declarationFile, finding.declaration.line, finding.declaration.column),
          ],
        })),
        properties: {
          consistent: report.consistent,
          runsOnAtlassian: {
            eligible: report.runsOnAtlassian.eligible,
            blockers: report.runsOnAtlassian.blockers.map(({ path: _path, ...blocker }) => blocker),
          },
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
