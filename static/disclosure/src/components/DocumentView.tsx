import { useMemo, type ReactNode } from 'react';
import type { Declaration, PublishedManifestFacts, Section as SectionModel } from '@declaration';
import { buildDocument } from '@declaration/document/build.ts';
import { useT } from '../i18n/index.ts';
import { Flow } from './blocks/Flow.tsx';
import { Inline } from './blocks/Inline.tsx';
import { Section } from './common.tsx';
import { DataCollected } from './DataCollected.tsx';

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
 * The document part of the page: the header, the section index and the sections, everything
 * drawn from `buildDocument` in the viewer's language. The live page (DisclosurePage) and the
 * build's pre-rendered first paint (prerender.tsx) both draw it, so they draw the same markup.
 * `afterHeader` goes between the header and the index (the review banner), `children` after the
 * sections inside `<main>` (versions, downloads); the index already links to those two, so the
 * pre-render's index is the live page's. `manifest` null: not checked against a manifest. What
 * its index, links and platform filter do is the page's document behaviour, on the markup
 * (document-behaviour.ts), so the build's markup does it too.
 */
export function DocumentView({
  declaration,
  manifest,
  afterHeader,
  children,
}: {
  declaration: Declaration;
  manifest: PublishedManifestFacts | null;
  afterHeader?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
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
      {afterHeader}
      <nav
        aria-label={t.t('document.contents')}
        className="section-index"
        data-testid="section-index"
      >
        <ul>
          {index.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="page-main">
        {document.sections.map((section) => (
          <SectionView key={section.id} section={section} declaration={declaration} />
        ))}
        {children}
      </main>
    </>
  );
}
