import type * as ForgeBridge from '@forge/bridge';
import { lazyCode } from '../lazy-code.ts';

/**
 * The one place that loads `@forge/bridge`, through its public entry (its internal files are not
 * part of its API and move between versions). The bridge throws while loading when the page is
 * not inside an Atlassian host (no `__bridge` global), so it is imported lazily: a missing host
 * then becomes a readable error in the page instead of a blank iframe. The page loads it at
 * start either way: it is part of the first view (11.6 KB gzipped, once the UI build leaves out
 * iframe-resizer, lodash's path parser and the tslib helpers it never calls: see the Vite config).
 */
type Bridge = typeof ForgeBridge;

// A failed load lets a later call try again (the host may define the bridge after a delay).
const bridge = lazyCode<Bridge>(() => import('@forge/bridge'));

/** The `@forge/bridge` module, loaded once on first use. */
export function loadBridge(): Promise<Bridge> {
  return bridge.load();
}

/** A short, readable description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message.trim()) return error.message.trim().split('\n')[0]!;
  if (typeof error === 'string' && error.trim()) return error.trim();
  return 'Unknown error';
}
