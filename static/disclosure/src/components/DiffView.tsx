import { Fragment, useMemo } from 'react';
import type { Declaration, DeclarationDiff, DiffEntry, FieldChange } from '@declaration';
import { canonicalJson } from '@declaration/canonical.ts';
import { diffAnchor } from '@declaration/diff-anchor.ts';
import { diffFieldLabel, diffSectionLabel } from '@declaration/diff-labels.ts';
import { formatListParts, useT } from '../i18n/index.ts';
import {
  entrySide,
  entryTitle,
  NO_NAMES,
  showValue,
  type ShownValue,
  type ValueContext,
} from './diff-values.ts';
import { VendorText } from './isolate.tsx';
import { MaterialChanges } from './MaterialChanges.tsx';

/** One value, isolated when it is the vendor's words and marked with its language if another. */
function Value({ value }: { value: ShownValue }) {
  if (!value.vendorText) return <>{value.text}</>;
  return <VendorText text={value.text} lang={value.lang} />;
}

/** The values of a list in the reader's words ("a, b and c"), each rendered apart. */
function Values({ values, locale }: { values: ShownValue[]; locale: string }) {
  const parts = formatListParts(
    values.map((value) => value.text),
    locale,
  );
  let item = 0;
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'item' ? (
          <Value key={index} value={values[item++]!} />
        ) : (
          <Fragment key={index}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}

type Side = 'before' | 'after';

/** Whether a field was compared item by item: a list with the items each side alone has. */
function isItemByItem(field: FieldChange): boolean {
  return Array.isArray(field.added) || Array.isArray(field.removed);
}

/**
 * The items of one side of a list compared item by item, each with whether only this side has
 * it: the older list's items that went are "removed", the newer list's that came are "added".
 * Duplicates count: of two equal items of which one went, one is marked.
 */
function markedItems(field: FieldChange, side: Side): { item: unknown; marked: boolean }[] {
  const value = side === 'before' ? field.before : field.after;
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const only = (side === 'before' ? field.removed : field.added) ?? [];
  const pool = only.map((item) => canonicalJson(item));
  return items.map((item) => {
    const index = pool.indexOf(canonicalJson(item));
    if (index !== -1) pool.splice(index, 1);
    return { item, marked: index !== -1 };
  });
}

/**
 * One side of a list compared item by item: each item on its own line, those only this side has
 * marked in words ("Added", "Removed") as well as by colour, the others as they were.
 */
function ListCell({
  side,
  field,
  section,
  context,
}: {
  side: Side;
  field: FieldChange;
  section: DiffEntry['section'];
  context: ValueContext;
}) {
  const { t } = context;
  const items = markedItems(field, side);
  if (items.length === 0) {
    return <td className={`diff-${side} diff-empty`}>{t.t('diff.empty')}</td>;
  }
  const mark = side === 'before' ? 'removed' : 'added';
  return (
    <td className={`diff-${side} diff-list-cell`}>
      <ul className="diff-items">
        {items.map(({ item, marked }, index) => (
          <li key={index} className={marked ? `diff-item diff-item-${mark}` : 'diff-item'}>
            {marked && (
              <>
                <span className={`badge badge-${mark}`}>{t.t(`diff.kind.${mark}`)}</span>{' '}
              </>
            )}
            <Values
              values={showValue(item, field.path, section, context)}
              locale={context.t.locale}
            />
          </li>
        ))}
      </ul>
    </td>
  );
}

/** One side of a change; an absent value is marked so it is not struck through like a removal. */
function ValueCell({
  side,
  field,
  section,
  context,
}: {
  side: Side;
  field: FieldChange;
  section: DiffEntry['section'];
  context: ValueContext;
}) {
  if (isItemByItem(field)) {
    return <ListCell side={side} field={field} section={section} context={context} />;
  }
  const value = side === 'before' ? field.before : field.after;
  const values = showValue(value, field.path, section, context);
  if (values.length === 0) {
    return <td className={`diff-${side} diff-empty`}>{context.t.t('diff.empty')}</td>;
  }
  return (
    <td className={`diff-${side}`}>
      <Values values={values} locale={context.t.locale} />
    </td>
  );
}

/** "Data collected: Operation data", with the item's name rendered apart from the app's words. */
function EntryHeading({ entry, context }: { entry: DiffEntry; context: ValueContext }) {
  const { t } = context;
  const title = entryTitle(entry, context);
  // A part reported whole is its own heading: "Security", not "Security: Security".
  if (title.whole) return <strong>{title.text}</strong>;
  // The sentence is the catalogue's; its two values are put in its placeholders' places.
  const marker = { section: '\u{E000}', item: '\u{E001}' };
  const sentence = t.t('diff.entry', marker);
  return (
    <>
      {sentence.split(/(\u{E000}|\u{E001})/u).map((part, index) =>
        part === marker.section ? (
          <span key={index} className="diff-section">
            {diffSectionLabel(entry.section, t)}
          </span>
        ) : part === marker.item ? (
          <strong key={index}>
            <Value value={title} />
          </strong>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function Entry({ entry, contexts }: { entry: DiffEntry; contexts: Record<Side, ValueContext> }) {
  const { t } = contexts.after;
  return (
    <li
      id={diffAnchor(entry)}
      // A material change above moves focus here.
      tabIndex={-1}
      className={`diff-entry diff-${entry.kind}`}
      data-testid="diff-entry"
      data-kind={entry.kind}
    >
      <span className={`badge badge-${entry.kind}`}>{t.t(`diff.kind.${entry.kind}`)}</span>{' '}
      <EntryHeading entry={entry} context={contexts[entrySide(entry)]} />
      {entry.kind === 'changed' && entry.fields.length > 0 && (
        <table className="diff-fields">
          <thead>
            <tr>
              <th scope="col">{t.t('diff.column.field')}</th>
              <th scope="col">{t.t('diff.column.before')}</th>
              <th scope="col">{t.t('diff.column.after')}</th>
            </tr>
          </thead>
          <tbody>
            {entry.fields.map((field) => (
              <tr key={field.path}>
                <th scope="row" title={field.path}>
                  {diffFieldLabel(field.path, t)}
                </th>
                {(['before', 'after'] as const).map((side) => (
                  <ValueCell
                    key={side}
                    side={side}
                    field={field}
                    section={entry.section}
                    context={contexts[side]}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/**
 * What changed between two versions: first what matters to a privacy review, each linked to its
 * detail, then the added, removed and changed items, each marked, with every changed field named
 * in words and its values as people read them, in the reader's language. Ids are named from the
 * version each value comes from (`diff.names`): a removed item from the older one. `declaration`
 * (the current one) only gives the vendor's and the app's names in the reader's language.
 */
export function DiffView({
  diff,
  declaration,
}: {
  diff: DeclarationDiff;
  declaration?: Declaration;
}) {
  const t = useT();
  // A diff from a backend older than names and material changes has neither: ids then read as
  // unnamed items, never as themselves.
  const contexts = useMemo<Record<Side, ValueContext>>(
    () => ({
      before: { t, declaration, names: diff.names?.before ?? NO_NAMES },
      after: { t, declaration, names: diff.names?.after ?? NO_NAMES },
    }),
    [t, declaration, diff],
  );
  const anchors = useMemo(() => new Set(diff.entries.map((entry) => diffAnchor(entry))), [diff]);
  const { added, removed, changed } = diff.counts;
  return (
    <div data-testid="diff">
      <MaterialChanges changes={diff.material ?? []} anchors={anchors} />
      <p data-testid="diff-counts">
        {t.t('diff.counts', {
          added: t.plural('diff.added', added),
          removed: t.plural('diff.removed', removed),
          changed: t.plural('diff.changed', changed),
        })}
      </p>
      {diff.entries.length === 0 ? (
        <p>{t.t('diff.noChanges')}</p>
      ) : (
        <ul className="diff-list">
          {diff.entries.map((entry) => (
            <Entry
              key={`${entry.section}:${entry.key}:${entry.kind}`}
              entry={entry}
              contexts={contexts}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
