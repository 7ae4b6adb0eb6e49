import type { Translator } from '../i18n/index.ts';
import { label } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { statedLegalBases, storageOf } from '../present/stated.ts';
import type {
  DataCategory,
  Declaration,
  LegalBasis,
  Purpose,
  Recipient,
  StorageLocation,
  Transfer,
} from '../schema/index.ts';
import { firstOf, joinedList, pair, run, withDetail } from './blocks.ts';
import { hasText, listOf, say, textOf } from './compose.ts';
import type { Inline } from './model.ts';

/** Finds the declared items a category refers to by id, in the category's order. */
function pick<T extends { id: string }>(items: T[], ids: string[] | undefined): T[] {
  return (ids ?? []).flatMap((id) => items.filter((item) => item.id === id));
}

/** The locations named by `ids`, in their order; unknown ids are left out. */
export function locationsByIds(declaration: Declaration, ids: string[] | undefined) {
  return pick(declaration.locations, ids);
}

/** The recipients named by `ids`, in their order; unknown ids are left out. */
export function recipientsByIds(declaration: Declaration, ids: string[] | undefined) {
  return pick(declaration.recipients, ids);
}

/** The data categories named by `ids`, in their order; unknown ids are left out. */
export function categoriesByIds(declaration: Declaration, ids: string[] | undefined) {
  return pick(declaration.dataCategories, ids);
}

/** The names of the locations named by `ids`, each a run, for lists. */
export function locationNames(
  declaration: Declaration,
  ids: string[] | undefined,
  translator: Translator,
): Inline[] {
  return locationsByIds(declaration, ids).map((location) => locationName(location, translator));
}

/** The names of the recipients named by `ids`, each a run, for lists. */
export function recipientNames(
  declaration: Declaration,
  ids: string[] | undefined,
  translator: Translator,
): Inline[] {
  return recipientsByIds(declaration, ids).map((recipient) =>
    run(recipient.name, translator.locale),
  );
}

/** The purposes a category serves. */
export function purposesOf(declaration: Declaration, category: DataCategory): Purpose[] {
  return pick(declaration.purposes, category.purposes);
}

/** The locations a category is stored in. */
export function locationsOf(declaration: Declaration, category: DataCategory): StorageLocation[] {
  return pick(declaration.locations, category.storedIn);
}

/** The recipients a category goes to. */
export function recipientsOf(declaration: Declaration, category: DataCategory): Recipient[] {
  return pick(declaration.recipients, category.recipients);
}

/** The category's own legal bases, or else those of its purposes; "not stated" only when alone. */
export function legalBasesOf(declaration: Declaration, category: DataCategory): LegalBasis[] {
  if (category.legalBasis && category.legalBasis.length > 0) {
    return statedLegalBases(category.legalBasis);
  }
  return statedLegalBases(purposesOf(declaration, category).flatMap((p) => p.legalBasis ?? []));
}

/** Country names in the reader's language, as words of the app's (Intl's names). */
export function countryNames(
  codes: readonly string[] | undefined,
  translator: Translator,
): Inline[] {
  return (codes ?? []).map((code) => [countryName(code, translator.locale)]);
}

/**
 * A country and a place in words, without the country twice: "Zurich (Switzerland)" says
 * Switzerland already.
 */
export function placeParts(
  country: string | undefined,
  geography: Inline,
  translator: Translator,
): Inline[] {
  const name = country ? countryName(country, translator.locale) : '';
  if (name && textOf(geography).includes(name)) return [geography];
  return [[name], geography].filter(hasText);
}

/** What a location is called: its name, else its provider, else who hosts it. */
export function locationName(location: StorageLocation, translator: Translator): Inline {
  const locale = translator.locale;
  return firstOf(run(location.name, locale), run(location.provider, locale), [
    label(translator, 'hostedBy', location.hostedBy),
  ]);
}

/** "Google Cloud, europe-west1 (Belgium); backups: Rsync.net, Switzerland". */
export function locationText(location: StorageLocation, translator: Translator): Inline {
  const locale = translator.locale;
  const name = firstOf(
    run(location.name, locale),
    pair(translator, run(location.provider, locale), run(location.service, locale)),
    [label(translator, 'hostedBy', location.hostedBy)],
  );
  const where = joinedComma(translator, [
    location.country ? [countryName(location.country, locale)] : [],
    run(location.geography, locale),
  ]);
  const backups = location.backups;
  const backupWhere = backups
    ? joinedComma(translator, [
        run(backups.provider, locale),
        backups.country ? [countryName(backups.country, locale)] : [],
        run(backups.geography, locale),
      ])
    : [];
  const main = withDetail(translator, name, where);
  return hasText(backupWhere)
    ? say(translator, 'value.locationWithBackups', { location: main, backups: backupWhere })
    : main;
}

/** Runs joined pairwise with "first, second": for parts of one place, not a list of things. */
export function joinedComma(translator: Translator, parts: Inline[]): Inline {
  return parts.filter(hasText).reduce<Inline>((joined, next) => pair(translator, joined, next), []);
}

/**
 * Where a category is stored, for reading: its locations (`describe` says how each reads), "Stored
 * only by Zendesk" when it names the recipients that keep it instead, "Not stored" when its
 * retention says so, else "Not stated" (no location is not the same as none).
 */
export function storedIn(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
  describe: (location: StorageLocation, translator: Translator) => Inline = locationName,
): Inline[] {
  const keepers = recipientNames(declaration, category.handling?.storedOnlyBy, translator);
  if (storageOf(category) !== 'stated' && keepers.length > 0) {
    return [say(translator, 'value.storedOnlyBy', { recipients: listOf(translator, keepers) })];
  }
  switch (storageOf(category)) {
    case 'not-stored':
      return [[label(translator, 'retentionBasis', 'not-stored')]];
    case 'not-stated':
      return [[translator.t('value.notStated')]];
    case 'stated':
      return locationsOf(declaration, category).map((location) => describe(location, translator));
  }
}

/** A recipient's countries and place in words, in the reader's language. */
export function recipientWhere(recipient: Recipient, translator: Translator): Inline[] {
  return [
    ...countryNames(recipient.countries, translator),
    run(recipient.geography, translator.locale),
  ].filter(hasText);
}

/** "Mixpanel (United States)". */
export function recipientText(recipient: Recipient, translator: Translator): Inline {
  const where = joinedComma(translator, recipientWhere(recipient, translator));
  return withDetail(translator, run(recipient.name, translator.locale), where);
}

/** Where a transfer goes: its countries and its place in words. */
export function transferTo(transfer: Transfer, translator: Translator): Inline[] {
  return [
    ...countryNames(transfer.to, translator),
    run(transfer.toGeography, translator.locale),
  ].filter(hasText);
}

/** "the EEA to Switzerland: Adequacy decision". */
export function transferText(transfer: Transfer, translator: Translator): Inline {
  const to = joinedComma(translator, transferTo(transfer, translator));
  const from = run(transfer.from, translator.locale);
  const route =
    hasText(from) && hasText(to)
      ? say(translator, 'value.route', { from, to })
      : firstOf(to, from, [translator.t('value.internationalTransfer')]);
  return say(translator, 'value.labelled', {
    label: route,
    value: label(translator, 'transferMechanism', transfer.mechanism),
  });
}

/** Every country the category's data is stored or processed in (locations, backups, recipients). */
export function countriesOfCategory(declaration: Declaration, category: DataCategory): Set<string> {
  const codes = [
    ...locationsOf(declaration, category).flatMap((l) => [l.country, l.backups?.country]),
    ...recipientsOf(declaration, category).flatMap((r) => r.countries ?? []),
  ];
  return new Set(codes.filter((code): code is string => !!code));
}

/**
 * The transfers that concern a category: those to a country its data reaches, and those stated
 * without countries (the policy gives only a geography, so they may apply to anything).
 */
export function transfersOf(declaration: Declaration, category: DataCategory): Transfer[] {
  const countries = countriesOfCategory(declaration, category);
  return (declaration.transfers ?? []).filter(
    (transfer) =>
      !transfer.to || transfer.to.length === 0 || transfer.to.some((code) => countries.has(code)),
  );
}

/** "In transit: Yes; at rest: Not stated", or nothing when neither is declared. */
export function encryptionText(category: DataCategory, translator: Translator): Inline {
  const inTransit =
    category.encryptionInTransit && label(translator, 'tristate', category.encryptionInTransit);
  const atRest =
    category.encryptionAtRest && label(translator, 'tristate', category.encryptionAtRest);
  if (inTransit && atRest) return say(translator, 'value.encryptionBoth', { inTransit, atRest });
  if (inTransit) return say(translator, 'value.encryptionInTransit', { value: inTransit });
  if (atRest) return say(translator, 'value.encryptionAtRest', { value: atRest });
  return [];
}

/** The purposes of a category by name, as a list in the reader's language. */
export function purposeNames(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
): Inline {
  return joinedList(
    translator,
    purposesOf(declaration, category).map((purpose) => run(purpose.name, translator.locale)),
  );
}
