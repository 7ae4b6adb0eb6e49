import type { Reporter } from './errors.ts';
import type { StorageKeys } from './keys.ts';
import type { KeyValueStore } from './store.ts';

/** Where the disclosure's records live and how to read them. */
export interface StorageContext {
  /** Forge storage, or a stand-in. */
  store: KeyValueStore;
  /** The key layout under the configured prefix. */
  keys: StorageKeys;
  /** The clock, for publication and review times. */
  now: () => Date;
  /** Where skipped damaged records and repairs are reported. */
  report: Reporter;
  /**
   * The layout to copy from once when nothing has been copied yet: this app's own storage from
   * before the prefix. Null for an app that never stored the disclosure without a prefix.
   */
  bareKeys: StorageKeys | null;
}
