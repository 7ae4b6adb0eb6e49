import type { DeclarationIssue } from '../references.ts';
import { field, list, texts, type Path } from './fields.ts';

/** Facts that contradict each other (errors), and facts a reader would misread (warnings). */
export interface ConsistencyIssues {
  errors: DeclarationIssue[];
  warnings: DeclarationIssue[];
}

/** Statuses that say a category holds (or may hold) personal or sensitive data. */
const HOLDS = new Set(['yes', 'may-contain']);

/** Hosts whose storage is the app's own: the vendor's, Forge's, or the customer's instance. */
const APP_HOSTS = new Set(['vendor', 'atlassian', 'customer']);

interface Location {
  platforms?: string[];
  hostedBy?: unknown;
}

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

function personalRules(category: unknown, at: Path, out: ConsistencyIssues): void {
  const personal = field(category, 'personal');
  const sensitive = field(category, 'sensitive');
  const subjects = texts(field(category, 'subjects'));
  if (typeof personal === 'string' && HOLDS.has(personal) && subjects.length > 0) {
    if (subjects.every((subject) => subject === 'none')) {
      out.errors.push({
        path: [...at, 'subjects'],
        message: `personal is "${personal}" but subjects is [none]: name whose data it is (end-users, administrators, ...), or set personal to "no" if it is not about people`,
      });
    }
  }
  const none = subjects.indexOf('none');
  if (none >= 0 && subjects.length > 1) {
    out.errors.push({
      path: [...at, 'subjects', none],
      message:
        '"none" says the data is not about people, but other subjects are listed with it; remove "none" or the others',
    });
  }
  if (typeof sensitive === 'string' && HOLDS.has(sensitive) && personal === 'no') {
    out.errors.push({
      path: [...at, 'sensitive'],
      message: `sensitive is "${sensitive}" but personal is "no": sensitive data is always personal data; set personal to "yes" or "may-contain", or sensitive to "no"`,
    });
  }
}

/**
 * On platform `platform`, the ids in `storedIn` that the data can really be kept in: a location
 * without `platforms` serves every platform.
 */
function servesPlatform(
  storedIn: readonly string[],
  platform: string,
  locations: ReadonlyMap<string, Location>,
): boolean {
  return storedIn.some((id) => {
    const location = locations.get(id);
    return location === undefined || !location.platforms || location.platforms.includes(platform);
  });
}

function describeOthers(storedIn: readonly string[], locations: ReadonlyMap<string, Location>) {
  return storedIn
    .map((id) => `"${id}" (${(locations.get(id)?.platforms ?? []).join(', ')})`)
    .join(', ');
}

/**
 * A category (or log) collected on a platform but stored only in locations that say they are
 * for other platforms: the reader cannot tell where it is kept there.
 */
function platformRules(
  record: unknown,
  at: Path,
  locations: ReadonlyMap<string, Location>,
  out: ConsistencyIssues,
): void {
  if (field(field(record, 'retention'), 'basis') === 'not-stored') return;
  const platforms = texts(field(record, 'platforms'));
  const storedIn = texts(field(record, 'storedIn'));
  const differences = list(field(record, 'platformDifferences'));
  // Platforms whose data falls back to storedIn and finds only other platforms' places: one
  // error for all of them, at storedIn.
  const stranded: string[] = [];
  for (const platform of platforms) {
    const index = differences.findIndex(
      (difference) =>
        field(difference, 'platform') === platform && field(difference, 'storedIn') !== undefined,
    );
    const difference = differences.find((entry) => field(entry, 'platform') === platform);
    if (field(field(difference, 'retention'), 'basis') === 'not-stored') continue;
    const own = index >= 0 ? texts(field(differences[index], 'storedIn')) : storedIn;
    if (own.length === 0 || servesPlatform(own, platform, locations)) continue;
    if (index < 0) {
      stranded.push(platform);
      continue;
    }
    out.errors.push({
      path: [...at, 'platformDifferences', index, 'storedIn'],
      message: `for ${platform} this names only locations for other platforms: ${describeOthers(own, locations)}; name a location used on ${platform}, or add ${platform} to that location's platforms`,
    });
  }
  if (stranded.length > 0) {
    const names = stranded.join(' and ');
    // Categories can say where they are kept per platform; logs cannot.
    const otherwise =
      at[0] === 'dataCategories'
        ? `a platformDifferences entry for ${stranded.length > 1 ? 'each' : names} with its own storedIn`
        : `add ${names} to a location's platforms`;
    out.errors.push({
      path: [...at, 'storedIn'],
      message: `this data is collected on ${names} but stored only in locations for other platforms: ${describeOthers(storedIn, locations)}; add a location used on ${names}, or ${otherwise}`,
    });
  }
  differences.forEach((difference, index) => {
    const platform = field(difference, 'platform');
    if (typeof platform === 'string' && platforms.length > 0 && !platforms.includes(platform)) {
      out.warnings.push({
        path: [...at, 'platformDifferences', index, 'platform'],
        message: `a difference for ${platform}, but this category's platforms are ${platforms.join(', ')}; add ${platform} to platforms if the data is collected there`,
      });
    }
  });
}

/** Data the app does not store but a named recipient does. */
function storedOnlyByRules(
  category: unknown,
  at: Path,
  locations: ReadonlyMap<string, Location>,
  declared: ReadonlySet<string>,
  out: ConsistencyIssues,
): void {
  const handling = field(category, 'handling');
  const storedOnlyBy = texts(field(handling, 'storedOnlyBy'));
  if (storedOnlyBy.length === 0) return;
  const recipients = texts(field(category, 'recipients'));
  list(field(handling, 'storedOnlyBy')).forEach((id, index) => {
    // An id that is not a recipient at all is reported as unknown (references.ts).
    if (typeof id === 'string' && declared.has(id) && !recipients.includes(id)) {
      out.errors.push({
        path: [...at, 'handling', 'storedOnlyBy', index],
        message: `"${id}" stores this data, so it receives it: add "${id}" to this category's recipients`,
      });
    }
  });
  const own = texts(field(category, 'storedIn')).filter((id) =>
    APP_HOSTS.has(String(locations.get(id)?.hostedBy)),
  );
  if (own.length > 0) {
    out.errors.push({
      path: [...at, 'handling', 'storedOnlyBy'],
      message: `storedOnlyBy says only ${quoted(storedOnlyBy)} store this data, but storedIn names the app's own ${own.length > 1 ? 'locations' : 'location'} ${quoted(own)}; remove ${own.length > 1 ? 'them' : 'it'} from storedIn, or remove storedOnlyBy`,
    });
  }
  const retention = field(category, 'retention');
  const basis = field(retention, 'basis');
  if (
    typeof basis === 'string' &&
    basis !== 'not-stored' &&
    field(retention, 'description') === undefined
  ) {
    out.warnings.push({
      path: [...at, 'retention', 'basis'],
      message: `storedOnlyBy says the app does not store this data, but retention.basis is "${basis}": if the app keeps nothing, write basis: not-stored; if this is how long ${quoted(storedOnlyBy)} ${storedOnlyBy.length > 1 ? 'keep' : 'keeps'} it, say so in retention.description`,
    });
  }
}

/**
 * Rules across fields that the schema cannot state on one field: personal data without data
 * subjects, sensitive data that is not personal, data on a platform kept only in other platforms'
 * places, and data stored only by a recipient. Works on any parsed value; skips what is not
 * well-formed (the schema reports it).
 */
export function consistencyIssues(value: unknown): ConsistencyIssues {
  const out: ConsistencyIssues = { errors: [], warnings: [] };
  const locations = new Map<string, Location>();
  for (const location of list(field(value, 'locations'))) {
    const id = field(location, 'id');
    const platforms = field(location, 'platforms');
    if (typeof id === 'string')
      locations.set(id, {
        platforms: Array.isArray(platforms) ? texts(platforms) : undefined,
        hostedBy: field(location, 'hostedBy'),
      });
  }
  const recipients = new Set(
    list(field(value, 'recipients')).flatMap((recipient) => texts([field(recipient, 'id')])),
  );
  list(field(value, 'dataCategories')).forEach((category, index) => {
    const at = ['dataCategories', index];
    personalRules(category, at, out);
    platformRules(category, at, locations, out);
    storedOnlyByRules(category, at, locations, recipients, out);
  });
  list(field(value, 'logs')).forEach((log, index) =>
    platformRules(log, ['logs', index], locations, out),
  );
  return out;
}
