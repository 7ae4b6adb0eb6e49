import { vi } from 'vitest';
import { productOf } from '../../static/disclosure/src/api/users.ts';

/**
 * A stand-in for `static/disclosure/src/api/index.ts`, the page's only way to the backend and
 * the host. Tests set the answers per call; `vi.mock` in each test file points the module here.
 */
export const api = {
  getDisclosure: vi.fn(),
  listVersions: vi.fn(),
  getVersion: vi.fn(),
  diffVersions: vi.fn(),
  markReviewed: vi.fn(),
  openExternal: vi.fn(async (_url: string) => ({ ok: true as const })),
  getHostContext: vi.fn(),
  enableHostTheme: vi.fn(async () => undefined),
  /** No names by default: the page shows account ids, as when the look-up fails. */
  displayNames: vi.fn(
    async (
      _ids: readonly string[],
      _product: string | null,
    ): Promise<Record<string, string>> => ({}),
  ),
  productOf,
};

/** Clears recorded calls and answers between tests. */
export function resetApi(): void {
  for (const fn of Object.values(api)) {
    if (vi.isMockFunction(fn)) fn.mockReset();
  }
  api.openExternal.mockImplementation(async () => ({ ok: true as const }));
  api.displayNames.mockImplementation(async () => ({}));
}
