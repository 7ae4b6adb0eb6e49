#!/usr/bin/env node
// In this repository (its sources are here) the CLI runs straight from TypeScript through tsx, so
// `npx privacy-disclosure` works right after `npm install` with no build step. Installed as a
// package, it runs the JavaScript built into dist/ by `npm run build:package`, on plain Node.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let entry = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
}
const { run } = await import(entry.href);
process.exitCode = await run(process.argv.slice(2));
