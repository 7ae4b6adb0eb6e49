import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the Custom UI into `dist/` (the manifest's resource path). `base: './'` because Forge
 * serves the resource from an unknown path; scripts stay external files because the Custom UI
 * content security policy forbids inline scripts.
 */
export default defineConfig(({ command }) => {
  // A build is always the production page, even when started from a test runner that sets
  // NODE_ENV=test: Vite derives "production" from NODE_ENV after loading this file, and with
  // anything else the React plugin emits development JSX calls (jsxDEV) that the production
  // React runtime does not have, and the page never renders.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config(command);
});

function config(command: 'build' | 'serve') {
  return {
    root: here('./'),
    // The root tsconfig.json is Forge's and covers only the Forge functions; the UI compiles with
    // the repository's development options (JSX, DOM) like the typecheck does.
    tsconfig: here('../../tsconfig.dev.json'),
    base: './',
    plugins: [react()],
    // A build is always the production page, even when started from a test runner that sets
    // NODE_ENV=test (React would otherwise ship its development build, three times larger).
    define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    resolve: {
      alias: [
        { find: /^@declaration$/, replacement: here('../../src/declaration/index.ts') },
        { find: /^@declaration\/(.*)$/, replacement: here('../../src/declaration/$1') },
      ],
    },
    build: {
      outDir: here('./dist'),
      emptyOutDir: true,
      target: 'es2022',
      // A data: URL for a small asset would be inlined into the page; keep everything a file.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      sourcemap: false,
    },
  };
}
