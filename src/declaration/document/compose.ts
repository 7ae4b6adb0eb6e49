import type { MessageKey, Params, PluralKey, Translator } from '../i18n/index.ts';
import type { Inline, InlinePart } from './model.ts';

/**
 * Sentences of the catalogue with parts in them that must stay apart (vendor text, links): the
 * translator fills a placeholder with a private-use marker for each such part, and the marker is
 * then replaced by the part itself, so the catalogue decides the word order ("Backups in
 * {places}", "{places}のバックアップ") and the parts keep their isolation.
 */

/** Private-use characters that never occur in a catalogue: a marker is `\uE000<n>\uE001`. */
const MARKER = /\uE000(\d+)\uE001/;

/** A value for a placeholder: the app's words, a number (formatted for the locale) or a run. */
export type Part = string | number | Inline;

function marker(index: number): string {
  return `\uE000${index}\uE001`;
}

/** Drops empty words and joins neighbouring words, so renderers see each run once. */
export function normalized(parts: Inline): Inline {
  const out: Inline = [];
  for (const part of parts) {
    if (part === '') continue;
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}

function splice(message: string, runs: Inline[]): Inline {
  const pieces = message.split(MARKER);
  const out: InlinePart[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) out.push(piece);
    else out.push(...(runs[Number(piece)] ?? []));
  });
  return normalized(out);
}

function withMarkers(params: Record<string, Part>, runs: Inline[]): Params {
  const plain: Params = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') plain[name] = value;
    else plain[name] = marker(runs.push(value) - 1);
  }
  return plain;
}

/** The message at `key` with its placeholders filled by words, numbers or runs. */
export function say(translator: Translator, key: MessageKey, params: Record<string, Part> = {}) {
  const runs: Inline[] = [];
  return splice(translator.t(key, withMarkers(params, runs)), runs);
}

/** The plural at `key` for `count`, with its other placeholders filled by words or runs. */
export function sayPlural(
  translator: Translator,
  key: PluralKey,
  count: number,
  params: Record<string, Part> = {},
): Inline {
  const runs: Inline[] = [];
  return splice(translator.plural(key, count, withMarkers(params, runs)), runs);
}

/** Runs joined as a list in the reader's language ("A, B and C"), each run kept whole. */
export function listOf(translator: Translator, items: Inline[]): Inline {
  const present = items.filter(hasText);
  if (present.length === 0) return [];
  return splice(translator.list(present.map((_, index) => marker(index))), present);
}

/** Whether a run shows anything: a word, a vendor text, a link or a badge. */
export function hasText(run: Inline | null | undefined): run is Inline {
  return (
    !!run &&
    run.some((part) =>
      typeof part === 'string' ? part.trim() !== '' : part.kind !== 'vendor' || part.text !== '',
    )
  );
}

/** The words of a run as one string, vendor text as written: for comparing, never for showing. */
export function textOf(run: Inline): string {
  return run
    .map((part) =>
      typeof part === 'string' ? part : part.kind === 'link' ? textOf(part.text) : part.text,
    )
    .join('');
}
