import { createElement, Fragment, type ReactNode } from 'react';

/**
 * A sentence of the app's own words around values that are rendered apart (vendor text in a
 * direction isolate, say), as one node: `phrase('Declared by ', vendor)`. The parts are passed
 * as children, not as an array, so they need no keys.
 */
export function phrase(...parts: ReactNode[]): ReactNode {
  return createElement(Fragment, null, ...parts);
}
