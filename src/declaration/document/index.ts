/**
 * The one document model of a disclosure: sections in order, each with typed blocks, built from a
 * declaration for one reader's language. The page, the HTML export and the Markdown export render
 * it; tests derive what to expect from it.
 */
export { buildDocument } from './build.ts';
export { hasText, listOf, say, sayPlural, textOf } from './compose.ts';
export { formatDate } from './format.ts';
export { retentionWords } from './retention.ts';
export type { DataFlowBlock, DataFlowEdge, DataFlowNode, ResidencyStanding } from './data-flow.ts';
export {
  SECTION_IDS,
  type BadgeRun,
  type Block,
  type Column,
  type Definition,
  type DefinitionsBlock,
  type DisclosureDocument,
  type Flow,
  type HeadingBlock,
  type Inline,
  type InlinePart,
  type LinkBlock,
  type LinkRun,
  type ListBlock,
  type NotesBlock,
  type ParagraphBlock,
  type Row,
  type Section,
  type SectionId,
  type TableBlock,
  type VendorRun,
} from './model.ts';
