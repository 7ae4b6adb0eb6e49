import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser suite: Debian's Chromium driven by playwright-core against the local preview.
 * Files run one after another (each starts Chromium; the machine has two cores).
 */
export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  resolve: {
    alias: {
      '@declaration': fileURLToPath(new URL('../../src/declaration', import.meta.url)),
      // src/index.ts imports the backend by the package's name; run it from the sources.
      'privacy-disclosure/backend': fileURLToPath(
        new URL('../../src/backend/index.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
