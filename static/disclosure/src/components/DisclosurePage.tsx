import type { DisclosureView } from '@declaration';
import type { UserProduct } from '../api/index.ts';
import { focusHeading, useDocumentBehaviour } from '../document-behaviour.ts';
import { DocumentView } from './DocumentView.tsx';
import { Downloads } from './Downloads.tsx';
import { ReviewBanner } from './ReviewBanner.tsx';
import { useReviewState } from './review-state.ts';
import { Versions, WHAT_CHANGED_HEADING } from './Versions.tsx';

export { SectionView } from './DocumentView.tsx';

/**
 * The whole disclosure: the document part (DocumentView: header, index and sections, in the
 * viewer's language) and the page's own interactive parts around it (versions, what changed,
 * review, downloads). On an admin page a version nobody reviewed yet is announced under the
 * header. `product` is whose user API names the reviewers (null: none is asked, account ids are
 * shown).
 */
export function DisclosurePage({
  view,
  product = null,
}: {
  view: DisclosureView;
  product?: UserProduct | null;
}) {
  const review = useReviewState(view);
  useDocumentBehaviour();
  const declaration = view.declaration;
  // A backend of an earlier release answers without facts: not checked against a manifest.
  const manifest = view.manifest ?? null;

  return (
    <DocumentView
      declaration={declaration}
      manifest={manifest}
      afterHeader={
        <ReviewBanner
          view={view}
          review={review}
          onSeeChanges={() => focusHeading(WHAT_CHANGED_HEADING)}
        />
      }
    >
      <Versions view={view} review={review} product={product} />
      <Downloads declaration={declaration} manifest={manifest} />
    </DocumentView>
  );
}
