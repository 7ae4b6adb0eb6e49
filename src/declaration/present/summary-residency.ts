import type { DataCategory, Declaration, StorageLocation } from '../schema/index.ts';

/** Whether the data follows the customer's Atlassian data residency, and what does not. */
export interface ResidencyGlance {
  /**
   * `all` only when every stored kind of data is in scope and kept where the pin says; `some`
   * when part of it is; `none` when nothing said to follow does; `not-stated` when nothing says.
   */
  state: 'all' | 'some' | 'none' | 'not-stated';
  /**
   * Ids of the stored categories (those the app stores, and those only a recipient keeps) kept
   * in one place for every site (`residency: global`).
   */
  global: string[];
  /** Ids of the stored categories of features outside residency (`residency: excluded`). */
  excluded: string[];
  /** Ids of the locations holding such data that do not follow the pin. */
  notFollowing: string[];
  /** Ids of the stored categories that do not say whether they follow it. */
  notStated: string[];
}

/**
 * Whether a category is stored by the app at all: not when its basis is `not-stored` or its
 * `storedIn` says, by being empty, that it is kept nowhere. A category that does not say where it
 * is stored may well be stored.
 */
export function isStored(category: DataCategory): boolean {
  if (category.retention.basis === 'not-stored') return false;
  return !(Array.isArray(category.storedIn) && category.storedIn.length === 0);
}

function isPersonal(category: DataCategory): boolean {
  return category.personal === 'yes' || category.personal === 'may-contain';
}

function locationsOf(declaration: Declaration, ids: Iterable<string>): StorageLocation[] {
  const wanted = new Set(ids);
  return declaration.locations.filter((location) => wanted.has(location.id));
}

/** Version 2: each kind of data says whether it is in scope of residency. */
function byCategory(declaration: Declaration, stored: DataCategory[]): ResidencyGlance {
  const ids = (residency: DataCategory['residency']) =>
    stored.filter((category) => category.residency === residency).map((category) => category.id);
  const inScope = stored.filter((category) => category.residency === 'in-scope');
  const notFollowing = locationsOf(
    declaration,
    inScope.flatMap((category) => category.storedIn ?? []),
  )
    .filter((location) => location.followsDataResidency === 'no')
    .map((location) => location.id);
  const global = ids('global');
  const excluded = ids('excluded');
  const notStated = stored
    .filter((category) => !category.residency || category.residency === 'not-stated')
    .map((category) => category.id);
  const state =
    inScope.length > 0
      ? inScope.length === stored.length && notFollowing.length === 0
        ? 'all'
        : 'some'
      : global.length + excluded.length > 0
        ? 'none'
        : 'not-stated';
  return { state, global, excluded, notFollowing, notStated };
}

/**
 * Version 1 style, without `residency` on the categories: the locations holding personal data
 * (or, without any, every location holding data) each say whether they follow the pin.
 */
function byLocation(declaration: Declaration, stored: DataCategory[]): ResidencyGlance {
  const holding = (categories: DataCategory[]) =>
    locationsOf(
      declaration,
      categories.flatMap((category) => category.storedIn ?? []),
    );
  const personal = holding(stored.filter(isPersonal));
  const withData = personal.length > 0 ? personal : holding(stored);
  const locations = withData.length > 0 ? withData : declaration.locations;
  const answers = locations.map((location) => location.followsDataResidency);
  const state =
    answers.length > 0 && answers.every((answer) => answer === 'yes')
      ? 'all'
      : answers.includes('yes')
        ? 'some'
        : answers.includes('no')
          ? 'none'
          : 'not-stated';
  return {
    state,
    global: [],
    excluded: [],
    // Named only beside those that follow: when none does, the state says it all.
    notFollowing:
      state === 'some'
        ? locations
            .filter((location) => location.followsDataResidency === 'no')
            .map((location) => location.id)
        : [],
    notStated: [],
  };
}

/** Whether only recipients keep a kind of data the app itself does not store. */
function keptByRecipients(category: DataCategory): boolean {
  return !isStored(category) && (category.handling?.storedOnlyBy ?? []).length > 0;
}

/**
 * Whether the declaration's data follows the site's data residency, with the exceptions named.
 * Data only a recipient keeps is stored too: it follows the pin only where its category says so.
 */
export function residencyGlance(declaration: Declaration): ResidencyGlance {
  const stored = declaration.dataCategories.filter(
    (category) => isStored(category) || keptByRecipients(category),
  );
  const v2 = declaration.dataCategories.some((category) => category.residency !== undefined);
  return v2 ? byCategory(declaration, stored) : byLocation(declaration, stored);
}
