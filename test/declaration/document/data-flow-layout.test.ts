import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Declaration } from '@declaration';
import { dataFlowBlock } from '@declaration/document/data-flow.ts';
import {
  layoutDataFlow,
  NARROW_WIDTH,
  textWidth,
  WIDE_FROM,
  WIDE_WIDTH,
  wrap,
  type DataFlowLayout,
  type LaidBox,
} from '@declaration/document/data-flow-layout.ts';
import { example, repoRoot } from '../../static/examples.ts';
import { loadDeclaration } from '../export/load.ts';
import { translator } from './section-reading.ts';

const DECLARATIONS: [string, Declaration][] = [
  ...readdirSync(join(repoRoot, 'examples'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => [file, example(file.replace(/\.yaml$/, ''))] as [string, Declaration]),
  ['exalate-complete', loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml')],
];

const lineText = (pieces: { text: string }[]) => pieces.map((piece) => piece.text).join('');

function overlap(a: LaidBox, b: LaidBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** What a reader of the picture could not read: boxes on boxes, text past its box or the picture. */
function problems(layout: DataFlowLayout): string[] {
  const found: string[] = [];
  layout.boxes.forEach((box, index) => {
    if (box.x < 0 || box.x + box.width > layout.width || box.y + box.height > layout.height) {
      found.push(`${box.id} leaves the picture`);
    }
    for (const other of layout.boxes.slice(index + 1)) {
      if (overlap(box, other)) found.push(`${box.id} overlaps ${other.id}`);
    }
    for (const line of box.lines) {
      const width = textWidth(lineText(line.pieces), line.size, line.tone !== 'detail');
      if (line.x + width > box.x + box.width - 8)
        found.push(`${box.id}: "${lineText(line.pieces)}" is too long`);
      if (line.y > box.y + box.height) found.push(`${box.id}: a line below its box`);
    }
  });
  return found;
}

describe.each(DECLARATIONS)('the layout of %s', (_, declaration) => {
  const block = dataFlowBlock(declaration, translator('en-US'));
  const narrow = layoutDataFlow(block, { columns: 1 });
  const wide = layoutDataFlow(block, { columns: 3 });

  it('is the same every time', () => {
    expect(layoutDataFlow(block, { columns: 1 })).toEqual(narrow);
    expect(layoutDataFlow(block, { columns: 3 })).toEqual(wide);
  });

  it('narrow: one column, site then hosting then recipients, each arrow down into its target', () => {
    expect(narrow.width).toBe(NARROW_WIDTH);
    expect(problems(narrow)).toEqual([]);
    expect(new Set(narrow.boxes.map((box) => box.x)).size).toBe(1);
    const ys = narrow.boxes.map((box) => box.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    const at = new Map(narrow.boxes.map((box) => [box.id, box]));
    for (const edge of narrow.edges) {
      const [, startY] = /^M[\d.]+ ([\d.]+)/.exec(edge.path)!.map(Number);
      const [, endY] = /V([\d.]+)H[\d.]+$/.exec(edge.path)!.map(Number);
      expect(endY).toBeGreaterThan(startY!);
      const target = at.get(edge.to)!;
      expect(endY).toBeGreaterThan(target.y);
      expect(endY).toBeLessThan(target.y + target.height);
    }
  });

  it('wide: the site, the hosting and the recipients in columns left to right', () => {
    expect(wide.width).toBeLessThanOrEqual(WIDE_WIDTH);
    expect(problems(wide)).toEqual([]);
    const xOf = (kind: string) => [
      ...new Set(wide.boxes.filter((b) => b.kind === kind).map((b) => b.x)),
    ];
    expect(xOf('site')).toEqual([0]);
    if (declaration.locations.length > 0) expect(xOf('location')[0]).toBeGreaterThan(0);
    if (declaration.recipients.length > 0) {
      expect(xOf('recipient')[0]).toBeGreaterThan(Math.max(0, ...xOf('location')));
    }
    // Each arrow ends at its target's left edge, at a head pointing right.
    const at = new Map(wide.boxes.map((box) => [box.id, box]));
    for (const edge of wide.edges) {
      expect(edge.head).toMatch(new RegExp(`^M${at.get(edge.to)!.x} `));
    }
  });

  it('text stays at least 12 px where each layout is shown', () => {
    const smallest = (layout: DataFlowLayout) =>
      Math.min(...layout.boxes.flatMap((box) => box.lines.map((line) => line.size)));
    // The narrow picture at 272 px (a 320 px screen less the page's padding and a body margin),
    // the wide one from WIDE_FROM.
    expect((Math.min(272, NARROW_WIDTH) * smallest(narrow)) / NARROW_WIDTH).toBeGreaterThanOrEqual(
      13,
    );
    expect((smallest(wide) * WIDE_FROM) / WIDE_WIDTH).toBeGreaterThanOrEqual(12);
  });
});

describe('wrapping by estimated width', () => {
  const words = (text: string) => [{ kind: 'vendor' as const, text }];

  it('counts a wide (CJK) character as two letters', () => {
    expect(textWidth('データ', 10)).toBe(30);
    expect(textWidth('abc', 10)).toBeCloseTo(18);
    expect(textWidth('é', 10)).toBe(textWidth('e\u0301', 10));
  });

  it('breaks at spaces, between CJK characters, and inside a word longer than a line', () => {
    const lines = wrap(words('Google Cloud Platform in Belgium'), 100, 10, 9).map(lineText);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Google Cloud Platform in Belgium');
    expect(lines.every((line) => textWidth(line, 10) <= 100)).toBe(true);
    const japanese = wrap(words('アトラシアンのサイトに保存されたデータ'), 60, 10, 9).map(lineText);
    expect(japanese.join('')).toBe('アトラシアンのサイトに保存されたデータ');
    expect(japanese.every((line) => textWidth(line, 10) <= 60)).toBe(true);
    const long = wrap(words('x'.repeat(500)), 100, 10, 99).map(lineText);
    expect(long.join('')).toBe('x'.repeat(500));
    expect(long.every((line) => textWidth(line, 10) <= 100)).toBe(true);
  });

  it('keeps the app’s words and each vendor text apart, and cuts what is too long with "…"', () => {
    const [line] = wrap(
      ['Stores: ', { kind: 'vendor', text: 'Account Data', lang: 'en' }],
      500,
      10,
      2,
    );
    expect(line).toEqual([
      { text: 'Stores: ', vendor: false },
      { text: 'Account Data', vendor: true, lang: 'en' },
    ]);
    const cut = wrap(words('word '.repeat(200)), 100, 10, 2);
    expect(cut).toHaveLength(2);
    expect(lineText(cut[1]!).endsWith('…')).toBe(true);
    expect(textWidth(lineText(cut[1]!), 10)).toBeLessThanOrEqual(100);
  });
});
