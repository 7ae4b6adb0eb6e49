/**
 * The four parts of `@forge/bridge` this page uses, loaded from the package's own files.
 *
 * Why not `import '@forge/bridge'`: the package is CommonJS and its index loads every feature
 * (modals, realtime, Rovo, the ADF renderer with iframe-resizer, ...), which bundlers cannot
 * drop; that alone is about 28 KB gzipped of the 150 KB page budget. Its `exports` map hides the
 * files, so they are imported by relative path. The calls are the same ones the package makes.
 */
export { makeInvoke } from '../../../../node_modules/@forge/bridge/out/invoke/invoke.js';
export { getContext } from '../../../../node_modules/@forge/bridge/out/view/getContext.js';
export { theme } from '../../../../node_modules/@forge/bridge/out/view/theme.js';
export { router } from '../../../../node_modules/@forge/bridge/out/router/router.js';
