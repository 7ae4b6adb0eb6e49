import type { Declaration } from '@declaration';
import { countryName, LABELS } from '@declaration/present/index.ts';
import { useLocale } from '../i18n/index.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { DataTable, Notes, Section, TextList, usePlainText, useText } from './common.tsx';
import { ListOf } from './isolate.tsx';

/** Subprocessors and other recipients: who, why, where, and how to opt out. */
export function Recipients({ declaration }: { declaration: Declaration }) {
  const { locale, t } = useLocale();
  const text = useText();
  const plain = usePlainText();
  const r = t.recipientsSection;
  return (
    <Section id="recipients" title={t.sections.recipients}>
      {declaration.recipients.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <DataTable
          label={t.sections.recipients}
          columns={[r.name, r.kind, r.purpose, r.countries, r.safeguards]}
          testId="recipients-table"
        >
          {declaration.recipients.map((recipient) => {
            const where = [
              ...(recipient.countries ?? []).map((code) => countryName(code, locale)),
              plain(recipient.geography),
            ].filter(Boolean);
            return (
              <tr key={recipient.id} data-testid={`recipient-${recipient.id}`}>
                <th scope="row">
                  {text(recipient.name)}
                  {recipient.legalEntity && (
                    <p className="cell-note">{text(recipient.legalEntity)}</p>
                  )}
                  {recipient.privacyPolicyUrl && (
                    <p className="cell-note">
                      <ExternalLink href={recipient.privacyPolicyUrl}>
                        {r.privacyPolicy}
                      </ExternalLink>
                    </p>
                  )}
                </th>
                <td>
                  {LABELS.recipientKind[recipient.kind]}
                  <p className="cell-note">{LABELS.recipientCategory[recipient.category]}</p>
                </td>
                <td>
                  {text(recipient.purpose)}
                  {recipient.when && (
                    <p className="cell-note">
                      {r.when}: {text(recipient.when)}
                    </p>
                  )}
                </td>
                <td>{where.length > 0 ? <ListOf items={where} /> : r.notStated}</td>
                <td data-testid="recipient-safeguards">
                  {(recipient.safeguards?.length ?? 0) === 0 && !recipient.optOut && (
                    <p className="cell-first">{r.noSafeguards}</p>
                  )}
                  <TextList items={recipient.safeguards} className="cell-list" />
                  {recipient.optOut && (
                    <p className="cell-note">
                      <ExternalLink href={recipient.optOut}>{r.optOut}</ExternalLink>
                    </p>
                  )}
                  <Notes notes={recipient.notes} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}
