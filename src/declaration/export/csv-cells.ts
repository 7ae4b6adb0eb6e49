import { joinedList, run, runs, yesNo } from '../document/blocks.ts';
import { hasText, say } from '../document/compose.ts';
import type { Inline } from '../document/model.ts';
import {
  locationName,
  locationText,
  locationsByIds,
  recipientNames,
} from '../document/references.ts';
import { retentionWords } from '../document/retention.ts';
import type { Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import { describeBoundedDuration } from '../present/retention.ts';
import type { DataCategory, Declaration, Encryption, Retention, Text } from '../schema/index.ts';
import { plainText } from './plain-text.ts';

/**
 * The cells of the record of processing that format 2 added, each one value a spreadsheet can
 * filter on: the app's words from the catalogue, the vendor's set apart (see `plainText`).
 * Parts of one cell are joined with "; ", as lists are in every other cell.
 */

/** Values joined as one cell; empty values dropped. */
export function cellList(values: string[]): string {
  return values.filter(Boolean).join('; ');
}

/**
 * A run without the vendor's closing full stop, for a part that the cell goes on after ("AES-256
 * at rest; TLS 1.2 in transit"), as the retention's words drop it before their own.
 */
function withoutFullStop(part: Inline): Inline {
  const last = part[part.length - 1];
  // The retention's words end their last sentence with the catalogue's full stop.
  if (typeof last === 'string') {
    return last.endsWith('.') ? [...part.slice(0, -1), last.slice(0, -1)] : part;
  }
  if (last?.kind !== 'vendor' || !last.text.endsWith('.')) return part;
  return [...part.slice(0, -1), { ...last, text: last.text.slice(0, -1) }];
}

/** Runs as one cell, each part but the last without its closing full stop. */
function inlineList(parts: Inline[]): string {
  const present = parts.filter(hasText);
  return cellList(
    present.map((part, index) =>
      plainText(index < present.length - 1 ? withoutFullStop(part) : part),
    ),
  );
}

/** "Label: value" in the reader's language; nothing when the value is empty. */
function labelled(translator: Translator, key: Parameters<Translator['t']>[0], value: Inline) {
  return hasText(value)
    ? say(translator, 'value.labelled', { label: translator.t(key), value })
    : [];
}

/** A vendor text in the reader's language. */
export function textCell(value: Text | undefined, translator: Translator): string {
  return plainText(run(value, translator.locale));
}

/** Yes or No for a stated boolean, nothing for an unstated one. */
export function yesNoCell(value: boolean | undefined, translator: Translator): string {
  return plainText(yesNo(translator, value));
}

/** The recipients that store data the app only processes, by name. */
export function storedOnlyByCell(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
): string {
  return inlineList(recipientNames(declaration, category.handling?.storedOnlyBy, translator));
}

/** Where data is kept, each location in words; "Not stated" when no location is named. */
export function placesCell(
  declaration: Declaration,
  ids: string[] | undefined,
  translator: Translator,
): string {
  const places = locationsByIds(declaration, ids).map((l) => locationText(l, translator));
  return places.length ? inlineList(places) : translator.t('value.notStated');
}

/** A retention in words; "Not stated" when there is none (a log without one). */
export function retentionCell(retention: Retention | undefined, translator: Translator): string {
  return retention
    ? plainText(retentionWords(retention, translator))
    : translator.t('value.notStated');
}

/**
 * How the period is meant ("At most"): stated with the period, or the format's default, at
 * most, which is also how the retention's words read it ("deleted at the latest ...").
 */
export function boundCell(retention: Retention | undefined, translator: Translator): string {
  if (!retention?.period) return '';
  return label(translator, 'periodBound', retention.bound ?? 'at-most');
}

/** How long backup copies live ("at least 30 days") and where they are kept, by name. */
export function backupsCell(
  declaration: Declaration,
  retention: Retention | undefined,
  translator: Translator,
): string {
  const backups = retention?.backups;
  if (!backups) return '';
  const period = backups.period
    ? [describeBoundedDuration(backups.period, backups.bound ?? 'at-most', translator)]
    : [];
  const places = locationsByIds(declaration, backups.storedIn).map((location) =>
    locationName(location, translator),
  );
  return inlineList([
    period,
    labelled(translator, 'label.backupLocations', joinedList(translator, places)),
  ]);
}

/** How long backups still hold the data after deletion or uninstall, and the policy's words. */
export function afterDeletionCell(
  retention: Retention | undefined,
  translator: Translator,
): string {
  const after = retention?.backups?.afterDeletion;
  if (!after) return '';
  const period = after.period
    ? [describeBoundedDuration(after.period, after.bound ?? 'at-most', translator)]
    : [];
  return inlineList([period, run(after.description, translator.locale)]);
}

/** What the policy names about the encryption: method at rest, protocol, keys, fields. */
export function encryptionDetailsCell(
  encryption: Encryption | undefined,
  translator: Translator,
): string {
  if (!encryption) return '';
  const locale = translator.locale;
  return inlineList([
    labelled(translator, 'label.atRestMethod', run(encryption.atRestMethod, locale)),
    labelled(translator, 'label.inTransitProtocol', run(encryption.inTransitProtocol, locale)),
    labelled(translator, 'label.keyManagement', run(encryption.keyManagement, locale)),
    labelled(
      translator,
      'label.fieldLevel',
      joinedList(translator, runs(encryption.fieldLevel, locale)),
    ),
  ]);
}

/**
 * Where storage or retention differ on a platform: "Data Center: Stored in: the customer's
 * database, Retention: Kept while the app is installed, <what else differs>", one per platform.
 */
export function platformDifferencesCell(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
): string {
  return inlineList(
    (category.platformDifferences ?? []).map((difference) => {
      const places = locationsByIds(declaration, difference.storedIn).map((location) =>
        locationName(location, translator),
      );
      const parts = [
        labelled(translator, 'label.storedInOnPlatform', joinedList(translator, places)),
        labelled(
          translator,
          'label.retentionOnPlatform',
          difference.retention ? retentionWords(difference.retention, translator) : [],
        ),
        run(difference.statement, translator.locale),
      ].filter(hasText);
      const value = parts.reduce<Inline>(
        (joined, next) =>
          joined.length
            ? say(translator, 'value.pair', { first: withoutFullStop(joined), second: next })
            : next,
        [],
      );
      return say(translator, 'value.labelled', {
        label: label(translator, 'platform', difference.platform),
        value,
      });
    }),
  );
}

/** The forms the data is kept in (anonymised, hashed, ...). */
export function formsCell(category: DataCategory, translator: Translator): string {
  return cellList(labels(translator, 'dataForm', category.handling?.forms ?? []));
}
