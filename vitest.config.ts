import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // The root tsconfig.json is Forge's (the functions only); tests compile with the repository's
  // development options, as `npm run typecheck` checks them.
  tsconfig: here('./tsconfig.dev.json'),
  resolve: {
    alias: [
      { find: /^@declaration$/, replacement: here('./src/declaration/index.ts') },
      { find: /^@declaration\/(.*)$/, replacement: here('./src/declaration/$1') },
      // The Forge entry imports the backend by the package's name, as a vendor's app does; tests
      // run it from the sources, never from a stale dist/.
      { find: /^privacy-disclosure\/backend$/, replacement: here('./src/backend/index.ts') },
      {
        find: /^privacy-disclosure\/declaration$/,
        replacement: here('./src/declaration/index.ts'),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The browser suite and the package test (a build and an npm install) have their own configs.
    // The vendor's journey (pack, install, init, build, forge:check per fixture app) is slow: it
    // runs as `npm run test:package`.
    exclude: [
      'test/e2e/**',
      'test/package/**',
      'test/cli/init/forge-check.test.ts',
      'node_modules/**',
    ],
    environment: 'node',
    testTimeout: 20000,
    // Vitest 4 leaves a core free unless told (availableParallelism() - 1 workers outside watch
    // mode), which is one worker on a 2-core machine: run test files on every core. Each file runs
    // in its own process (the default `forks` pool); tests use ports and temporary folders of
    // their own, so none clash.
    maxWorkers: availableParallelism(),
    // The CLI bundle is rebuilt once, before the tests that start the CLI as a process.
    globalSetup: ['test/cli/bundle-setup.ts'],
  },
});
