import type { Declaration, SectionId } from '@declaration';
import { buildDocument } from '@declaration/document/build.ts';
import { SectionView } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { renderWithLocale, translatorFor } from './render.tsx';

/**
 * Renders one section of the page for `declaration` as the page does: the document model's
 * section for the locale, through the page's block components. Throws when the declaration gives
 * the page no such section.
 */
export function renderSection(declaration: Declaration, id: SectionId, locale = 'en-US') {
  const section = buildDocument(declaration, translatorFor(locale)).sections.find(
    (candidate) => candidate.id === id,
  );
  if (!section) throw new Error(`The page has no "${id}" section for this declaration.`);
  return renderWithLocale(<SectionView section={section} declaration={declaration} />, locale);
}
