import type { DisclosureView } from '@declaration';
import type { UserProduct } from '../api/index.ts';
import { DocumentView } from './DocumentView.tsx';
import { usePageParts } from './PageIslands.tsx';

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
  const parts = usePageParts(view, product);
  return (
    <DocumentView
      declaration={view.declaration}
      manifest={view.manifest ?? null}
      afterHeader={parts.afterHeader}
    >
      {parts.end}
    </DocumentView>
  );
}
