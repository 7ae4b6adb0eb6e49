import { useMemo, type MouseEvent } from 'react';
import type { Declaration, DisclosureView, Section as SectionModel } from '@declaration';
import { buildDocument } from '@declaration/document/build.ts';
import type { UserProduct } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { Flow, Inline } from './blocks/index.ts';
import { Section } from './common.tsx';
import { DataCollected } from './DataCollected.tsx';
import { Downloads } from './Downloads.tsx';
import { ReviewBanner } from './ReviewBanner.tsx';
import { useReviewState } from './review-state.ts';
import { Versions, WHAT_CHANGED_HEADING } from './Versions.tsx';

/** Moves focus to the element with `id` (a heading with tabIndex -1), scrolling it into view. */
function focusHeading(id: string): boolean {
  const heading = document.getElementById(id);
  if (!heading) return false;
  heading.scrollIntoView?.({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}

/** Moves focus to a section's heading, so keyboard and screen-reader users land where they asked. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  if (focusHeading(`${id}-heading`)) event.preventDefault();
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
 * the page's own interactive parts after them (versions, what changed, review, downloads). On an
 * admin page a version nobody reviewed yet is announced under the header. `product` is whose
 * user API names the reviewers (null: none is asked, account ids are shown).
 */
export function DisclosurePage({
  view,
  product = null,
}: {
  view: DisclosureView;
  product?: UserProduct | null;
}) {
  const t = useT();
  const review = useReviewState(view);
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
      <ReviewBanner
        view={view}
        review={review}
        onSeeChanges={() => focusHeading(WHAT_CHANGED_HEADING)}
      />
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
        <Versions view={view} review={review} product={product} />
        <Downloads declaration={declaration} manifest={manifest} />
      </main>
    </>
  );
}
