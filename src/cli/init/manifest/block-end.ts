/**
 * Where text added at the end of a block list or mapping goes, so that every comment stays with
 * what it was written for. YAML attaches a comment to what follows it, and a reader does the
 * same: comment lines after the last entry, indented as the entries are and deeper than the key
 * that comes next, belong to the block (a commented-out entry, the comment of an entry someone
 * deleted), so additions go after them. Comment lines indented as the next key (or less) are that
 * key's, so additions go before them. Pure.
 */

/** One line of the source: where it starts and ends, and its text without the line break. */
interface SourceLine {
  start: number;
  /** The offset after its line break (the source's length on the last line). */
  next: number;
  text: string;
}

function lineAt(source: string, start: number): SourceLine {
  const lineEnd = source.indexOf('\n', start);
  const next = lineEnd === -1 ? source.length : lineEnd + 1;
  const text = source.slice(start, lineEnd === -1 ? source.length : lineEnd).replace(/\r$/, '');
  return { start, next, text };
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

function isComment(text: string): boolean {
  return text.trimStart().startsWith('#');
}

/** Where the block's trailing comments end, and the last of them. */
export interface BlockEnd {
  /** The offset at which to insert: the start of a line, or the source's length. */
  at: number;
  /** The text of the last comment line that belongs to the block, trimmed. */
  lastComment?: string;
}

/**
 * The end of a block whose entries start at `column`, given `lineStart`, the start of the line
 * after its last entry: past the comment lines that are the block's own (see the module comment).
 */
export function blockEnd(source: string, lineStart: number, column: number): BlockEnd {
  // The column of the first line with content after the block: the key that ends it (-1: none).
  let nextColumn = -1;
  for (let start = lineStart; start < source.length;) {
    const line = lineAt(source, start);
    if (line.text.trim() !== '' && !isComment(line.text)) {
      nextColumn = indentOf(line.text);
      break;
    }
    start = line.next;
  }
  const end: BlockEnd = { at: lineStart };
  for (let start = lineStart; start < source.length;) {
    const line = lineAt(source, start);
    start = line.next;
    if (line.text.trim() === '') continue;
    const indent = indentOf(line.text);
    if (!isComment(line.text) || indent < column || indent <= nextColumn) break;
    end.at = line.next;
    end.lastComment = line.text.trim();
  }
  return end;
}
