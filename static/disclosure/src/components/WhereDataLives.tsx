import type { Declaration, StorageLocation } from '@declaration';
import { countryName, LABELS } from '@declaration/present/index.ts';
import { formatList, useLocale } from '../i18n/index.ts';
import { DataTable, Fact, Notes, Section, usePlainText, useText } from './common.tsx';
import { isolate, joined, ListOf } from './isolate.tsx';

/** Country and free-text geography, without the country twice ("Zurich (Switzerland)" is enough). */
function placeParts(country: string | undefined, geography: string, locale: string): string[] {
  const name = country ? countryName(country, locale) : '';
  if (name && geography.includes(name)) return [geography];
  return [name, geography].filter(Boolean);
}

function LocationCard({ location }: { location: StorageLocation }) {
  const { locale, t } = useLocale();
  const text = useText();
  const plain = usePlainText();
  const l = t.locations;
  const place = placeParts(location.country, plain(location.geography), locale);
  const backups = location.backups;
  // The place is a list; the policy's description of the backups is a sentence of its own.
  const backupWhere = backups
    ? [plain(backups.provider), ...placeParts(backups.country, plain(backups.geography), locale)]
    : [];
  const backupWords = plain(backups?.description).replace(/\.$/, '');
  const backupWhereText = joined(backupWhere, ', ');
  const residencyNote = plain(location.residencyNote);
  const byProvider = [plain(location.provider), plain(location.service)];
  return (
    <li className="card" data-testid={`location-${location.id}`}>
      <h3>{text(location.name) ?? joined(byProvider, ' ') ?? isolate(location.id)}</h3>
      <dl className="facts">
        <Fact term={l.hostedBy}>{LABELS.hostedBy[location.hostedBy]}</Fact>
        <Fact term={l.provider}>{joined(byProvider, ', ')}</Fact>
        <Fact term={l.country}>{joined(place, ', ')}</Fact>
        <Fact term={l.region}>{isolate(location.regionCode)}</Fact>
        <Fact term={l.holds}>{text(location.holds)}</Fact>
        <Fact term={l.residency}>
          {location.followsDataResidency && (
            <>
              {LABELS.tristate[location.followsDataResidency]}
              {residencyNote && '. '}
              {isolate(residencyNote)}
            </>
          )}
        </Fact>
        <Fact term={l.backups}>
          {(backupWhereText || backupWords) && (
            <>
              {backupWhereText}
              {backupWhereText && backupWords && '. '}
              {isolate(backupWords)}
            </>
          )}
        </Fact>
        <Fact term={l.platforms}>
          {location.platforms &&
            formatList(
              location.platforms.map((p) => LABELS.platform[p]),
              locale,
            )}
        </Fact>
      </dl>
      <Notes notes={location.notes} />
    </li>
  );
}

/** Every storage location with its provider, country, residency and backups. */
export function WhereDataLives({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  return (
    <Section id="where-data-lives" title={t.sections.whereDataLives}>
      {declaration.locations.length === 0 ? (
        <p>{t.locations.none}</p>
      ) : (
        <ul className="cards">
          {declaration.locations.map((location) => (
            <LocationCard key={location.id} location={location} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/** International transfers and the legal mechanism for each. */
export function Transfers({ declaration }: { declaration: Declaration }) {
  const { locale, t } = useLocale();
  const text = useText();
  const plain = usePlainText();
  const transfers = declaration.transfers ?? [];
  if (transfers.length === 0) return null;
  return (
    <Section id="transfers" title={t.sections.transfers}>
      <DataTable
        label={t.sections.transfers}
        columns={[t.transfers.from, t.transfers.to, t.transfers.mechanism, t.transfers.reason]}
      >
        {transfers.map((transfer, index) => {
          const to = [
            ...(transfer.to ?? []).map((code) => countryName(code, locale)),
            plain(transfer.toGeography),
          ].filter(Boolean);
          return (
            <tr key={index}>
              <th scope="row">{text(transfer.from) ?? t.transfers.anywhere}</th>
              <td>{to.length > 0 ? <ListOf items={to} /> : t.transfers.anywhere}</td>
              <td>{LABELS.transferMechanism[transfer.mechanism]}</td>
              <td>
                {text(transfer.reason)}
                <Notes notes={transfer.notes} />
              </td>
            </tr>
          );
        })}
      </DataTable>
    </Section>
  );
}
