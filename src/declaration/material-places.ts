import type { DiffRef, DiffSection, MaterialChange } from './api.ts';
import { canonicallyEqual } from './canonical.ts';
import { byId, onlyIn, refWhenChanged, transfersByKey, type Sides } from './diff-keys.ts';
import type { Declaration, StorageLocation, Text } from './schema/index.ts';

/** Material changes to where data is: countries, hosting locations, recipients. */

// ---- Countries -------------------------------------------------------------------------------

type Role = 'stored' | 'backup' | 'transfer';

/** A country one part of a declaration names, and the diff entry that part is reported under. */
interface CountrySource {
  country: string;
  role: Role;
  section: DiffSection;
  key: string;
  item: (declaration: Declaration) => unknown;
}

/**
 * Every country a declaration says data is stored in, backed up in or transferred to: locations'
 * countries, location backups' countries and the locations they name, the locations data
 * categories' and logs' backups are kept in, transfers' destinations and recipients' countries.
 */
function countrySources(declaration: Declaration): CountrySource[] {
  const locations = byId(declaration.locations);
  const locationItem = (id: string) => (d: Declaration) => byId(d.locations).get(id);
  const locationCountry = (id: string) => locations.get(id)?.country;
  const sources: CountrySource[] = [];
  const add = (
    country: string | undefined,
    role: Role,
    section: DiffSection,
    key: string,
    item: CountrySource['item'],
  ) => {
    if (country) sources.push({ country, role, section, key, item });
  };
  for (const location of declaration.locations) {
    add(location.country, 'stored', 'locations', location.id, locationItem(location.id));
    const backups = location.backups;
    add(backups?.country, 'backup', 'locations', location.id, locationItem(location.id));
    if (backups?.location) {
      const country = locationCountry(backups.location);
      add(country, 'backup', 'locations', location.id, locationItem(location.id));
      add(country, 'backup', 'locations', backups.location, locationItem(backups.location));
    }
  }
  const backupHolders = (
    storedIn: string[] | undefined,
    section: DiffSection,
    key: string,
    item: CountrySource['item'],
  ) => {
    for (const id of storedIn ?? []) {
      add(locationCountry(id), 'backup', section, key, item);
      add(locationCountry(id), 'backup', 'locations', id, locationItem(id));
    }
  };
  for (const category of declaration.dataCategories) {
    const retentionOf = (d: Declaration) => byId(d.dataCategories).get(category.id)?.retention;
    const categoryOf = (d: Declaration) => {
      const found = byId(d.dataCategories).get(category.id);
      return found && { ...found, retention: undefined };
    };
    backupHolders(category.retention.backups?.storedIn, 'retention', category.id, retentionOf);
    for (const difference of category.platformDifferences ?? []) {
      backupHolders(
        difference.retention?.backups?.storedIn,
        'dataCategories',
        category.id,
        categoryOf,
      );
    }
  }
  for (const log of declaration.logs ?? []) {
    const logOf = (d: Declaration) => byId(d.logs).get(log.id);
    backupHolders(log.retention?.backups?.storedIn, 'logs', log.id, logOf);
  }
  const transfers = transfersByKey(declaration);
  for (const [key, transfer] of transfers) {
    for (const country of transfer.to ?? []) {
      add(country, 'transfer', 'transfers', key, (d) => transfersByKey(d).get(key));
    }
  }
  for (const recipient of declaration.recipients) {
    for (const country of recipient.countries ?? []) {
      add(country, 'transfer', 'recipients', recipient.id, (d) =>
        byId(d.recipients).get(recipient.id),
      );
    }
  }
  return sources;
}

export function countryChanges({ before, after }: Sides): MaterialChange[] {
  const [old, current] = [countrySources(before), countrySources(after)];
  const has = (sources: CountrySource[], role: Role, country: string) =>
    sources.some((source) => source.role === role && source.country === country);
  // The first part that names the country and changed is the entry to link to.
  const refFor = (sources: CountrySource[], role: Role, country: string): DiffRef | null => {
    for (const source of sources) {
      if (source.role !== role || source.country !== country) continue;
      const ref = refWhenChanged(
        source.section,
        source.key,
        source.item(before),
        source.item(after),
      );
      if (ref) return ref;
    }
    return null;
  };
  const changes: MaterialChange[] = [];
  for (const role of ['stored', 'backup', 'transfer'] as const) {
    const seen = new Set<string>();
    for (const [sources, others, change] of [
      [current, old, 'added'],
      [old, current, 'removed'],
    ] as const) {
      for (const { country, role: sourceRole } of sources) {
        if (sourceRole !== role || seen.has(`${change}:${country}`)) continue;
        seen.add(`${change}:${country}`);
        if (has(others, role, country)) continue;
        changes.push({
          kind: 'country',
          change,
          country,
          role,
          ref: refFor(sources, role, country),
        });
      }
    }
  }
  return changes;
}

// ---- Hosting and recipients --------------------------------------------------------------------

/** What says where and on whose infrastructure a location is; its notes and words do not. */
const HOSTING_FIELDS = ['hostedBy', 'provider', 'regionCode', 'country', 'geography'] as const;

/** The name a location is known by: its name, else who hosts it and where. */
export function locationName(location: StorageLocation): Text {
  return (
    location.name ??
    location.provider ??
    location.service ??
    location.geography ??
    location.regionCode ??
    location.country ??
    location.id
  );
}

/** The location's provider; for the vendor's own infrastructure, the vendor. */
function providerOf(location: StorageLocation | undefined, declaration: Declaration): Text | null {
  if (!location) return null;
  if (location.provider) return location.provider;
  if (location.hostedBy === 'vendor') {
    return declaration.vendor.tradingName ?? declaration.vendor.legalName ?? null;
  }
  return null;
}

export function hostingChanges({ before, after }: Sides): MaterialChange[] {
  const [old, current] = [byId(before.locations), byId(after.locations)];
  const changes: MaterialChange[] = [];
  for (const [id, location] of current) {
    const previous = old.get(id);
    const ref: DiffRef = { section: 'locations', key: id };
    if (!previous) {
      changes.push({
        kind: 'hosting',
        change: 'added',
        location: locationName(location),
        provider: { before: null, after: providerOf(location, after) },
        ref,
      });
      continue;
    }
    const moved = HOSTING_FIELDS.some(
      (field) => !canonicallyEqual(previous[field] ?? null, location[field] ?? null),
    );
    if (!moved) continue;
    changes.push({
      kind: 'hosting',
      change: 'changed',
      location: locationName(location),
      provider: { before: providerOf(previous, before), after: providerOf(location, after) },
      ref,
    });
  }
  for (const [id, location] of onlyIn(old, current)) {
    changes.push({
      kind: 'hosting',
      change: 'removed',
      location: locationName(location),
      provider: { before: providerOf(location, before), after: null },
      ref: { section: 'locations', key: id },
    });
  }
  return changes;
}

export function recipientChanges({ before, after }: Sides): MaterialChange[] {
  const [old, current] = [byId(before.recipients), byId(after.recipients)];
  const change = (
    kind: 'added' | 'removed',
    [id, recipient]: [string, Declaration['recipients'][number]],
  ) =>
    ({
      kind: 'recipient',
      change: kind,
      recipientKind: recipient.kind,
      name: recipient.name,
      ref: { section: 'recipients', key: id },
    }) satisfies MaterialChange;
  return [
    ...onlyIn(current, old).map((entry) => change('added', entry)),
    ...onlyIn(old, current).map((entry) => change('removed', entry)),
  ];
}
