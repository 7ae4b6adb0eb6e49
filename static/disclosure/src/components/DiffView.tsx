import { useMemo } from 'react';
import type { Declaration, DeclarationDiff, DiffEntry } from '@declaration';
import { useLocale } from '../i18n/index.ts';
import { fieldLabel, namesById, showValue, type ValueContext } from './diff-values.ts';
import { isolate, ListOf } from './isolate.tsx';

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
  const items = showValue(value, path, section, context);
  if (items.length === 0) {
    return <td className={`diff-${kind} diff-empty`}>{context.t.versions.empty}</td>;
  }
  return (
    <td className={`diff-${kind}`}>
      <ListOf items={items} />
    </td>
  );
}

function Entry({ entry, context }: { entry: DiffEntry; context: ValueContext }) {
  const { t } = useLocale();
  const v = t.versions;
  return (
    <li className={`diff-entry diff-${entry.kind}`} data-testid="diff-entry" data-kind={entry.kind}>
      <span className={`badge badge-${entry.kind}`}>{v.kind[entry.kind]}</span>{' '}
      <span className="diff-section">{t.diffSections[entry.section]}:</span>{' '}
      <strong>{isolate(entry.label)}</strong>
      {entry.kind === 'changed' && entry.fields.length > 0 && (
        <table className="diff-fields">
          <thead>
            <tr>
              <th scope="col">{v.field}</th>
              <th scope="col">{v.before}</th>
              <th scope="col">{v.after}</th>
            </tr>
          </thead>
          <tbody>
            {entry.fields.map((field) => (
              <tr key={field.path}>
                <th scope="row" title={field.path}>
                  {fieldLabel(field.path, t)}
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
 * changed field named in words and its values as people read them. Ids in a changed list are
 * named from `declaration` (the current one) when it has them.
 */
export function DiffView({
  diff,
  declaration,
}: {
  diff: DeclarationDiff;
  declaration?: Declaration;
}) {
  const { locale, t } = useLocale();
  const context = useMemo<ValueContext>(
    () => ({
      t,
      locale,
      names: declaration ? namesById(declaration, locale) : new Map(),
    }),
    [t, locale, declaration],
  );
  const { added, removed, changed } = diff.counts;
  return (
    <div data-testid="diff">
      <p data-testid="diff-counts">{t.versions.counts(added, removed, changed)}</p>
      {diff.entries.length === 0 ? (
        <p>{t.versions.noChanges}</p>
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
