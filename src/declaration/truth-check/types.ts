/** What the truth check finds: where the declaration and the manifest disagree. */
import type { ManifestPlace } from '../manifest/types.ts';

/**
 * contradiction: the declaration says something the manifest shows is false (exit 1);
 * warning: the manifest allows more than the declaration says, or the declaration may be wrong.
 */
export type FindingSeverity = 'contradiction' | 'warning';

/** The checks, by stable id (used as SARIF rule ids and in the JSON report). */
export const RULES = {
  'undeclared-egress': {
    severity: 'contradiction',
    summary:
      'An egress host in manifest.yml is not among the domains of any declared location or recipient.',
  },
  'egress-wider-than-declared': {
    severity: 'warning',
    summary: 'An egress wildcard in manifest.yml allows more hosts than the declared domains name.',
  },
  'undeclared-remote': {
    severity: 'contradiction',
    summary:
      'A remote in manifest.yml is not among the domains of any declared location or recipient.',
  },
  'nothing-leaves-atlassian': {
    severity: 'contradiction',
    summary:
      'The declaration says nothing leaves Atlassian, but manifest.yml sends in-scope data out.',
  },
  'residency-not-followed': {
    severity: 'contradiction',
    summary:
      'The declaration says in-scope data follows data residency, but manifest.yml sends it where residency does not reach.',
  },
  'remote-single-region': {
    severity: 'warning',
    summary:
      'A location said to follow data residency is reached through a remote with one base URL for every region.',
  },
  'scope-data-undeclared': {
    severity: 'contradiction',
    summary: 'A scope in manifest.yml lets the app read data that no data category declares.',
  },
  'scope-personal-data': {
    severity: 'warning',
    summary:
      'A scope lets the app read personal data, but the categories that declare it say it is not personal.',
  },
  'storage-not-granted': {
    severity: 'contradiction',
    summary:
      'The declaration stores data in Forge storage, but manifest.yml grants no Forge storage.',
  },
  'storage-undeclared': {
    severity: 'contradiction',
    summary:
      'manifest.yml grants Forge storage, but no declared Atlassian location holds any data.',
  },
  'sql-residency': {
    severity: 'contradiction',
    summary:
      'The declaration says Forge SQL follows data residency, but manifest.yml says dareCompliant is not true.',
  },
  'app-id-mismatch': {
    severity: 'warning',
    summary: "The declaration's forgeAppId is not the app id in manifest.yml.",
  },
  'product-undeclared': {
    severity: 'warning',
    summary: 'manifest.yml has modules in a product the declaration does not list in app.products.',
  },
} as const satisfies Record<string, { severity: FindingSeverity; summary: string }>;

/** A check's id. */
export type RuleId = keyof typeof RULES;

/** One disagreement, with where it is written in each file and what to do, in plain words. */
export interface Finding {
  rule: RuleId;
  severity: FindingSeverity;
  message: string;
  /** Where in manifest.yml. */
  manifest: ManifestPlace;
  /** Where in the declaration: the path of the field that says otherwise, or where to add it. */
  declaration: { path: (string | number)[] };
}

/** A finding with the declaration's line and column, once the declaration's text is known. */
export interface LocatedFinding extends Finding {
  declaration: { path: (string | number)[]; line: number; column: number };
}
