import type { Declaration } from '@declaration';
import { useLocale } from '../i18n/index.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { Notes, Section, TextList, useText } from './common.tsx';

/** Security measures, certifications, incident notification and the vendor's stated limits. */
export function Security({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  const text = useText();
  const security = declaration.security;
  if (!security) return null;
  const s = t.security;
  return (
    <Section id="security" title={t.sections.security}>
      {security.measures && security.measures.length > 0 && (
        <>
          <h3>{s.measures}</h3>
          <TextList items={security.measures} />
        </>
      )}
      {security.certifications && security.certifications.length > 0 && (
        <>
          <h3>{s.certifications}</h3>
          <ul>
            {security.certifications.map((certification, index) => (
              <li key={index}>
                {certification.url ? (
                  <ExternalLink href={certification.url}>{text(certification.name)}</ExternalLink>
                ) : (
                  text(certification.name)
                )}
                <Notes notes={certification.notes} />
              </li>
            ))}
          </ul>
        </>
      )}
      {security.incidentNotification && (
        <>
          <h3>{s.incidents}</h3>
          <p>{text(security.incidentNotification)}</p>
        </>
      )}
      {security.disclaimers && security.disclaimers.length > 0 && (
        <>
          <h3>{s.disclaimers}</h3>
          <TextList items={security.disclaimers} />
        </>
      )}
      <Notes notes={security.notes} />
    </Section>
  );
}

/** Who at the vendor can see customer data, and when. */
export function VendorAccess({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  const text = useText();
  const access = declaration.vendorAccess;
  if (!access) return null;
  return (
    <Section id="vendor-access" title={t.sections.vendorAccess}>
      <p>{text(access.who)}</p>
      {access.when && access.when.length > 0 && (
        <>
          <h3>{t.security.when}</h3>
          <TextList items={access.when} />
        </>
      )}
      {access.contractors && (
        <>
          <h3>{t.security.contractors}</h3>
          <p>{text(access.contractors)}</p>
        </>
      )}
      <Notes notes={access.notes} />
    </Section>
  );
}
