/** One React component per block kind of the document model, and the flows that hold them. */
export { CellFlow, Flow, type FlowOptions } from './Flow.tsx';
export { DataFlow } from './DataFlow.tsx';
export { Definitions } from './Definitions.tsx';
export { Heading } from './Heading.tsx';
export { Inline } from './Inline.tsx';
export { LinkBlock } from './LinkBlock.tsx';
export { List } from './List.tsx';
export { Notes } from './Notes.tsx';
export { Paragraph } from './Paragraph.tsx';
export { Table } from './Table.tsx';
