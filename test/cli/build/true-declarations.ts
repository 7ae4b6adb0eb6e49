/**
 * Declarations made true of the fixture apps, as a vendor would before `build` (which holds the
 * declaration against manifest.yml and refuses contradictions): init's starting declaration with
 * what each app's manifest shows it reads and where it sends data, or a vendor's example with the
 * disclosure's own parts (its published versions and review records in Forge storage, its logs)
 * that init's starting declaration describes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../init/helpers.ts';

type Declaration = Record<string, unknown> & {
  purposes: Record<string, unknown>[];
  dataCategories: Record<string, unknown>[];
  locations: Record<string, unknown>[];
  recipients: Record<string, unknown>[];
  logs?: Record<string, unknown>[];
};

const DECLARATION = 'privacy/declaration.yaml';

function read(dir: string): Declaration {
  return parse(readFileSync(join(dir, DECLARATION), 'utf8')) as Declaration;
}

function write(dir: string, declaration: Declaration): void {
  writeFileSync(join(dir, DECLARATION), stringify(declaration, { aliasDuplicateObjects: false }));
}

/** A kind of data the app reads through a scope and does not keep. */
function readNotStored(id: string, name: string, scopes: string[]): Record<string, unknown> {
  return {
    id,
    name,
    description: `Read from the product through ${scopes.join(' and ')} to show it in the app; not stored.`,
    subjects: ['end-users'],
    personal: 'may-contain',
    sensitive: 'no',
    sources: ['atlassian'],
    platforms: ['cloud'],
    collection: 'required',
    purposes: ['show-declaration'],
    storedIn: [],
    retention: { basis: 'not-stored' },
    recipients: [],
  };
}

/** What each fixture app's manifest shows beyond the disclosure, declared. */
const TRUTHS: Record<string, (declaration: Declaration) => void> = {
  'jsm-request-checklist': (declaration) => {
    declaration.dataCategories.push(
      readNotStored('service-requests', 'Service requests', ['read:servicedesk-request']),
    );
  },
  'compass-scorecards': (declaration) => {
    declaration.dataCategories.push(
      readNotStored('compass-components', 'Compass components', ['read:component:compass']),
    );
  },
  'release-radar': (declaration) => {
    declaration.dataCategories.push({
      ...readNotStored('projects-and-versions', 'Projects and project versions', [
        'read:project:jira',
        'read:project-version:jira',
      ]),
      description:
        'Projects and their versions (releases), read through read:project:jira and read:project-version:jira and kept on the Release radar service.',
      storedIn: ['radar-service'],
      residency: 'in-scope',
      retention: { basis: 'while-installed', after: 'uninstall' },
    });
    declaration.locations.push({
      id: 'radar-service',
      name: 'Release radar service',
      hostedBy: 'vendor',
      followsDataResidency: 'yes',
      domains: ['radar.example-releases.io', 'eu.radar.example-releases.io'],
      platforms: ['cloud'],
    });
    declaration.recipients.push(
      {
        id: 'analytics',
        name: 'Example Analytics',
        kind: 'subprocessor',
        category: 'analytics',
        purpose: 'Counts how often the radar is opened, without end-user data.',
        domains: ['api.example-analytics.com'],
      },
      {
        id: 'status-page',
        name: 'Release radar status page',
        kind: 'recipient',
        category: 'infrastructure',
        purpose: "Tells the page whether the radar service is up; the user's browser asks it.",
        domains: ['status.example-releases.io'],
      },
    );
  },
};

/** Makes init's starting declaration in `dir` true of the fixture app `fixture`. */
export function declareWhatTheAppDoes(dir: string, fixture: string): void {
  const truth = TRUTHS[fixture];
  if (!truth) return;
  const declaration = read(dir);
  truth(declaration);
  write(dir, declaration);
}

/**
 * Writes a vendor's example declaration into the app at `dir` with the disclosure's own parts
 * from init's starting declaration there: its purposes, data, Forge storage, the recipient of its
 * personal data report, and logs.
 */
export function exampleWithDisclosure(dir: string, example: string): void {
  const disclosure = read(dir);
  const declaration = parse(readFileSync(join(REPO_ROOT, example), 'utf8')) as Declaration;
  const ids = (items: Record<string, unknown>[] | undefined) =>
    new Set((items ?? []).map((item) => item.id));
  const add = (key: 'purposes' | 'dataCategories' | 'locations' | 'recipients' | 'logs') => {
    const have = ids(declaration[key]);
    declaration[key] = [
      ...(declaration[key] ?? []),
      ...(disclosure[key] ?? []).filter((item) => !have.has(item.id)),
    ];
  };
  add('purposes');
  add('dataCategories');
  add('locations');
  add('recipients');
  add('logs');
  write(dir, declaration);
}
