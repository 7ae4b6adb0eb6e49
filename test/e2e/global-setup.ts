import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const UI_CONFIG = fileURLToPath(new URL('../../static/disclosure/vite.config.ts', import.meta.url));
const BUILT_PAGE = fileURLToPath(
  new URL('../../static/disclosure/dist/index.html', import.meta.url),
);

/** Builds the UI when it has not been built, so `npm run test:e2e` works on its own too. */
export default async function setup(): Promise<void> {
  if (existsSync(BUILT_PAGE) && process.env.E2E_REBUILD !== '1') return;
  await build({ configFile: UI_CONFIG, logLevel: 'warn' });
}
