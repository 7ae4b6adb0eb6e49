import type { DeclarationDiff, DiffEntry } from '@declaration';
import { useLocale } from '../i18n/index.ts';

/** A changed value as text: strings as written, lists joined, anything else as JSON. */
function showValue(value: unknown, empty: string): string {
  if (value === undefined || value === null || value === '') return empty;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length > 0 ? value.join(', ') : empty;
  }
  return JSON.stringify(value);
}

function Entry({ entry }: { entry: DiffEntry }) {
  const { t } = useLocale();
  const v = t.versions;
  return (
    <li className={`diff-entry diff-${entry.kind}`} data-testid="diff-entry" data-kind={entry.kind}>
      <span className={`badge badge-${entry.kind}`}>{v.kind[entry.kind]}</span>{' '}
      <span className="diff-section">{t.diffSections[entry.section]}:</span>{' '}
      <strong>{entry.label}</strong>
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
                <th scope="row">
                  <code>{field.path}</code>
                </th>
                <td className="diff-before">{showValue(field.before, v.empty)}</td>
                <td className="diff-after">{showValue(field.after, v.empty)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** What changed between two versions: added, removed and changed items, each marked. */
export function DiffView({ diff }: { diff: DeclarationDiff }) {
  const { t } = useLocale();
  const { added, removed, changed } = diff.counts;
  return (
    <div data-testid="diff">
      <p data-testid="diff-counts">{t.versions.counts(added, removed, changed)}</p>
      {diff.entries.length === 0 ? (
        <p>{t.versions.noChanges}</p>
      ) : (
        <ul className="diff-list">
          {diff.entries.map((entry) => (
            <Entry key={`${entry.section}:${entry.key}:${entry.kind}`} entry={entry} />
          ))}
        </ul>
      )}
    </div>
  );
}
