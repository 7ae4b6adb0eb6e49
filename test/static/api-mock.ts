import { vi } from 'vitest';

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
};

/** Clears recorded calls and answers between tests. */
export function resetApi(): void {
  for (const fn of Object.values(api)) {
    if (vi.isMockFunction(fn)) fn.mockReset();
  }
  api.openExternal.mockImplementation(async () => ({ ok: true as const }));
}
