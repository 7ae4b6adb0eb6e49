import type { Declaration, StorageLocation } from '@declaration';
import { countryName, LABELS } from '@declaration/present/index.ts';
import { formatList, useLocale } from '../i18n/index.ts';
import { Fact, Notes, Section, useText } from './common.tsx';

/** Country and free-text geography, without the country twice ("Zurich (Switzerland)" is enough). */
function placeText(country: string | undefined, geography: string, locale: string): string {
  const name = country ? countryName(country, locale) : '';
  if (name && geography.includes(name)) return geography;
  return [name, geography].filter(Boolean).join(', ');
}

function LocationCard({ location }: { location: StorageLocation }) {
  const { locale, t } = useLocale();
  const text = useText();
  const l = t.locations;
  const place = placeText(location.country, text(location.geography), locale);
  const backups = location.backups;
  // The place is a list; the policy's description of the backups is a sentence of its own.
  const backupPlace = backups
    ? [
        [text(backups.provider), placeText(backups.country, text(backups.geography), locale)]
          .filter(Boolean)
          .join(', '),
        text(backups.description).replace(/\.$/, ''),
      ]
        .filter(Boolean)
        .join('. ')
    : '';
  const title =
    text(location.name) ||
    [text(location.provider), text(location.service)].filter(Boolean).join(' ') ||
    location.id;
  return (
    <li className="card" data-testid={`location-${location.id}`}>
      <h3>{title}</h3>
      <dl className="facts">
        <Fact term={l.hostedBy}>{LABELS.hostedBy[location.hostedBy]}</Fact>
        <Fact term={l.provider}>
          {[text(location.provider), text(location.service)].filter(Boolean).join(', ')}
        </Fact>
        <Fact term={l.country}>{place}</Fact>
        <Fact term={l.region}>{location.regionCode}</Fact>
        <Fact term={l.holds}>{text(location.holds)}</Fact>
        <Fact term={l.residency}>
          {location.followsDataResidency &&
            [LABELS.tristate[location.followsDataResidency], text(location.residencyNote)]
              .filter(Boolean)
              .join('. ')}
        </Fact>
        <Fact term={l.backups}>{backupPlace}</Fact>
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
  const transfers = declaration.transfers ?? [];
  if (transfers.length === 0) return null;
  return (
    <Section id="transfers" title={t.sections.transfers}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.transfers.from}</th>
            <th scope="col">{t.transfers.to}</th>
            <th scope="col">{t.transfers.mechanism}</th>
            <th scope="col">{t.transfers.reason}</th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((transfer, index) => {
            const to = [
              ...(transfer.to ?? []).map((code) => countryName(code, locale)),
              text(transfer.toGeography),
            ].filter(Boolean);
            return (
              <tr key={index}>
                <th scope="row">{text(transfer.from) || t.transfers.anywhere}</th>
                <td>{to.length > 0 ? formatList(to, locale) : t.transfers.anywhere}</td>
                <td>{LABELS.transferMechanism[transfer.mechanism]}</td>
                <td>
                  {text(transfer.reason)}
                  <Notes notes={transfer.notes} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
