/** What the declaration says that the manifest can confirm or contradict, with paths into it. */
import type { HostPattern } from '../manifest/hosts.ts';
import { parseHost } from '../manifest/hosts.ts';
import type { DataCategory, Declaration, StorageLocation } from '../schema/index.ts';

/** A host the declaration names in a location's or a recipient's `domains:`. */
export interface DeclaredDomain {
  pattern: HostPattern;
  written: string;
  path: (string | number)[];
  /** Who it belongs to: a location or a recipient, by id. */
  owner: { kind: 'location'; location: StorageLocation } | { kind: 'recipient'; id: string };
}

/** Whether something that may name platforms applies to Cloud, where Forge apps run. */
export function onCloud(item: { platforms?: readonly string[] }): boolean {
  return !item.platforms || item.platforms.includes('cloud');
}

/** Every declared domain of a Cloud location or of a recipient. */
export function declaredDomains(declaration: Declaration): DeclaredDomain[] {
  const domains: DeclaredDomain[] = [];
  declaration.locations.forEach((location, index) => {
    if (!onCloud(location)) return;
    (location.domains ?? []).forEach((written, at) => {
      const pattern = parseHost(written);
      if (pattern)
        domains.push({
          pattern,
          written,
          path: ['locations', index, 'domains', at],
          owner: { kind: 'location', location },
        });
    });
  });
  declaration.recipients.forEach((recipient, index) => {
    (recipient.domains ?? []).forEach((written, at) => {
      const pattern = parseHost(written);
      if (pattern)
        domains.push({
          pattern,
          written,
          path: ['recipients', index, 'domains', at],
          owner: { kind: 'recipient', id: recipient.id },
        });
    });
  });
  return domains;
}

/** The Cloud data categories, with their index in the file. */
export function cloudCategories(declaration: Declaration): [DataCategory, number][] {
  return declaration.dataCategories
    .map((category, index): [DataCategory, number] => [category, index])
    .filter(([category]) => onCloud(category));
}

/** The ids of the locations a category is stored in on Cloud. */
export function cloudStorage(category: DataCategory): string[] {
  const difference = category.platformDifferences?.find(
    (entry) => entry.platform === 'cloud' && entry.storedIn,
  );
  return difference?.storedIn ?? category.storedIn ?? [];
}

/** Whether a location is Forge-hosted storage (Key-Value Store, entities, SQL, object store). */
export function isForgeStorage(location: StorageLocation): boolean {
  if (location.hostedBy !== 'atlassian') return false;
  const words = [location.name, location.service, location.provider, location.holds]
    .filter(Boolean)
    .join(' ');
  return (
    /\bforge\b/i.test(words) && /storage|key-value|\bkvs\b|entit|\bsql\b|object store/i.test(words)
  );
}

/** The Cloud locations some Cloud category is stored in, with their index. */
export function locationsHoldingData(declaration: Declaration): [StorageLocation, number][] {
  const used = new Set(
    cloudCategories(declaration).flatMap(([category]) => cloudStorage(category)),
  );
  return declaration.locations
    .map((location, index): [StorageLocation, number] => [location, index])
    .filter(([location]) => onCloud(location) && used.has(location.id));
}

/** Everything a category says about what it is, lower case, for matching a scope's words. */
export function categoryWords(category: DataCategory): string {
  return [
    category.name,
    category.description,
    ...(category.examples ?? []),
    ...(category.notes ?? []),
    ...(category.handling?.notes ?? []),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}
