/**
 * A unified diff of two texts, as `diff -u` and git print it, for `init --dry-run`. Files are a
 * few hundred lines, so a longest-common-subsequence table is fast enough. Pure.
 */

type Line = { kind: ' ' | '-' | '+'; text: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function lineDiff(before: string[], after: string[]): Line[] {
  const rows = before.length + 1;
  const columns = after.length + 1;
  // lengths[i * columns + j]: the longest common subsequence of before[i..] and after[j..].
  const lengths = new Uint32Array(rows * columns);
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      lengths[i * columns + j] =
        before[i] === after[j]
          ? lengths[(i + 1) * columns + j + 1]! + 1
          : Math.max(lengths[(i + 1) * columns + j]!, lengths[i * columns + j + 1]!);
    }
  }
  const lines: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      lines.push({ kind: ' ', text: before[i]! });
      i += 1;
      j += 1;
    } else if (
      j < after.length &&
      (i === before.length || lengths[i * columns + j + 1]! > lengths[(i + 1) * columns + j]!)
    ) {
      lines.push({ kind: '+', text: after[j]! });
      j += 1;
    } else {
      lines.push({ kind: '-', text: before[i]! });
      i += 1;
    }
  }
  return lines;
}

/**
 * The unified diff from `before` to `after` with three lines of context, headed `--- a/path` and
 * `+++ b/path` (`/dev/null` for a new file); empty when the texts are equal.
 */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  const lines = lineDiff(splitLines(before ?? ''), splitLines(after));
  const context = 3;
  const changed = lines.flatMap((line, index) => (line.kind === ' ' ? [] : [index]));
  // Changes closer than two contexts apart share a hunk, as in diff -u.
  const groups: [number, number][] = [];
  for (const index of changed) {
    const last = groups.at(-1);
    if (last && index - last[1] - 1 <= 2 * context) last[1] = index;
    else groups.push([index, index]);
  }
  const range = (first: number, count: number) =>
    count === 0 ? `${first},0` : count === 1 ? `${first + 1}` : `${first + 1},${count}`;
  const hunks = groups.map(([first, last]) => {
    const start = Math.max(0, first - context);
    const slice = lines.slice(start, Math.min(lines.length, last + 1 + context));
    const before = lines.slice(0, start);
    const oldStart = before.filter((line) => line.kind !== '+').length;
    const newStart = before.filter((line) => line.kind !== '-').length;
    const oldCount = slice.filter((line) => line.kind !== '+').length;
    const newCount = slice.filter((line) => line.kind !== '-').length;
    return (
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n` +
      slice.map((line) => `${line.kind}${line.text}\n`).join('')
    );
  });
  const oldName = before === undefined ? '/dev/null' : `a/${path}`;
  return `--- ${oldName}\n+++ b/${path}\n${hunks.join('')}`;
}
