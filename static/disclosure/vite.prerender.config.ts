import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';
import page from './vite.config.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The page's plugin that writes the resource's catalogues: the pre-render has them inside. */
const PAGE_ONLY_PLUGINS = new Set(['forge-locales']);

function named(option: PluginOption): Plugin[] {
  if (!option || option instanceof Promise) return [];
  if (Array.isArray(option)) return option.flatMap(named);
  return [option as Plugin];
}

/**
 * Builds `src/prerender.tsx` for Node into `prerender/` (outside the resource folder, so Forge
 * never serves it): one ES module with React, react-dom/server, the document model and the
 * catalogues inside, since the package a vendor installs does not depend on React. It resolves
 * and transforms as the page's build does (the same aliases and JSX, and the token themes cut
 * to what the page uses), so the first paint is the page's.
 */
export default defineConfig((env) => {
  const base = (typeof page === 'function' ? page(env) : page) as UserConfig;
  const plugins = named(base.plugins).filter((plugin) => !PAGE_ONLY_PLUGINS.has(plugin.name));
  return {
    root: base.root,
    tsconfig: (base as { tsconfig?: string }).tsconfig,
    base: './',
    plugins,
    resolve: base.resolve,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    publicDir: false,
    // Everything inside: a vendor's app has no React to resolve at build time.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: here('./src/prerender.tsx'),
      outDir: here('./prerender'),
      emptyOutDir: true,
      target: 'node20',
      sourcemap: false,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'prerender.js', format: 'es' } },
    },
  } as UserConfig;
});
