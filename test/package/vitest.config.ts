import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The vendor's journey (`npm run test:package`): packs this repository, installs the tarball into a
 * vendor's Forge app and uses it there, and runs init, build and forge:check on every fixture app.
 * Slow (a build, an npm install, Forge's lint and webpack per app), so not in `npm test`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  tsconfig: fileURLToPath(new URL('../../tsconfig.dev.json', import.meta.url)),
  test: {
    include: ['test/package/**/*.test.ts', 'test/cli/init/forge-check.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
