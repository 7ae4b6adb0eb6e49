import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** The Atlassian design-token themes the Forge host loads into a themed app, and the host uses itself. */
const TOKEN_THEMES = ['light', 'dark', 'spacing', 'typography', 'shape'] as const;

let tokensCss: string | null = null;

/**
 * The design-token stylesheet (light and dark colours, spacing, typography, shape) taken from the
 * installed @atlaskit/tokens, so the preview shows the same values as the product.
 */
export function designTokensCss(): string {
  tokensCss ??= TOKEN_THEMES.map(
    (theme) =>
      (
        require(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${theme}.js`) as {
          default: string;
        }
      ).default,
  ).join('\n');
  return tokensCss;
}

/** The scripts the preview serves to the browser, built from `client/` on first request. */
export type ClientScript = 'bridge' | 'host';

const scripts = new Map<ClientScript, Promise<string>>();

/** The bundled JavaScript of one browser script (an IIFE with no imports left). */
export function clientScript(name: ClientScript): Promise<string> {
  let script = scripts.get(name);
  if (!script) {
    script = build({
      entryPoints: [fileURLToPath(new URL(`./client/${name}.ts`, import.meta.url))],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
    // A failed build is not cached, so fixing the source and reloading works.
    script.catch(() => scripts.delete(name));
    scripts.set(name, script);
  }
  return script;
}
