import { Fragment, useMemo } from 'react';
import type { Declaration, DeclarationDiff, DiffEntry } from '@declaration';
import { diffFieldLabel, diffSectionLabel } from '@declaration/diff-labels.ts';
import { formatListParts, useT } from '../i18n/index.ts';
import {
  entryTitle,
  namesById,
  showValue,
  type ShownValue,
  type ValueContext,
} from './diff-values.ts';

/** One value, isolated when it is the vendor's words and marked with its language if another. */
function Value({ value }: { value: ShownValue }) {
  if (!value.vendorText) return <>{value.text}</>;
  return <bdi lang={value.lang}>{value.text}</bdi>;
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

/** One side of a change; an absent value is marked so it is not struck through like a removal. */
function ValueCell({
  kind,
  value,
  path,
  section,
  context,
}: {
  kind: 'before' | 'after';
  value: unknown;
  path: string;
  section: DiffEntry['section'];
  context: ValueContext;
}) {
  const values = showValue(value, path, section, context);
  if (values.length === 0) {
    return <td className={`diff-${kind} diff-empty`}>{context.t.t('diff.empty')}</td>;
  }
  return (
    <td className={`diff-${kind}`}>
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

function Entry({ entry, context }: { entry: DiffEntry; context: ValueContext }) {
  const { t } = context;
  return (
    <li className={`diff-entry diff-${entry.kind}`} data-testid="diff-entry" data-kind={entry.kind}>
      <span className={`badge badge-${entry.kind}`}>{t.t(`diff.kind.${entry.kind}`)}</span>{' '}
      <EntryHeading entry={entry} context={context} />
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
                <ValueCell
                  kind="before"
                  value={field.before}
                  path={field.path}
                  section={entry.section}
                  context={context}
                />
                <ValueCell
                  kind="after"
                  value={field.after}
                  path={field.path}
                  section={entry.section}
                  context={context}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/**
 * What changed between two versions: added, removed and changed items, each marked, with every
 * changed field named in words and its values as people read them, in the reader's language.
 * Ids in a changed list are named from `declaration` (the current one) when it has them.
 */
export function DiffView({
  diff,
  declaration,
}: {
  diff: DeclarationDiff;
  declaration?: Declaration;
}) {
  const t = useT();
  const context = useMemo<ValueContext>(
    () => ({
      t,
      declaration,
      names: declaration ? namesById(declaration, t.locale) : new Map(),
    }),
    [t, declaration],
  );
  const { added, removed, changed } = diff.counts;
  return (
    <div data-testid="diff">
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
              context={context}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
