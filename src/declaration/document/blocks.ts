import type { MessageKey, Translator } from '../i18n/index.ts';
import { translationFor } from '../present/localize.ts';
import type { Text } from '../schema/index.ts';
import { hasText, listOf, say } from './compose.ts';
import type {
  Block,
  Definition,
  DefinitionsBlock,
  Flow,
  Inline,
  LinkRun,
  NotesBlock,
  ParagraphBlock,
  VendorRun,
} from './model.ts';

/**
 * Small constructors for the model's blocks, so that each section reads as what it shows.
 * Every vendor text enters the model through `vendor` or `words`.
 */

/** A vendor text in the reader's language, with `lang` where it fell back; null when none. */
export function vendor(text: Text | undefined, locale: string): VendorRun | null {
  const found = translationFor(text, locale);
  if (!found) return null;
  return found.lang
    ? { kind: 'vendor', text: found.text, lang: found.lang }
    : { kind: 'vendor', text: found.text };
}

/** A vendor text as a run: empty when there is none. */
export function run(text: Text | undefined, locale: string): Inline {
  const found = vendor(text, locale);
  return found ? [found] : [];
}

/**
 * Words the vendor wrote that have no translations (a version label, a region code, an address):
 * set apart like any vendor text, in no stated language.
 */
export function words(text: string | undefined): Inline {
  return text ? [{ kind: 'vendor', text }] : [];
}

/** A link to `href` showing `text`, or the address itself (the vendor's words) without one. */
export function link(href: string | undefined, text?: Inline, testId?: string): Inline {
  if (!href) return [];
  const part: LinkRun = { kind: 'link', href, text: text ?? words(href.replace(/^mailto:/i, '')) };
  if (testId) part.testId = testId;
  return [part];
}

/** Vendor texts in the reader's language, empty ones dropped. */
export function runs(texts: readonly Text[] | undefined, locale: string): Inline[] {
  return (texts ?? []).map((text) => run(text, locale)).filter(hasText);
}

/** A paragraph of one run; nothing when the run is empty. */
export function paragraph(content: Inline, options: Omit<ParagraphBlock, 'kind' | 'content'> = {}) {
  return hasText(content) ? [{ kind: 'paragraph' as const, content, ...options }] : [];
}

/** A list item of one run. */
export function item(content: Inline): Flow {
  return [{ kind: 'paragraph', content }];
}

/** A list of runs; nothing when none has text. */
export function list(items: Inline[]): Block[] {
  const present = items.filter(hasText);
  return present.length > 0 ? [{ kind: 'list', items: present.map(item) }] : [];
}

/**
 * A definition list of `[label key, details]` rows, leaving out the rows without details; nothing
 * when no row has any. Details are one run or several lines.
 */
export function definitions(
  translator: Translator,
  rows: [MessageKey | Inline, Inline | Inline[] | null | undefined, string?][],
  variant?: DefinitionsBlock['variant'],
): Block[] {
  const items: Definition[] = [];
  for (const [term, value, key] of rows) {
    const lines = (isLines(value) ? value : [value]).filter(hasText);
    if (lines.length === 0) continue;
    const item: Definition = {
      term: typeof term === 'string' ? [translator.t(term)] : term,
      details: lines,
    };
    if (key) item.key = key;
    items.push(item);
  }
  if (items.length === 0) return [];
  return [variant ? { kind: 'definitions', items, variant } : { kind: 'definitions', items }];
}

function isLines(value: Inline | Inline[] | null | undefined): value is Inline[] {
  return Array.isArray(value) && value.length > 0 && Array.isArray(value[0]);
}

/** The vendor's notes on what precedes them; nothing when there are none. */
export function notes(
  translator: Translator,
  texts: readonly Text[] | undefined,
  locale: string,
): NotesBlock[] {
  const items = runs(texts, locale);
  if (items.length === 0) return [];
  return [{ kind: 'notes', label: translator.t('label.notes'), items }];
}

/** "Label: value" in the reader's language; empty when the value is. */
export function labelled(translator: Translator, key: MessageKey, value: Inline): Inline {
  return hasText(value)
    ? say(translator, 'value.labelled', { label: translator.t(key), value })
    : [];
}

/** A note paragraph "Label: value"; nothing when the value is empty. */
export function labelledNote(translator: Translator, key: MessageKey, value: Inline): Block[] {
  return paragraph(labelled(translator, key, value), { note: true });
}

/** Runs joined as a list in the reader's language. */
export function joinedList(translator: Translator, items: Inline[]): Inline {
  return listOf(translator, items);
}

/** Two runs as "first, second", or whichever of them there is. */
export function pair(translator: Translator, first: Inline, second: Inline): Inline {
  if (!hasText(first)) return second;
  if (!hasText(second)) return first;
  return say(translator, 'value.pair', { first, second });
}

/** Two runs as "first. second", or whichever of them there is. */
export function sentences(translator: Translator, first: Inline, second: Inline): Inline {
  if (!hasText(first)) return second;
  if (!hasText(second)) return first;
  return say(translator, 'value.sentences', { first, second });
}

/** "value (detail)", or the value alone. */
export function withDetail(translator: Translator, value: Inline, detail: Inline): Inline {
  return hasText(detail) ? say(translator, 'value.withDetail', { value, detail }) : value;
}

/** Yes or No in the reader's language; empty for undefined. */
export function yesNo(translator: Translator, value: boolean | undefined): Inline {
  return value === undefined ? [] : [translator.t(value ? 'value.yes' : 'value.no')];
}

/** The first run that has text, or the fallback. */
export function firstOf(...candidates: Inline[]): Inline {
  return candidates.find(hasText) ?? [];
}

/** A heading of the app's words over blocks; nothing when there is nothing under it. */
export function headed(translator: Translator, key: MessageKey, blocks: Block[]): Block[] {
  return blocks.length > 0 ? [{ kind: 'heading', text: [translator.t(key)], blocks }] : [];
}
