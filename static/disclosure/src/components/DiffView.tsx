import type { DeclarationDiff, DiffEntry } from '@declaration';
import { LABELS, policyVersionText } from '@declaration/present/index.ts';
import { useLocale } from '../i18n/index.ts';

/** The label table for a field, by the last key of its dotted path; enum ids are not for people. */
const LABELS_BY_FIELD: Record<string, Record<string, string>> = {
  basis: LABELS.retentionBasis,
  after: LABELS.retentionTrigger,
  legalBasis: LABELS.legalBasis,
  subjects: LABELS.dataSubject,
  sources: LABELS.dataSource,
  platforms: LABELS.platform,
  platform: LABELS.platform,
  marketplaceClass: LABELS.marketplaceClass,
  collectedBy: LABELS.collectedBy,
  collection: LABELS.collection,
  hostedBy: LABELS.hostedBy,
  followsDataResidency: LABELS.tristate,
  encryptionInTransit: LABELS.tristate,
  encryptionAtRest: LABELS.tristate,
  mechanism: LABELS.transferMechanism,
  framework: LABELS.framework,
  products: LABELS.product,
  lastUpdatedSource: LABELS.lastUpdatedSource,
};

/** A changed value as text: enum ids as labels, strings as written, lists joined, else JSON. */
function showValue(value: unknown, empty: string, path: string, section: string): string {
  if (value === undefined || value === null || value === '') return empty;
  const field = path.split('.').at(-1) ?? '';
  const labels = LABELS_BY_FIELD[field];
  const word = (item: string) =>
    section === 'policy' && path === 'version' ? policyVersionText(item) : (labels?.[item] ?? item);
  if (typeof value === 'string') return word(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length > 0 ? value.map(word).join(', ') : empty;
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
                <td className="diff-before">
                  {showValue(field.before, v.empty, field.path, entry.section)}
                </td>
                <td className="diff-after">
                  {showValue(field.after, v.empty, field.path, entry.section)}
                </td>
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
