import { durationInDays } from '../duration.ts';
import type { DataCategory } from '../schema/index.ts';
import { distinct, manifestPlace, type ApiContext } from './marketplace-api-context.ts';
import { unplacedStorage } from './marketplace-api-data.ts';
import type { AppTrustInformation } from './marketplace-api-schema.ts';
import { placesOf, residencyGroups, storedOutside } from './marketplace-facts.ts';

/**
 * The payload's sections on data residency and retention: residency per kind of data (each
 * category's `residency`), countries from the places the data is kept, realm migration from the
 * placement rules or the manifest's Forge storage, and retention in whole days from each
 * category's period with its bound.
 */

type Residency = AppTrustInformation['dataResidency'];

/** Whether sites' data moves when their pin moves: placement rules, else Forge storage alone. */
function realmMigration(context: ApiContext): boolean | undefined {
  const rules = (context.declaration.placement ?? []).filter(
    (rule) => rule.rule === 'pinned-realm' && (!rule.platforms || rule.platforms.includes('cloud')),
  );
  if (rules.some((rule) => rule.appliesTo === 'new-installations')) return false;
  if (rules.length > 0) return true;
  const facts = context.facts;
  // Forge moves Key-Value Store and Custom Entity data with the site; remotes, Forge SQL that is
  // not yet residency-compliant and the object store are not known to move.
  if (
    facts &&
    facts.remotes.every((remote) => !remote.handlesInScopeData) &&
    facts.storage.sql.every((module) => module.dareCompliant === true) &&
    facts.storage.objectStores.length === 0
  ) {
    return true;
  }
  context.open('dataResidency.realmMigrationSupported', 'not-stated', ['placement']);
  return undefined;
}

/** Forge SQL the manifest keeps outside data residency, which in-scope data cannot be in. */
function nonResidentSql(context: ApiContext) {
  return (context.facts?.storage.sql ?? []).filter((module) => module.dareCompliant !== true);
}

/** `dataResidency`. */
export function dataResidency(context: ApiContext): Residency {
  const { declaration, stored } = context;
  const countries = residencyCountries(context);
  if (stored.length === 0) {
    // The reference names no value for an app that keeps no End-User Data.
    context.open('dataResidency.isDataResidencySupported', 'value-not-in-reference');
    return { countriesWhereEndUserDataStored: countries, inScopeDataTypes: [] };
  }
  const { groups, contradicted } = residencyGroups(declaration, stored);
  const inScope = groups['in-scope'].filter((category) => !contradicted.includes(category));
  const names = (categories: DataCategory[]) =>
    distinct(categories.map((category) => context.text(category.name)));
  const unstated = groups['not-stated'].map((c) => context.categoryPath(c, 'residency'));
  if (inScope.length === 0) {
    if (unstated.length > 0) {
      context.open('dataResidency.isDataResidencySupported', 'not-stated', unstated);
      context.open('dataResidency.inScopeDataTypes', 'not-stated', unstated);
      context.open('dataResidency.realmMigrationSupported', 'not-stated', unstated);
      return { countriesWhereEndUserDataStored: countries };
    }
    return {
      isDataResidencySupported: 'APP_DOES_NOT_SUPPORT_DR',
      countriesWhereEndUserDataStored: countries,
      realmMigrationSupported: false,
      inScopeDataTypes: [],
    };
  }
  const sql = nonResidentSql(context);
  const outside = inScope.filter((category) => storedOutside(declaration, category) !== 'no');
  let support: Residency['isDataResidencySupported'];
  if (sql.length > 0 && outside.length === 0) {
    context.open(
      'dataResidency.isDataResidencySupported',
      'contradicted-by-manifest',
      inScope.map((c) => context.categoryPath(c, 'residency')),
      sql.map(manifestPlace),
    );
  } else if (outside.length > 0) {
    // Residency kept outside Atlassian: the reference's value for it was not found.
    context.open(
      'dataResidency.isDataResidencySupported',
      'value-not-in-reference',
      outside.map((c) => context.categoryPath(c, 'storedIn')),
    );
  } else {
    support = 'STORED_IN_ATLASSIAN_N_DR_SUPPORTED';
  }
  if (unstated.length > 0) context.open('dataResidency.inScopeDataTypes', 'not-stated', unstated);
  return {
    isDataResidencySupported: support,
    countriesWhereEndUserDataStored: countries,
    realmMigrationSupported: support ? realmMigration(context) : undefined,
    inScopeDataTypes: unstated.length > 0 ? undefined : names(inScope),
  };
}

/** The countries End-User Data is kept in; undefined (left open) when a place names none. */
function residencyCountries(context: ApiContext): string[] | undefined {
  const unplaced = unplacedStorage(context);
  const places = [...new Set(context.stored.flatMap((c) => placesOf(context.declaration, c)))];
  const countryless = places.filter((place) => !place.country);
  if (unplaced.length > 0 || countryless.length > 0) {
    context.open('dataResidency.countriesWhereEndUserDataStored', 'not-stated', [
      ...unplaced,
      ...countryless.map((place) => context.itemPath('locations', place.id, 'country')),
    ]);
    return undefined;
  }
  const codes = places.flatMap((place) => [place.country, place.backups?.country]);
  return distinct(codes.filter((code): code is string => !!code).map(context.country));
}

/** How many days a category's data stays after the app is uninstalled. */
interface Days {
  indefinite: boolean;
  low?: number;
  high?: number;
}

/**
 * The resource's retention is how long data stays after uninstall (the partner form asks for
 * the days once "stored after uninstall" is yes). A period counted from uninstall is that many
 * days, `at-least` with no upper figure; a fixed period counted from collection or last activity
 * bounds what can remain from above only. Anything else does not say.
 */
function daysOf(category: DataCategory): Days {
  const { basis, period, bound, after } = category.retention;
  if (basis === 'indefinitely') return { indefinite: true };
  const days = period ? durationInDays(period) : undefined;
  if (days === undefined) return { indefinite: false };
  if (after === 'uninstall') {
    return { indefinite: false, low: days, high: bound === 'at-least' ? undefined : days };
  }
  const fromBefore = after === 'collection' || after === 'last-activity';
  if (basis === 'fixed-period' && fromBefore && bound !== 'at-least') {
    return { indefinite: false, high: days };
  }
  return { indefinite: false };
}

/** `dataRetention`: how long the End-User Data the app keeps stays after uninstall. */
export function dataRetention(context: ApiContext): AppTrustInformation['dataRetention'] {
  const { stored } = context;
  context.open('dataRetention.isCustomRetentionPeriodAllowed', 'no-declaration-field');
  if (stored.length === 0) return { isDataRetentionSupported: false };
  const days = stored.map(daysOf);
  if (days.some((d) => d.indefinite)) {
    return { isDataRetentionSupported: true, isRetentionDurationIndefinite: true };
  }
  const missing = (key: 'low' | 'high') =>
    stored.flatMap((category, index) =>
      days[index]?.[key] === undefined
        ? ['period', 'after'].map((field) => context.retentionPath(category, field))
        : [],
    );
  const lows = days.flatMap((d) => (d.low === undefined ? [] : [d.low]));
  const highs = days.flatMap((d) => (d.high === undefined ? [] : [d.high]));
  const minKnown = lows.length === stored.length;
  const maxKnown = highs.length === stored.length;
  const retained = lows.some((low) => low > 0);
  if (!retained)
    context.open('dataRetention.isDataRetentionSupported', 'not-stated', missing('low'));
  if (!minKnown) {
    context.open('dataRetention.retentionDurationInDays.min', 'not-stated', missing('low'));
  }
  if (!maxKnown) {
    context.open('dataRetention.retentionDurationInDays.max', 'not-stated', missing('high'));
    context.open('dataRetention.isRetentionDurationIndefinite', 'not-stated', missing('high'));
  }
  const range = {
    min: minKnown ? Math.floor(Math.min(...lows)) : undefined,
    max: maxKnown ? Math.ceil(Math.max(...highs)) : undefined,
  };
  return {
    isDataRetentionSupported: retained ? true : undefined,
    retentionDurationInDays: minKnown || maxKnown ? range : undefined,
    isRetentionDurationIndefinite: maxKnown ? false : undefined,
  };
}
