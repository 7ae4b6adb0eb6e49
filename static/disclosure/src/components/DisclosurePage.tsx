import type { MouseEvent } from 'react';
import type { Declaration, DisclosureView } from '@declaration';
import { localize } from '@declaration/present/index.ts';
import { formatDate, useLocale } from '../i18n/index.ts';
import { AtAGlance } from './AtAGlance.tsx';
import { Contacts } from './Contacts.tsx';
import { DataCollected } from './DataCollected.tsx';
import { Downloads } from './Downloads.tsx';
import { AdditionalSections, hasLinks, PlatformStatements, PolicyLinks } from './Links.tsx';
import { AboutPolicy, hasAboutPolicy } from './AboutPolicy.tsx';
import { Commitments, Cookies, NotCollected } from './Practices.tsx';
import { Recipients } from './Recipients.tsx';
import { Rights } from './Rights.tsx';
import { Security, VendorAccess } from './Security.tsx';
import { Versions } from './Versions.tsx';
import { useText } from './common.tsx';
import { isolate } from './isolate.tsx';
import { Transfers, WhereDataLives } from './WhereDataLives.tsx';
import type { Messages } from '../i18n/index.ts';

/** The sections in page order, each with whether this declaration has anything for it. */
function sectionIndex(
  declaration: Declaration,
  t: Messages,
  marketplaceUrl: string | null,
): { id: string; title: string }[] {
  const s = t.sections;
  const present = (items: unknown[] | undefined) => (items?.length ?? 0) > 0;
  return [
    { id: 'at-a-glance', title: s.atAGlance, show: true },
    { id: 'data-collected', title: s.dataCollected, show: true },
    { id: 'where-data-lives', title: s.whereDataLives, show: true },
    { id: 'transfers', title: s.transfers, show: present(declaration.transfers) },
    { id: 'recipients', title: s.recipients, show: true },
    { id: 'cookies', title: s.cookies, show: present(declaration.cookies) },
    { id: 'not-collected', title: s.notCollected, show: present(declaration.notCollected) },
    { id: 'commitments', title: s.commitments, show: present(declaration.commitments) },
    { id: 'rights', title: s.rights, show: true },
    { id: 'security', title: s.security, show: !!declaration.security },
    { id: 'vendor-access', title: s.vendorAccess, show: !!declaration.vendorAccess },
    { id: 'contacts', title: s.contacts, show: true },
    { id: 'additional', title: s.additional, show: present(declaration.sections) },
    { id: 'platforms', title: s.platforms, show: true },
    { id: 'about-policy', title: s.aboutPolicy, show: hasAboutPolicy(declaration) },
    { id: 'links', title: s.links, show: hasLinks(declaration, marketplaceUrl) },
    { id: 'versions', title: s.versions, show: true },
    { id: 'downloads', title: s.downloads, show: true },
  ].filter((section) => section.show);
}

/** Moves focus to a section's heading, so keyboard and screen-reader users land where they asked. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const heading = document.getElementById(`${id}-heading`);
  if (!heading) return;
  event.preventDefault();
  heading.scrollIntoView?.({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/** The whole disclosure: header, section index and every section of the declaration. */
export function DisclosurePage({ view }: { view: DisclosureView }) {
  const { locale, t } = useLocale();
  const text = useText();
  const declaration = view.declaration;
  const vendorName =
    localize(declaration.vendor.tradingName, locale) ||
    localize(declaration.vendor.legalName, locale);

  return (
    <>
      <header className="page-header" data-testid="page-header">
        <h1>{t.pageTitle(text(declaration.app.name))}</h1>
        <p className="subtitle">{t.declaredBy(isolate(vendorName) ?? t.unnamedVendor)}</p>
        <p className="subtitle" data-testid="version-line">
          {t.versionLine(
            declaration.policy.version === 'not-stated'
              ? null
              : isolate(declaration.policy.version),
            formatDate(declaration.policy.lastUpdated, locale),
          )}
        </p>
        {declaration.summary && <p className="summary">{text(declaration.summary)}</p>}
      </header>
      <nav aria-label={t.sectionIndex} className="section-index" data-testid="section-index">
        <ul>
          {sectionIndex(declaration, t, view.marketplacePrivacyUrl).map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} onClick={(event) => jumpTo(event, section.id)}>
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="page-main">
        <AtAGlance declaration={declaration} />
        <DataCollected declaration={declaration} />
        <WhereDataLives declaration={declaration} />
        <Transfers declaration={declaration} />
        <Recipients declaration={declaration} />
        <Cookies declaration={declaration} />
        <NotCollected declaration={declaration} />
        <Commitments declaration={declaration} />
        <Rights declaration={declaration} />
        <Security declaration={declaration} />
        <VendorAccess declaration={declaration} />
        <Contacts declaration={declaration} />
        <AdditionalSections declaration={declaration} />
        <PlatformStatements declaration={declaration} />
        <AboutPolicy declaration={declaration} />
        <PolicyLinks declaration={declaration} marketplaceUrl={view.marketplacePrivacyUrl} />
        <Versions view={view} />
        <Downloads declaration={declaration} />
      </main>
    </>
  );
}
