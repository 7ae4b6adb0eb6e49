import type { DiffRef, MaterialChange } from './api.ts';
import { canonicallyEqual } from './canonical.ts';
import { byId, keyed, onlyIn, placementKey, refWhenChanged, type Sides } from './diff-keys.ts';
import {
  countryChanges,
  hostingChanges,
  locationName,
  recipientChanges,
} from './material-places.ts';
import type { PublishedManifestFacts } from './manifest/published.ts';
import { retentionChange } from './material-retention.ts';
import type { Declaration } from './schema/index.ts';

type Manifests = {
  before: PublishedManifestFacts | null | undefined;
  after: PublishedManifestFacts | null | undefined;
};

/**
 * The changes between two versions that matter to a privacy review, most important first (see
 * {@link MaterialChange}). Pure: the backend stores them with each version it publishes, and
 * `diffDeclarations` gives them for any two versions.
 *
 * Each change points at the diff entry `diffDeclarations` reports for the same item (`ref`), or
 * at nothing when no entry says it (a country that only a reordering moved). Names come from the
 * side the item comes from: a removed recipient is named from the older version.
 */
export function materialChanges(
  before: Declaration,
  after: Declaration,
  manifests?: Manifests,
): MaterialChange[] {
  const sides = { before, after };
  return [
    ...countryChanges(sides),
    ...hostingChanges(sides),
    ...recipientChanges(sides),
    ...personalDataChanges(sides),
    ...retentionChanges(sides),
    ...residencyChanges(sides),
    ...egressChanges(manifests),
    ...rightsChanges(sides),
    ...contactChanges(sides),
  ];
}

// ---- Personal data, retention, residency ----------------------------------------------------

function holds(status: string): boolean {
  return status === 'yes' || status === 'may-contain';
}

function personalDataChanges({ before, after }: Sides): MaterialChange[] {
  const old = byId(before.dataCategories);
  return after.dataCategories.flatMap((category): MaterialChange[] => {
    const previous = old.get(category.id);
    const sensitive = holds(category.sensitive);
    const ref: DiffRef = { section: 'dataCategories', key: category.id };
    const name = category.name;
    if (!previous) {
      return holds(category.personal) || sensitive
        ? [{ kind: 'personal-data', change: 'added', name, sensitive, ref }]
        : [];
    }
    if (sensitive && !holds(previous.sensitive)) {
      return [{ kind: 'personal-data', change: 'now-sensitive', name, sensitive, ref }];
    }
    if (holds(category.personal) && !holds(previous.personal)) {
      return [{ kind: 'personal-data', change: 'now-personal', name, sensitive, ref }];
    }
    return [];
  });
}

/** Data categories and logs kept longer or shorter, in the order the newer version lists them. */
function retentionChanges({ before, after }: Sides): MaterialChange[] {
  const categories = byId(before.dataCategories);
  const logs = byId(before.logs);
  return [
    ...after.dataCategories.flatMap((category) =>
      retentionChange(category.name, categories.get(category.id)?.retention, category.retention, {
        section: 'retention',
        key: category.id,
      }),
    ),
    ...(after.logs ?? []).flatMap((log) =>
      retentionChange(log.name, logs.get(log.id)?.retention, log.retention, {
        section: 'logs',
        key: log.id,
      }),
    ),
  ];
}

/**
 * Residency gained or lost: a data category that is now (or no longer) kept in the site's
 * pinned location, a location that now follows the pin or no longer does (yes ↔ no; a
 * statement that becomes "not stated" says nothing new), and the app as a whole when it starts
 * or stops placing data by the site's pinned realm.
 */
function residencyChanges({ before, after }: Sides): MaterialChange[] {
  const changes: MaterialChange[] = [];
  const categories = byId(before.dataCategories);
  for (const category of after.dataCategories) {
    const previous = categories.get(category.id);
    if (!previous) continue;
    const [was, is] = [previous.residency === 'in-scope', category.residency === 'in-scope'];
    if (was === is) continue;
    changes.push({
      kind: 'residency',
      change: is ? 'gained' : 'lost',
      name: category.name,
      ref: { section: 'dataCategories', key: category.id },
    });
  }
  const locations = byId(before.locations);
  for (const location of after.locations) {
    const [was, is] = [
      locations.get(location.id)?.followsDataResidency,
      location.followsDataResidency,
    ];
    if (!(was === 'yes' && is === 'no') && !(was === 'no' && is === 'yes')) continue;
    changes.push({
      kind: 'residency',
      change: is === 'yes' ? 'gained' : 'lost',
      name: locationName(location),
      ref: { section: 'locations', key: location.id },
    });
  }
  const [pinnedBefore, pinnedAfter] = [pinnedRule(before), pinnedRule(after)];
  if (!pinnedBefore !== !pinnedAfter) {
    const key = (pinnedAfter ?? pinnedBefore)!;
    changes.push({
      kind: 'residency',
      change: pinnedAfter ? 'gained' : 'lost',
      name: null,
      ref: { section: 'placement', key },
    });
  }
  return changes;
}

/** The diff key of the declaration's first pinned-realm placement rule, if it has one. */
function pinnedRule(declaration: Declaration): string | undefined {
  for (const [key, rule] of keyed(declaration.placement ?? [], placementKey)) {
    if (rule.rule === 'pinned-realm') return key;
  }
  return undefined;
}

// ---- Egress, rights, contacts ---------------------------------------------------------------

/** Egress hosts and remotes the newer manifest adds or drops; nothing when a side has no facts. */
function egressChanges(manifests: Manifests | undefined): MaterialChange[] {
  const before = manifests?.before;
  const after = manifests?.after;
  if (!before || !after) return [];
  // Keyed as diff-manifest keys them; compared by host, so a host that changes its kind stays.
  const hosts = (facts: PublishedManifestFacts) => {
    const map = new Map<string, string>();
    for (const entry of facts.egress) {
      if (entry.kind !== 'navigation' && !map.has(entry.host)) {
        map.set(entry.host, `egress:${entry.kind}:${entry.host}`);
      }
    }
    return map;
  };
  const remotes = (facts: PublishedManifestFacts) =>
    new Map(facts.remotes.map((remote) => [remote.key, `remote:${remote.key}`]));
  const changes: MaterialChange[] = [];
  for (const [list, remote] of [
    [hosts, false],
    [remotes, true],
  ] as const) {
    const [old, current] = [list(before), list(after)];
    for (const [change, from, other] of [
      ['added', current, old],
      ['removed', old, current],
    ] as const) {
      for (const [target, key] of onlyIn(from, other)) {
        changes.push({ kind: 'egress', change, target, remote, ref: { section: 'manifest', key } });
      }
    }
  }
  return changes;
}

function rightsChanges({ before, after }: Sides): MaterialChange[] {
  if (canonicallyEqual(before.rights, after.rights)) return [];
  const regimes = (declaration: Declaration) => {
    const { regimes } = declaration.rights;
    return new Map(
      (Array.isArray(regimes) ? regimes : []).map((regime) => [regime.regime, regime]),
    );
  };
  const basics = (declaration: Declaration) => {
    const { regimes, ...rest } = declaration.rights;
    return { ...rest, regimes: Array.isArray(regimes) ? regimes.map((r) => r.regime) : regimes };
  };
  let ref = refWhenChanged('rights', 'rights', basics(before), basics(after));
  if (!ref) {
    const [old, current] = [regimes(before), regimes(after)];
    const keys = [...new Set([...current.keys(), ...old.keys()])];
    const key = keys.find(
      (regime) => !canonicallyEqual(old.get(regime) ?? null, current.get(regime) ?? null),
    );
    ref = key === undefined ? null : { section: 'rights', key };
  }
  return [{ kind: 'rights', ref }];
}

/** The vendor's privacy contact, its privacy or data protection officer, its security contact. */
function contactChanges({ before, after }: Sides): MaterialChange[] {
  const vendorContacts = (declaration: Declaration) => ({
    privacyContact: declaration.vendor.privacyContact,
    privacyOfficer: declaration.vendor.privacyOfficer,
  });
  const security = (declaration: Declaration) => declaration.security?.securityContact;
  const vendorChanged = !canonicallyEqual(vendorContacts(before), vendorContacts(after));
  const securityChanged = !canonicallyEqual(security(before) ?? null, security(after) ?? null);
  if (!vendorChanged && !securityChanged) return [];
  const ref: DiffRef = vendorChanged
    ? { section: 'vendor', key: 'vendor' }
    : { section: 'security', key: 'security' };
  return [{ kind: 'contacts', ref }];
}
