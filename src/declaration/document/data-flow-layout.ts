import type { DataFlowBlock, DataFlowNode } from './data-flow.ts';
import type { Inline } from './model.ts';

/**
 * Lays out the picture of where data goes, without a library: boxes in columns, arrows routed
 * at right angles through the gaps between them, text wrapped into lines by an estimate of its
 * width. Pure and deterministic, so the page and the HTML export draw the same picture, and one
 * function gives both the narrow layout (one column, arrows down a rail on the left) and the
 * wide one (the site | the app's hosting | recipients).
 */

/** A piece of a line: the app's words, or vendor text to isolate (in its language, if it fell back). */
export interface TextPiece {
  text: string;
  vendor: boolean;
  lang?: string;
}

/** What a line of text is in its box: a name, a detail, or the residency mark. */
export type LineTone = 'name' | 'detail' | 'mark';

/** One line of text at its baseline. */
export interface LaidLine {
  x: number;
  y: number;
  size: number;
  tone: LineTone;
  pieces: TextPiece[];
}

/** A node's box with its lines. */
export interface LaidBox {
  id: string;
  kind: DataFlowNode['kind'];
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn dashed: outside (or partly outside) the site's data residency. */
  outside: boolean;
  lines: LaidLine[];
}

/** An arrow: its line and its head, as SVG path data. */
export interface LaidEdge {
  from: string;
  to: string;
  path: string;
  head: string;
  outside: boolean;
}

/** The whole picture, in user units (CSS pixels at scale 1). */
export interface DataFlowLayout {
  columns: 1 | 3;
  width: number;
  height: number;
  boxes: LaidBox[];
  edges: LaidEdge[];
  /** The legend's sample of a dashed line, and its words; absent when nothing is outside. */
  legend: { path: string; lines: LaidLine[] } | null;
}

/** Options of `layoutDataFlow`. */
export interface LayoutOptions {
  /** 1: one column, stacked (for a phone); 3: the site, the hosting and the recipients side by side. */
  columns: 1 | 3;
}

/**
 * The width of the narrow layout: a 320 px screen leaves a page 272 to 288 px (its padding, and a
 * body margin where no reset removes it), so its 13 px text is never drawn smaller.
 */
export const NARROW_WIDTH = 272;
/** The width of the wide layout. */
export const WIDE_WIDTH = 880;
/** Below this container width (px) the page shows the narrow layout: the wide one's 13 px text would shrink under 12 px (styles.css and html-style.ts say the same). */
export const WIDE_FROM = 820;

const NAME_SIZE = 14;
const DETAIL_SIZE = 13;
const PAD = 10;
const LINE = 1.3;
const BOX_GAP = 14;
const GROUP_GAP = 24;
const SITE_COLUMN = 180;
const GAP = 72;
const HEAD = 8;
/** How far down a box arrows come in (near its name). */
const ENTRY = 20;

/** Lines each part of a box may take before it is cut short with "…". */
const MAX_LINES: Record<LineTone, number> = { name: 4, detail: 4, mark: 2 };

/** East Asian wide and full-width characters, which take about twice the width of a letter. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
/** Characters that take no width: combining marks, joiners, direction controls. */
const ZERO = /[\p{M}\p{Cf}]/u;

/** Letters narrower than most: about 0.3 em in common sans-serif faces. */
const THIN = /[\s.,:;'’|!()[\]{}ijlftrI-]/u;
/** Letters wider than most. */
const BROAD = /[A-HJ-Zmw0-9@%&]/u;

/**
 * The estimated width of a text in px, on the wide side of common sans-serif faces (DejaVu Sans,
 * which is wider than most): a thin letter 0.3 em, a capital, digit, m or w 0.7 to 0.85, other
 * letters 0.6, a wide (CJK) character 1 em; bold 15 % wider.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    if (ZERO.test(char)) continue;
    if (WIDE.test(char)) units += 1;
    else if (THIN.test(char)) units += 0.3;
    else if (char === 'm' || char === 'w' || char === 'M' || char === 'W') units += 0.85;
    else if (BROAD.test(char)) units += 0.7;
    else units += 0.6;
  }
  return units * size * (bold ? 1.15 : 1);
}

interface Atom {
  text: string;
  space: boolean;
  /** Which run of the inline it came from, so each vendor run stays one isolated piece. */
  run: number;
  vendor: boolean;
  lang?: string;
}

function runsOf(inline: Inline): TextPiece[] {
  return inline.flatMap((part): TextPiece[] => {
    if (typeof part === 'string') return [{ text: part, vendor: false }];
    switch (part.kind) {
      case 'vendor':
        return [
          part.lang
            ? { text: part.text, vendor: true, lang: part.lang }
            : { text: part.text, vendor: true },
        ];
      case 'badge':
        return [{ text: part.text, vendor: false }];
      case 'link':
        return runsOf(part.text);
    }
  });
}

/** Words, spaces and single wide characters (a line may break between any two of those). */
const ATOM = new RegExp(`\\s+|${WIDE.source}|[^\\s${WIDE.source.slice(1, -1)}]+`, 'gu');

function atomsOf(inline: Inline): Atom[] {
  return runsOf(inline).flatMap((piece, run) =>
    Array.from(piece.text.match(ATOM) ?? [], (text) => ({
      text,
      space: /^\s+$/u.test(text),
      run,
      vendor: piece.vendor,
      ...(piece.lang ? { lang: piece.lang } : {}),
    })),
  );
}

/** A word wider than a line, in pieces that fit. */
function split(atom: Atom, max: number, size: number, bold: boolean): Atom[] {
  const out: Atom[] = [];
  let text = '';
  for (const char of atom.text) {
    if (text && textWidth(text + char, size, bold) > max) {
      out.push({ ...atom, text });
      text = '';
    }
    text += char;
  }
  return text ? [...out, { ...atom, text }] : out;
}

function piecesOf(atoms: Atom[]): TextPiece[] {
  const pieces: (TextPiece & { run: number })[] = [];
  for (const atom of atoms) {
    const last = pieces[pieces.length - 1];
    if (last && last.run === atom.run) last.text += atom.space ? ' ' : atom.text;
    else {
      pieces.push({
        text: atom.space ? ' ' : atom.text,
        vendor: atom.vendor,
        run: atom.run,
        ...(atom.lang ? { lang: atom.lang } : {}),
      });
    }
  }
  return pieces.map(({ run: _run, ...piece }) => piece);
}

const ELLIPSIS = '…';

/**
 * A run wrapped into lines no wider than `max` (estimated), at spaces or between wide
 * characters, a word longer than a line broken where it must; at most `maxLines`, the last then
 * ending in "…".
 */
export function wrap(
  inline: Inline,
  max: number,
  size: number,
  maxLines: number,
  bold = false,
): TextPiece[][] {
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let width = 0;
  let pending: Atom | null = null;
  const space = textWidth(' ', size, bold);
  const push = () => {
    if (line.length > 0) lines.push(line);
    line = [];
    width = 0;
    pending = null;
  };
  for (const atom of atomsOf(inline)) {
    if (atom.space) {
      if (line.length > 0) pending = atom;
      continue;
    }
    for (const part of textWidth(atom.text, size, bold) > max
      ? split(atom, max, size, bold)
      : [atom]) {
      const w = textWidth(part.text, size, bold);
      const gap = pending ? space : 0;
      if (line.length > 0 && width + gap + w > max) push();
      if (pending && line.length > 0) {
        line.push(pending);
        width += space;
      }
      pending = null;
      line.push(part);
      width += w;
    }
  }
  push();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    const lineWidth = () =>
      last.reduce((sum, a) => sum + (a.space ? space : textWidth(a.text, size, bold)), 0);
    const room = max - textWidth(ELLIPSIS, size, bold);
    while (last.length > 1 && lineWidth() > room) last.pop();
    const end = last[last.length - 1]!;
    while (end.text.length > 1 && lineWidth() > room)
      end.text = Array.from(end.text).slice(0, -1).join('');
    last.push({ ...end, text: ELLIPSIS, space: false });
    return kept.map(piecesOf);
  }
  return lines.map(piecesOf);
}

interface Part {
  inline: Inline;
  tone: LineTone;
}

function partsOf(node: DataFlowNode): Part[] {
  return [
    { inline: node.name, tone: 'name' as const },
    { inline: node.where, tone: 'detail' as const },
    { inline: node.what, tone: 'detail' as const },
    { inline: node.backups, tone: 'detail' as const },
    { inline: node.mark, tone: 'mark' as const },
  ].filter((part) => part.inline.length > 0);
}

function isOutside(node: DataFlowNode): boolean {
  return node.residency === 'outside' || node.residency === 'partly-outside';
}

/** A box at (x, y), `width` wide, as tall as its wrapped lines. */
function box(node: DataFlowNode, x: number, y: number, width: number): LaidBox {
  const lines: LaidLine[] = [];
  let cursor = y + PAD;
  for (const part of partsOf(node)) {
    const size = part.tone === 'name' ? NAME_SIZE : DETAIL_SIZE;
    const bold = part.tone !== 'detail';
    for (const pieces of wrap(part.inline, width - 2 * PAD, size, MAX_LINES[part.tone], bold)) {
      lines.push({ x: x + PAD, y: round(cursor + size), size, tone: part.tone, pieces });
      cursor += size * LINE;
    }
    cursor += 2;
  }
  return {
    id: node.id,
    kind: node.kind,
    x,
    y,
    width,
    height: round(cursor - y + PAD - 2),
    outside: isOutside(node),
    lines,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A stack of boxes from `top`, one under another; returns the boxes and where the stack ends. */
function stack(nodes: DataFlowNode[], x: number, top: number, width: number): [LaidBox[], number] {
  const boxes: LaidBox[] = [];
  let y = top;
  for (const node of nodes) {
    const laid = box(node, x, y, width);
    boxes.push(laid);
    y = laid.y + laid.height + BOX_GAP;
  }
  return [boxes, boxes.length > 0 ? y - BOX_GAP : top];
}

/** An arrowhead pointing right, its tip at (x, y). */
function head(x: number, y: number): string {
  return `M${round(x)} ${round(y)}l${-HEAD} ${-HEAD * 0.55}v${HEAD * 1.1}z`;
}

/** Where a stack's boxes are, each by id. */
function byId(boxes: LaidBox[]): Map<string, LaidBox> {
  return new Map(boxes.map((laid) => [laid.id, laid]));
}

/** Positions `count` channels evenly between `from` and `to`, at most 10 apart. */
function channels(count: number, from: number, to: number): number[] {
  const step = count > 1 ? Math.min(10, (to - from) / (count - 1)) : 0;
  const start = count > 1 ? (from + to) / 2 - (step * (count - 1)) / 2 : (from + to) / 2;
  return Array.from({ length: count }, (_, index) => round(start + index * step));
}

function legendOf(
  block: DataFlowBlock,
  x: number,
  y: number,
  width: number,
): DataFlowLayout['legend'] {
  if (block.legend.length === 0) return null;
  const sample = 28;
  const lines = wrap(block.legend, width - sample - 8, DETAIL_SIZE, 3).map((pieces, index) => ({
    x: x + sample + 8,
    y: round(y + DETAIL_SIZE + index * DETAIL_SIZE * LINE),
    size: DETAIL_SIZE,
    tone: 'detail' as const,
    pieces,
  }));
  return { path: `M${x} ${round(y + DETAIL_SIZE * 0.65)}h${sample}`, lines };
}

function legendHeight(legend: DataFlowLayout['legend']): number {
  return legend ? legend.lines.length * DETAIL_SIZE * LINE + 4 : 0;
}

/** The wide layout: the site | the app's hosting | the recipients, arrows through the gaps. */
function wide(block: DataFlowBlock): DataFlowLayout {
  const site = block.nodes.filter((node) => node.kind === 'site');
  const locations = block.nodes.filter((node) => node.kind === 'location');
  const recipients = block.nodes.filter((node) => node.kind === 'recipient');
  const column = (WIDE_WIDTH - SITE_COLUMN - 2 * GAP) / 2;
  const hostingX = SITE_COLUMN + GAP;
  // Without locations (or recipients), the other column moves up beside the site.
  const recipientsX = locations.length > 0 ? hostingX + column + GAP : hostingX;
  const width = recipients.length > 0 && locations.length > 0 ? WIDE_WIDTH : hostingX + column;
  // Arrows from the site straight to a recipient pass over the hosting column, in a lane above it.
  const lane =
    locations.length > 0 &&
    block.edges.some((e) => e.from === 'site' && e.to.startsWith('recipient-'));
  const top = lane ? 24 : 0;
  const [siteBoxes, siteEnd] = stack(site, 0, top, SITE_COLUMN);
  const [locationBoxes, locationsEnd] = stack(locations, hostingX, top, column);
  const [recipientBoxes, recipientsEnd] = stack(recipients, recipientsX, top, column);
  const boxes = [...siteBoxes, ...locationBoxes, ...recipientBoxes];
  const at = byId(boxes);
  const gap1 = round(SITE_COLUMN + GAP / 2);
  const sources = [
    ...new Set(block.edges.filter((e) => e.to.startsWith('recipient-')).map((e) => e.from)),
  ];
  const recipientGap = recipientsX - GAP;
  const channelX = new Map(
    channels(sources.length, recipientGap + 12, recipientsX - HEAD - 10).map((x, index) => [
      sources[index]!,
      x,
    ]),
  );
  const edges = block.edges.flatMap((edge): LaidEdge[] => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) return [];
    const startX = from.x + from.width;
    const startY = from.y + ENTRY;
    const endX = to.x;
    const endY = round(to.y + ENTRY);
    let path: string;
    if (to.kind === 'location') {
      path = `M${startX} ${startY}H${gap1}V${endY}H${endX - HEAD + 1}`;
    } else if (from.kind === 'site' && lane) {
      path = `M${startX} ${startY}H${gap1}V8H${channelX.get(edge.from)}V${endY}H${endX - HEAD + 1}`;
    } else {
      path = `M${startX} ${startY}H${channelX.get(edge.from)}V${endY}H${endX - HEAD + 1}`;
    }
    return [{ from: edge.from, to: edge.to, path, head: head(endX, endY), outside: edge.outside }];
  });
  const bottom = Math.max(siteEnd, locationsEnd, recipientsEnd);
  const legend = legendOf(block, 0, bottom + 16, width);
  return {
    columns: 3,
    width,
    height: Math.ceil(bottom + (legend ? 16 + legendHeight(legend) : 0) + 2),
    boxes,
    edges,
    legend,
  };
}

/** The narrow layout: every box in one column, arrows down a rail on the left, one per source. */
function narrow(block: DataFlowBlock): DataFlowLayout {
  const sources = [...new Set(block.edges.map((edge) => edge.from))];
  const step = sources.length > 1 ? Math.min(7, 42 / (sources.length - 1)) : 0;
  const indent = round(6 + (sources.length - 1) * step + 4 + HEAD + 2);
  const railX = new Map(sources.map((id, index) => [id, round(indent - HEAD - 6 - index * step)]));
  const groups = (['site', 'location', 'recipient'] as const)
    .map((kind) => block.nodes.filter((node) => node.kind === kind))
    .filter((group) => group.length > 0);
  const boxes: LaidBox[] = [];
  let y = 0;
  for (const group of groups) {
    const [laid, end] = stack(group, indent, y, NARROW_WIDTH - indent);
    boxes.push(...laid);
    y = end + GROUP_GAP;
  }
  const at = byId(boxes);
  const edges = block.edges.flatMap((edge): LaidEdge[] => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) return [];
    // Out near the bottom of its source, in near the top of its target: never at one point.
    const startY = round(from.y + from.height - 12);
    const endY = round(to.y + ENTRY);
    const rail = railX.get(edge.from)!;
    return [
      {
        from: edge.from,
        to: edge.to,
        path: `M${indent} ${startY}H${rail}V${endY}H${indent - HEAD + 1}`,
        head: head(indent, endY),
        outside: edge.outside,
      },
    ];
  });
  const bottom = y - GROUP_GAP;
  const legend = legendOf(block, 0, bottom + 16, NARROW_WIDTH);
  return {
    columns: 1,
    width: NARROW_WIDTH,
    height: Math.ceil(bottom + (legend ? 16 + legendHeight(legend) : 0) + 2),
    boxes,
    edges,
    legend,
  };
}

/** The picture of a data-flow block, in one column or three. */
export function layoutDataFlow(block: DataFlowBlock, options: LayoutOptions): DataFlowLayout {
  return options.columns === 1 ? narrow(block) : wide(block);
}
