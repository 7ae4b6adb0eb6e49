import english from '../../locales/en-US.json' with { type: 'json' };
import type { DiffEntry, DiffSection } from './api.ts';
import type { Catalogue, MessageKey, Translator } from './i18n/index.ts';

/**
 * The vendor entry's label (`DiffEntry.label`) when the declaration names neither a legal nor a
 * trading name; the page says "The vendor" from its catalogue instead.
 */
export const UNNAMED_VENDOR_LABEL = 'Vendor';

/** A declaration field the catalogue names, e.g. `legalBasis`. */
type FieldName = keyof Catalogue['diff']['field'];

/**
 * The enums whose values the catalogue labels under `value.<kind>`: those of `Labels` and the
 * ones the page's sections label (`access`, `circumstance`, `programme`, ...).
 */
export type ValueKind = {
  [K in keyof Catalogue['value']]: Catalogue['value'][K] extends Record<string, string> ? K : never;
}[keyof Catalogue['value']];

/** The parts a diff reports as one whole entry, with no item name of their own. */
type WholeSection = keyof Catalogue['diff']['whole'];

function isFieldName(key: string): key is FieldName {
  return Object.hasOwn(english.diff.field, key);
}

function isWholeSection(section: DiffSection): section is WholeSection {
  return Object.hasOwn(english.diff.whole, section);
}

/**
 * A changed field's dotted path as people read it, in the translator's language:
 * `retention.basis` → "Retention → How long it is kept", `notes.0` → "Notes → #1". A field the
 * catalogue does not name (a test holds every field of the schema named) shows its key.
 */
export function diffFieldLabel(path: string, translator: Translator): string {
  const parts = path
    .split('.')
    .map((key) =>
      /^\d+$/.test(key)
        ? translator.t('diff.itemNumber', { number: Number(key) + 1 })
        : isFieldName(key)
          ? translator.t(`diff.field.${key}`)
          : key,
    );
  return parts.reduce((parent, field) => translator.t('diff.fieldPath', { parent, field }));
}

/** The name of a part of the declaration in "What changed", e.g. "Data collected". */
export function diffSectionLabel(section: DiffSection, translator: Translator): string {
  return translator.t(`diff.section.${section}`);
}

/**
 * The label of an entry the diff reports whole (the policy, the security practices) in the
 * translator's language; undefined for an item, whose label is its own name (vendor text).
 * `diffDeclarations` writes the English word into `label`, which is kept for readers of the
 * stored diff; the page names it from the catalogue instead.
 */
export function wholeEntryLabel(entry: DiffEntry, translator: Translator): string | undefined {
  if (entry.key !== entry.section || !isWholeSection(entry.section)) return undefined;
  return translator.t(`diff.whole.${entry.section}`);
}

/**
 * The label of an enum value a diff reports (`legalBasis` `contract`: "Performance of a
 * contract"), in the translator's language; undefined for a value the format does not have,
 * which a stored diff from another version of the format may hold.
 */
export function diffValueLabel(
  kind: ValueKind,
  value: string,
  translator: Translator,
): string | undefined {
  const known: Record<string, string> = english.value[kind];
  if (!Object.hasOwn(known, value)) return undefined;
  // Checked against the English catalogue just above: the key exists.
  return translator.t(`value.${kind}.${value}` as MessageKey);
}
