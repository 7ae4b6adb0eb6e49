/**
 * Code the page loads apart from its first view (a dynamic `import()`), once per page view:
 * every caller shares the one load, the module is at hand synchronously once it is in, and a
 * failed load is forgotten, so the next call (a Retry) tries again.
 */
export interface LazyCode<T> {
  /** Starts the load, or answers the one under way or done. */
  load(): Promise<T>;
  /** The loaded module, or undefined while it is not in. */
  loaded(): T | undefined;
  /** Forgets the module, so that it is loaded again (tests: a page view loads it once). */
  forget(): void;
}

export function lazyCode<T>(importer: () => Promise<T>): LazyCode<T> {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      loading ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
    forget() {
      module = undefined;
      loading = undefined;
    },
  };
}
