import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The package test (`npm run test:package`): packs this repository, installs the tarball into a
 * vendor's Forge app and uses it there. Slow (a build and an npm install), so not in `npm test`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  tsconfig: fileURLToPath(new URL('../../tsconfig.dev.json', import.meta.url)),
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
