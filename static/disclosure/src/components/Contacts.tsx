import type { Declaration } from '@declaration';
import { countryName, LABELS } from '@declaration/present/index.ts';
import { useLocale } from '../i18n/index.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { Fact, Notes, Section, usePlainText, useText } from './common.tsx';
import { joined } from './isolate.tsx';

/** The vendor, its privacy contact and officer, and its support channels. */
export function Contacts({ declaration }: { declaration: Declaration }) {
  const { locale, t } = useLocale();
  const text = useText();
  const plain = usePlainText();
  const vendor = declaration.vendor;
  const officer = vendor.privacyOfficer;
  const c = t.contacts;
  return (
    <Section id="contacts" title={t.sections.contacts}>
      <dl className="facts">
        <Fact term={c.legalName}>
          {text(vendor.legalName) ?? (vendor.tradingName ? null : t.unnamedVendor)}
        </Fact>
        <Fact term={c.tradingName}>{text(vendor.tradingName)}</Fact>
        <Fact term={c.country}>{vendor.country && countryName(vendor.country, locale)}</Fact>
        <Fact term={c.address}>{text(vendor.registeredAddress)}</Fact>
        <Fact term={c.website}>{vendor.website && <ExternalLink href={vendor.website} />}</Fact>
        <Fact term={c.privacyContact}>
          {vendor.privacyContact && (
            <ExternalLink href={vendor.privacyContact} testId="privacy-contact" />
          )}
        </Fact>
        <Fact term={c.officer}>
          {officer && (
            <>
              {joined([plain(officer.role), plain(officer.name)], ': ')}
              {officer.email && (
                <>
                  {' '}
                  <ExternalLink href={`mailto:${officer.email}`} />
                </>
              )}
              {officer.url && (
                <>
                  {' '}
                  <ExternalLink href={officer.url} />
                </>
              )}
              {officer.description && <p className="cell-note">{text(officer.description)}</p>}
            </>
          )}
        </Fact>
      </dl>
      {vendor.supportChannels && vendor.supportChannels.length > 0 && (
        <>
          <h3>{c.support}</h3>
          <ul>
            {vendor.supportChannels.map((channel, index) => (
              <li key={index}>
                {LABELS.supportChannel[channel.kind]}:{' '}
                {channel.link ? (
                  <ExternalLink href={channel.link}>{text(channel.label)}</ExternalLink>
                ) : (
                  text(channel.label)
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Notes notes={vendor.notes} />
    </Section>
  );
}
