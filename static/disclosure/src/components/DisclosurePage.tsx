import { useMemo, type MouseEvent } from 'react';
import type { Declaration, DisclosureView, Section as SectionModel } from '@declaration';
import { buildDocument } from '@declaration/document/build.ts';
import { useT } from '../i18n/index.ts';
import { Flow, Inline } from './blocks/index.ts';
import { Section } from './common.tsx';
import { DataCollected } from './DataCollected.tsx';
import { Downloads } from './Downloads.tsx';
import { Versions } from './Versions.tsx';

/** Moves focus to a section's heading, so keyboard and screen-reader users land where they asked. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const heading = document.getElementById(`${id}-heading`);
  if (!heading) return;
  event.preventDefault();
  heading.scrollIntoView?.({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/** One section of the document model, with the page's platform filter where it has one. */
export function SectionView({
  section,
  declaration,
}: {
  section: SectionModel;
  declaration: Declaration;
}) {
  if (section.id === 'data-collected') {
    return <DataCollected section={section} declaration={declaration} />;
  }
  return (
    <Section id={section.id} title={section.title}>
      <Flow blocks={section.blocks} options={{ level: 3 }} />
    </Section>
  );
}

/**
 * The whole disclosure: the document model's header and sections, in the viewer's language, and
 * the page's own interactive parts after them (versions, what changed, review, downloads).
 */
export function DisclosurePage({ view }: { view: DisclosureView }) {
  const t = useT();
  const declaration = view.declaration;
  // A backend of an earlier release answers without facts: not checked against a manifest.
  const manifest = view.manifest ?? null;
  const document = useMemo(
    () => buildDocument(declaration, t, { manifest }),
    [declaration, manifest, t],
  );
  const index = [
    ...document.sections.map((section) => ({ id: section.id, title: section.title })),
    { id: 'versions', title: t.t('versions.title') },
    { id: 'downloads', title: t.t('downloads.title') },
  ];

  return (
    <>
      <header className="page-header" data-testid="page-header">
        <h1>
          <Inline run={document.title} />
        </h1>
        <p className="subtitle">
          <Inline run={document.byline} />
        </p>
        <p className="subtitle" data-testid="version-line">
          <Inline run={document.versionLine} />
        </p>
        {document.summary && (
          <p className="summary">
            <Inline run={document.summary} />
          </p>
        )}
      </header>
      <nav
        aria-label={t.t('document.contents')}
        className="section-index"
        data-testid="section-index"
      >
        <ul>
          {index.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} onClick={(event) => jumpTo(event, section.id)}>
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="page-main">
        {document.sections.map((section) => (
          <SectionView key={section.id} section={section} declaration={declaration} />
        ))}
        <Versions view={view} />
        <Downloads declaration={declaration} manifest={manifest} />
      </main>
    </>
  );
}
