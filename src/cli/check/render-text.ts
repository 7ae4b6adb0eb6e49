/** The report as text: one line per finding with both files' lines, then what was checked. */
import { showHost, type ManifestFacts } from '../../declaration/index.ts';
import { countsLine, type CheckReport } from './report.ts';

function joined(items: string[], none: string): string {
  return items.length > 0 ? items.join(', ') : none;
}

function factLines(facts: ManifestFacts): string[] {
  const hosts = (kind: string) =>
    facts.egress
      .filter((entry) => entry.kind === kind)
      .map((entry) => {
        const host = entry.host ? showHost(entry.host) : entry.address;
        const marks = [
          entry.category,
          entry.inScopeEUD === undefined ? undefined : `inScopeEUD: ${entry.inScopeEUD}`,
        ].filter(Boolean);
        return marks.length > 0 ? `${host} (${marks.join(', ')})` : host;
      });
  const kinds = [...new Set(facts.egress.map((entry) => entry.kind))];
  const storage = [
    ...(facts.storage.storageScope ? ['storage:app'] : []),
    ...facts.storage.entities.map((entity) => `entity ${entity.name}`),
    ...facts.storage.sql.map((module) => `sql ${module.key}`),
    ...facts.storage.objectStores.map((module) => `object store ${module.key}`),
  ];
  return [
    `  egress: ${joined(
      kinds.map((kind) => `${kind} ${hosts(kind).join(', ')}`),
      'none',
    )}`,
    `  remotes: ${joined(
      facts.remotes.map(
        (remote) =>
          `${remote.key} (${joined(
            remote.baseUrls.map((url) => url.url),
            'no base URL',
          )}; ${remote.operationsWritten ? remote.operations.join(', ') : 'no operations'}${remote.storageInScopeEUD === undefined ? '' : `; storage inScopeEUD: ${remote.storageInScopeEUD}`})`,
      ),
      'none',
    )}`,
    `  Forge storage: ${joined(storage, 'none')}`,
    ...facts.scopes.map(
      (scope) =>
        `  scope ${scope.scope}: ${scope.reads.length > 0 ? `reads ${scope.reads.join('; ')}` : 'reads no product data'}`,
    ),
    `  web triggers: ${joined(
      facts.webTriggers.map(
        (trigger) => `${trigger.key}${trigger.staticResponse ? ' (static)' : ''}`,
      ),
      'none',
    )}`,
    `  scheduled triggers: ${joined(
      facts.scheduledTriggers.map(
        (trigger) => `${trigger.key}${trigger.interval ? ` (${trigger.interval})` : ''}`,
      ),
      'none',
    )}`,
    `  Connect modules: ${joined(
      facts.connectModules.map((module) => `${module.type}${module.key ? ` ${module.key}` : ''}`),
      'none',
    )}`,
  ];
}

/** The text report. */
export function renderText(report: CheckReport): string {
  const lines = report.findings.map(
    (finding) =>
      `${report.manifestFile}:${finding.manifest.line}:${finding.manifest.column}  ${report.declarationFile}:${finding.declaration.line}:${finding.declaration.column}  ${finding.severity} [${finding.rule}]  ${finding.message}`,
  );
  const roa = report.runsOnAtlassian;
  if (lines.length > 0) lines.push('');
  lines.push(
    `Checked ${report.declarationFile} against ${report.manifestFile}:`,
    ...factLines(report.facts),
    `Runs on Atlassian: ${roa.eligible ? 'yes, as far as the manifest shows (Atlassian decides it; forge eligibility)' : 'no'}`,
    ...roa.blockers.map(
      (blocker) =>
        `  ${report.manifestFile}:${blocker.line}:${blocker.column}  ${blocker.entry}: ${blocker.reason}`,
    ),
    `${report.consistent ? 'Consistent' : 'Not consistent'}: ${countsLine(report.findings)}.`,
  );
  return `${lines.join('\n')}\n`;
}
