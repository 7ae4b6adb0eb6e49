import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { DisclosureView } from '@declaration';
import type { UserProduct } from '../api/index.ts';
import { focusHeading, useDocumentBehaviour } from '../document-behaviour.ts';
import { Downloads } from './Downloads.tsx';
import { ReviewBanner } from './ReviewBanner.tsx';
import { useReviewState } from './review-state.ts';
import { Versions, WHAT_CHANGED_HEADING } from './Versions.tsx';

/** On the elements the page's own parts are mounted into, inside the build's first paint. */
export const ISLAND_ATTRIBUTE = 'data-island';

/** Where the page's own parts go in the first paint's markup. */
export interface IslandSlots {
  /** Between the header and the index: the review banner (the React root). */
  afterHeader: HTMLElement;
  /** At the end of `<main>`, after the sections: versions and downloads. */
  end: HTMLElement;
}

/**
 * Makes the slots in `root`, which holds the build's first paint (a header, the index, `<main>`
 * with the sections). Each is a `display: contents` element, so the parts in it are laid out as
 * DisclosurePage lays them out. Null when `root` does not hold that markup.
 */
export function islandSlots(root: HTMLElement): IslandSlots | null {
  const header = root.querySelector(':scope > header');
  const main = root.querySelector(':scope > main');
  if (!header || !main) return null;
  const slot = (name: string) => {
    const element = document.createElement('div');
    element.setAttribute(ISLAND_ATTRIBUTE, name);
    return element;
  };
  const afterHeader = slot('after-header');
  const end = slot('end');
  header.after(afterHeader);
  main.append(end);
  return { afterHeader, end };
}

/** The page's own parts, drawn around or into the document part. */
export interface PageParts {
  /** The review banner, between the header and the index. */
  afterHeader: ReactNode;
  /** Versions and downloads, after the sections in `<main>`. */
  end: ReactNode;
}

/**
 * The page's own parts for `view`, sharing one review state, with the document part's behaviour
 * listening while they are mounted: what DisclosurePage draws around its document part and
 * PageIslands into the build's. `product` is whose user API names the reviewers (null: none is
 * asked, account ids are shown).
 */
export function usePageParts(view: DisclosureView, product: UserProduct | null): PageParts {
  const review = useReviewState(view);
  useDocumentBehaviour();
  // A backend of an earlier release answers without facts: not checked against a manifest.
  const manifest = view.manifest ?? null;
  return {
    afterHeader: (
      <ReviewBanner
        view={view}
        review={review}
        onSeeChanges={() => focusHeading(WHAT_CHANGED_HEADING)}
      />
    ),
    end: (
      <>
        <Versions view={view} review={review} product={product} />
        <Downloads declaration={view.declaration} manifest={manifest} />
      </>
    ),
  };
}

/**
 * The page over the build's first paint of the served version, in the reader's language: the
 * document part is that markup, kept as it is (the same DisclosurePage would draw, and what it
 * does is the page's document behaviour, on the markup), so only the page's own parts are drawn:
 * the review banner here (in the slot after the header) and, in `end`, versions and downloads.
 * The document model and its components are then not loaded at all.
 */
export function PageIslands({
  view,
  product = null,
  end,
}: {
  view: DisclosureView;
  product?: UserProduct | null;
  end: HTMLElement;
}) {
  const parts = usePageParts(view, product);
  return (
    <>
      {parts.afterHeader}
      {createPortal(parts.end, end)}
    </>
  );
}
