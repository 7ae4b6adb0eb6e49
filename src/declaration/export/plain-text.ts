import type { Inline } from '../document/index.ts';
import { isolate } from './bidi.ts';

/**
 * A run as plain text, for a CSV cell, a Marketplace answer or a page title: the app's words as
 * they are, each vendor text isolated from them (first-strong isolate characters, only where it
 * can change direction: see `isolate`), a link as its text and a badge as its words.
 */
export function plainText(run: Inline): string {
  return run
    .map((part) => {
      if (typeof part === 'string') return part;
      switch (part.kind) {
        case 'vendor':
          return isolate(part.text);
        case 'link':
          return plainText(part.text);
        case 'badge':
          return part.text;
      }
    })
    .join('');
}
