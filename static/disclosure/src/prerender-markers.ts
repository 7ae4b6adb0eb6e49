/**
 * What a pre-rendered index.html carries, for the page's start-up to read (no React, no server
 * code: main.tsx may import this). The build writes the document part of the page into `#root`
 * ahead of time (see prerender.tsx); the page confirms it against the served version.
 */

/** On `#root`: the content hash of the version the first paint was rendered from. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

/** On `#root`: the shipped locale the first paint is written in (`en-US`). */
export const PRERENDER_LOCALE_ATTRIBUTE = 'data-locale';

/**
 * On `<html>`, put by the gate script when the reader's language is not the first paint's: the
 * pre-render stays hidden (`visibility: hidden`) until the page shows or replaces it.
 */
export const PRERENDER_HIDDEN_CLASS = 'prerender-hidden';

/** The gate: a classic external script in `<head>` (no inline script under Forge's CSP). */
export const PRERENDER_GATE_FILE = 'prerender-gate.js';

/**
 * On `#root`, put by the page once it took over: `confirmed` when it drew over the first paint of
 * the version it was served (the same markup), `replaced` when it drew another version or
 * language over it. Absent: there was no first paint to take over.
 */
export const FIRST_PAINT_STATE_ATTRIBUTE = 'data-first-paint';
