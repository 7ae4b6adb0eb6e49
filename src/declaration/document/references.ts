import type {
  DataCategory,
  Declaration,
  LegalBasis,
  Recipient,
  StorageLocation,
  Transfer,
} from '../schema/index.ts';
import { LABELS } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { NOT_STATED, statedLegalBases, storageOf } from '../present/stated.ts';
import { vendorText } from '../export/vendor-text.ts';

/** Finds the declared items a category refers to by id, in the category's order. */
function pick<T extends { id: string }>(items: T[], ids: string[] | undefined): T[] {
  return (ids ?? []).flatMap((id) => items.filter((item) => item.id === id));
}

/** The purposes a category serves. */
export function purposesOf(declaration: Declaration, category: DataCategory) {
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

/** Country names joined for reading. */
export function countriesText(codes: string[] | undefined, locale: string): string {
  return (codes ?? []).map((code) => countryName(code, locale)).join(', ');
}

/** "Google Cloud, europe-west1 (Belgium); backups: Rsync.net (Switzerland)". */
export function locationText(location: StorageLocation, locale: string): string {
  const name =
    vendorText(location.name, locale) ||
    [vendorText(location.provider, locale), vendorText(location.service, locale)]
      .filter(Boolean)
      .join(' ') ||
    LABELS.hostedBy[location.hostedBy];
  const where = [
    location.country ? countryName(location.country, locale) : '',
    vendorText(location.geography, locale),
  ].filter(Boolean);
  const backups = location.backups;
  const backupWhere = backups
    ? [
        vendorText(backups.provider, locale),
        backups.country ? countryName(backups.country, locale) : '',
        vendorText(backups.geography, locale),
      ].filter(Boolean)
    : [];
  const main = where.length > 0 ? `${name} (${where.join(', ')})` : name;
  return backupWhere.length > 0 ? `${main}; backups: ${backupWhere.join(', ')}` : main;
}

/**
 * Where a category is stored, for reading: its locations joined with `separator`, "Not stored"
 * when its retention says so, else "Not stated" (no location given is not the same as none).
 */
export function storedInText(
  declaration: Declaration,
  category: DataCategory,
  locale: string,
  separator = ', ',
): string {
  switch (storageOf(category)) {
    case 'not-stored':
      return LABELS.retentionBasis['not-stored'];
    case 'not-stated':
      return NOT_STATED;
    case 'stated':
      return locationsOf(declaration, category)
        .map((location) => locationText(location, locale))
        .join(separator);
  }
}

/** "MixPanel (United States)". */
export function recipientText(recipient: Recipient, locale: string): string {
  const where = [
    countriesText(recipient.countries, locale),
    vendorText(recipient.geography, locale),
  ]
    .filter(Boolean)
    .join(', ');
  const name = vendorText(recipient.name, locale);
  return where ? `${name} (${where})` : name;
}

/** "the EEA → Switzerland: Adequacy decision". */
export function transferText(transfer: Transfer, locale: string): string {
  const to = [countriesText(transfer.to, locale), vendorText(transfer.toGeography, locale)]
    .filter(Boolean)
    .join(', ');
  const from = vendorText(transfer.from, locale);
  const route = from && to ? `${from} to ${to}` : to || from || 'International transfer';
  return `${route}: ${LABELS.transferMechanism[transfer.mechanism]}`;
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

/** "In transit: Yes; at rest: Not stated", or '' when neither is declared. */
export function encryptionText(category: DataCategory): string {
  const parts = [
    category.encryptionInTransit
      ? `In transit: ${LABELS.tristate[category.encryptionInTransit]}`
      : '',
    category.encryptionAtRest ? `at rest: ${LABELS.tristate[category.encryptionAtRest]}` : '',
  ].filter(Boolean);
  return parts.join('; ');
}
