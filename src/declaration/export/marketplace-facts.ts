import { locationsByIds, locationsOf, recipientsByIds } from '../document/references.ts';
import { storageOf } from '../present/stated.ts';
import type {
  DataCategory,
  Declaration,
  PersonalStatus,
  StorageLocation,
} from '../schema/index.ts';

/**
 * What the Marketplace questionnaire needs to know about the declaration's Cloud app, read from
 * the declaration and nothing else: where a question's answer is not in it, the facts say
 * "not stated" rather than a guess.
 */

/** Whether the declaration covers the Cloud app, which is what the questionnaire is about. */
export function coversCloud(declaration: Declaration): boolean {
  return declaration.app.platforms.some((statement) => statement.platform === 'cloud');
}

/**
 * A category as it is on Cloud: where a platform difference for Cloud names other locations or
 * another retention, those, else the category's own.
 */
export function onCloud(category: DataCategory): DataCategory {
  const difference = category.platformDifferences?.find((d) => d.platform === 'cloud');
  if (!difference) return category;
  return {
    ...category,
    storedIn: difference.storedIn ?? category.storedIn,
    retention: difference.retention ?? category.retention,
  };
}

/** Cloud data the app itself handles: the questionnaire is about the cloud app's End-User Data. */
export function endUserData(declaration: Declaration): DataCategory[] {
  return declaration.dataCategories
    .filter(
      (category) =>
        category.platforms.includes('cloud') &&
        category.marketplaceClass !== 'not-end-user-data' &&
        (category.sources.includes('app-runtime') ||
          category.marketplaceClass === 'vendor-collected'),
    )
    .map(onCloud);
}

/** A location a Cloud questionnaire is about: one not limited to other platforms. */
function isCloudLocation(location: StorageLocation): boolean {
  return !location.platforms || location.platforms.includes('cloud');
}

/** The locations used on Cloud: those of every platform and those of Cloud. */
export function cloudLocations(declaration: Declaration): StorageLocation[] {
  return declaration.locations.filter(isCloudLocation);
}

/**
 * Every place a category's data is kept: its locations, the locations its backups are kept in,
 * and the backup locations of those locations.
 */
export function placesOf(declaration: Declaration, category: DataCategory): StorageLocation[] {
  const direct = [
    ...locationsOf(declaration, category),
    ...locationsByIds(declaration, category.retention.backups?.storedIn),
  ];
  const backups = locationsByIds(
    declaration,
    direct.flatMap((location) => (location.backups?.location ? [location.backups.location] : [])),
  );
  return [...new Set([...direct, ...backups])];
}

/** Where a category stands on "stored outside Atlassian": yes, no, or not stated. */
export function storedOutside(
  declaration: Declaration,
  category: DataCategory,
): 'yes' | 'no' | 'not-stated' {
  const places = placesOf(declaration, category);
  const keepers = recipientsByIds(declaration, category.handling?.storedOnlyBy);
  // Atlassian as a recipient (category platform) keeps data inside Atlassian's products.
  if (keepers.some((recipient) => recipient.category !== 'platform')) return 'yes';
  if (places.some((place) => place.hostedBy !== 'atlassian' && place.hostedBy !== 'not-stated')) {
    return 'yes';
  }
  if (places.some((place) => place.hostedBy === 'not-stated')) return 'not-stated';
  if (keepers.length > 0 || storageOf(category) !== 'not-stated') return 'no';
  return 'not-stated';
}

/** Items grouped by what they say: yes, may contain, no, not stated. */
export type ByStatus<T> = Record<PersonalStatus, T[]>;

/** Groups items, as `as` shows them, by the status `of` gives each, keeping their order. */
export function byStatus<T, U>(
  items: T[],
  of: (item: T) => PersonalStatus,
  as: (item: T) => U,
): ByStatus<U> {
  const groups: ByStatus<U> = { yes: [], 'may-contain': [], no: [], 'not-stated': [] };
  for (const item of items) groups[of(item)].push(as(item));
  return groups;
}

/** How a category stands on data residency, as the format lets it say. */
export type ResidencyGroup = NonNullable<DataCategory['residency']>;

/**
 * The stored End-User Data by residency. A category in scope whose locations do not follow the
 * pin is a contradiction the declaration would have to resolve: it is not counted as following.
 */
export function residencyGroups(
  declaration: Declaration,
  categories: DataCategory[],
): { groups: Record<ResidencyGroup, DataCategory[]>; contradicted: DataCategory[] } {
  const groups: Record<ResidencyGroup, DataCategory[]> = {
    'in-scope': [],
    global: [],
    excluded: [],
    'not-stated': [],
  };
  const contradicted: DataCategory[] = [];
  for (const category of categories.filter((c) => storageOf(c) !== 'not-stored')) {
    const residency = category.residency ?? 'not-stated';
    groups[residency].push(category);
    const places = locationsOf(declaration, category);
    if (residency === 'in-scope' && places.some((p) => p.followsDataResidency === 'no')) {
      contradicted.push(category);
    }
  }
  return { groups, contradicted };
}

/** Whether any category of the declaration says whether it follows data residency. */
export function statesResidencyPerCategory(declaration: Declaration): boolean {
  return declaration.dataCategories.some((category) => category.residency !== undefined);
}
