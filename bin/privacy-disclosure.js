#!/usr/bin/env node
// Runs the TypeScript CLI straight from source: tsx (a dependency) compiles it on the fly, so
// `npx privacy-disclosure` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
