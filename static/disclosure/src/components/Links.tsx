import { useState } from 'react';
import type { Declaration } from '@declaration';
import { LABELS } from '@declaration/present/index.ts';
import { openExternal } from '../api/index.ts';
import { useLocale } from '../i18n/index.ts';
import { safeExternalUrl } from '../links.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { isolate } from './isolate.tsx';
import { Notes, Section, useText } from './common.tsx';

/** Free-form sections for anything else the policy says, as plain paragraphs. */
export function AdditionalSections({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  const text = useText();
  const sections = declaration.sections ?? [];
  if (sections.length === 0) return null;
  return (
    <Section id="additional" title={t.sections.additional}>
      {sections.map((section, index) => (
        <div key={index}>
          <h3>{text(section.title)}</h3>
          {section.paragraphs.map((paragraph, paragraphIndex) => (
            <p key={paragraphIndex}>{text(paragraph)}</p>
          ))}
        </div>
      ))}
    </Section>
  );
}

/** What is true on each hosting platform, in the vendor's words. */
export function PlatformStatements({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  const text = useText();
  return (
    <Section id="platforms" title={t.sections.platforms}>
      <dl className="facts">
        {declaration.app.platforms.map((statement) => (
          <div className="fact" key={statement.platform}>
            <dt>{LABELS.platform[statement.platform]}</dt>
            <dd>{text(statement.statement)}</dd>
          </div>
        ))}
      </dl>
      <Notes notes={declaration.app.notes} />
    </Section>
  );
}

/** The Marketplace "Privacy & security" tab, opened through the host like every external link. */
function MarketplaceButton({ url }: { url: string }) {
  const { t } = useLocale();
  const [failed, setFailed] = useState(false);
  return (
    <p>
      <button
        type="button"
        className="button button-primary"
        data-testid="marketplace-button"
        onClick={() => void openExternal(url).then((result) => setFailed(!result.ok))}
      >
        {t.links.marketplace}
      </button>
      {failed && (
        <span role="status" className="inline-error">
          {' '}
          {t.links.openFailed(isolate(url))}
        </span>
      )}
    </p>
  );
}

/** Whether the Links section has anything to show: a policy document or the Marketplace tab. */
export function hasLinks(declaration: Declaration, marketplaceUrl: string | null): boolean {
  const policy = declaration.policy;
  return (
    !!(policy.fullPolicyUrl || policy.dpaUrl || policy.trustCenterUrl || policy.securityUrl) ||
    !!safeExternalUrl(marketplaceUrl)
  );
}

/** The full policy, DPA, trust center and security page, and the Marketplace listing. */
export function PolicyLinks({
  declaration,
  marketplaceUrl,
}: {
  declaration: Declaration;
  marketplaceUrl: string | null;
}) {
  const { t } = useLocale();
  const policy = declaration.policy;
  const links = [
    { label: t.links.fullPolicy, href: policy.fullPolicyUrl, id: 'link-full-policy' },
    { label: t.links.dpa, href: policy.dpaUrl, id: 'link-dpa' },
    { label: t.links.trustCenter, href: policy.trustCenterUrl, id: 'link-trust-center' },
    { label: t.links.security, href: policy.securityUrl, id: 'link-security' },
  ].filter((link) => link.href);
  const marketplace = safeExternalUrl(marketplaceUrl);
  // A heading over nothing reads as a broken page; the section index leaves it out too.
  if (!hasLinks(declaration, marketplaceUrl)) return null;
  return (
    <Section id="links" title={t.sections.links}>
      {links.length > 0 && (
        <ul>
          {links.map((link) => (
            <li key={link.id}>
              <ExternalLink href={link.href} testId={link.id}>
                {link.label}
              </ExternalLink>
            </li>
          ))}
        </ul>
      )}
      {marketplace && <MarketplaceButton url={marketplace} />}
    </Section>
  );
}
