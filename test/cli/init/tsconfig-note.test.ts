/**
 * init on a TypeScript app whose tsconfig.json (or the lack of one) makes TypeScript resolve
 * modules in a way that ignores package.json `exports`, through which the package publishes
 * privacy-disclosure/backend: init says what to change and leaves tsconfig.json alone. Which
 * settings those are is checked against TypeScript itself, the version Forge's bundler uses.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type TypeScript from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { runInit } from '../../../src/cli/init/index.ts';
import {
  readsExports,
  resolutionOf,
  type ResolutionOptions,
} from '../../../src/cli/init/tsconfig-resolution.ts';
import { captureIo, copyFixture, fakeUi, REPO_ROOT, scratch } from './helpers.ts';

const ui = fakeUi();
const made: string[] = [ui];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function initWith(tsconfig: string | undefined, extra: Record<string, string> = {}) {
  const dir = copyFixture('jsm-request-checklist');
  made.push(dir);
  if (tsconfig === undefined) rmSync(join(dir, 'tsconfig.json'));
  else writeFileSync(join(dir, 'tsconfig.json'), tsconfig);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const io = captureIo();
  const code = await runInit(['--dir', dir, '--ui', ui], io, { today: '2026-12-01' });
  return { dir, code, out: io.out(), err: io.err() };
}

const NODE10 = `{
  "compilerOptions": {
    "target": "ES2020",
    "module": "commonjs",
    "moduleResolution": "node",
    "strict": true
  },
  "include": ["src/**/*.ts"]
}
`;

describe('init on a TypeScript app', () => {
  it('says what to change for "moduleResolution": "node", and leaves tsconfig.json as it was', async () => {
    const result = await initWith(NODE10);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      '  - Your tsconfig.json resolves modules as node10 ("moduleResolution": "node"), which ignores package.json "exports", through which privacy-disclosure publishes privacy-disclosure/backend: when Forge\'s bundler compiles src/privacy-disclosure.ts, TypeScript can fail to find it (TS2307). In tsconfig.json, set "module": "es2022" and "moduleResolution": "bundler" in its compilerOptions',
    );
    expect(readFileSync(join(result.dir, 'tsconfig.json'), 'utf8')).toBe(NODE10);
    // The fixture's own tsconfig.json resolves as the bundler does: nothing to say.
    const fixture = readFileSync(
      join(REPO_ROOT, 'test/fixtures/forge-apps/jsm-request-checklist/tsconfig.json'),
      'utf8',
    );
    expect((await initWith(fixture)).out).not.toContain('tsconfig.json');
  });

  it('says so when there is no tsconfig.json, and writes none', async () => {
    const result = await initWith(undefined);
    expect(result.out).toMatch(
      /- Your app has no tsconfig\.json, so Forge's bundler compiles src\/privacy-disclosure\.ts with TypeScript's defaults, which resolve modules as node10 .*Add a tsconfig\.json/,
    );
    expect(() => readFileSync(join(result.dir, 'tsconfig.json'))).toThrow();
  });

  it('reads "module": "commonjs" with no moduleResolution as node10', async () => {
    const result = await initWith('{ "compilerOptions": { "module": "CommonJS" } }\n');
    expect(result.out).toContain(
      'resolves modules as node10 ("module": "CommonJS" without "moduleResolution")',
    );
  });

  it('follows extends, through comments and trailing commas', async () => {
    const result = await initWith(
      '{\n  // Shared settings of our apps.\n  "extends": "./tsconfig.base.json",\n  "include": ["src/**/*.ts",],\n}\n',
      {
        'tsconfig.base.json':
          '{ /* the team default */ "compilerOptions": { "moduleResolution": "node10", "strict": true, }, }\n',
      },
    );
    expect(result.out).toContain('resolves modules as node10 ("moduleResolution": "node10")');
  });
});

describe('which settings read package.json exports, as TypeScript itself resolves', () => {
  // The TypeScript that Forge's bundler depends on (its ts-loader compiles with it).
  const bundler = createRequire(join(REPO_ROOT, 'node_modules/@forge/bundler/package.json'));
  const ts = bundler('typescript') as typeof TypeScript;
  const app = scratch('exports-only');
  made.push(app);
  const pkg = join(app, 'node_modules/privacy-disclosure');
  mkdirSync(join(pkg, 'dist/backend'), { recursive: true });
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({
      name: 'privacy-disclosure',
      type: 'module',
      exports: {
        './backend': {
          types: './dist/backend/index.d.ts',
          default: './dist/backend/index.js',
        },
      },
    }),
  );
  writeFileSync(join(pkg, 'dist/backend/index.d.ts'), 'export declare const backend: 1;\n');
  mkdirSync(join(app, 'src'));
  writeFileSync(
    join(app, 'src/privacy-disclosure.ts'),
    "export * from 'privacy-disclosure/backend';\n",
  );

  const settings: ResolutionOptions[] = [
    {},
    { target: 'es2022' },
    { module: 'commonjs' },
    { module: 'commonjs', moduleResolution: 'node' },
    { module: 'commonjs', moduleResolution: 'node10' },
    { module: 'es2022', moduleResolution: 'classic' },
    { module: 'esnext' },
    { module: 'es2022', moduleResolution: 'bundler' },
    { module: 'ESNext', moduleResolution: 'Bundler' },
    { module: 'preserve' },
    { module: 'node16' },
    { module: 'nodenext', moduleResolution: 'nodenext' },
    { module: 'commonjs', moduleResolution: 'node16' },
  ];

  it.each(settings)('%o', (options) => {
    const { options: compilerOptions, errors } = ts.convertCompilerOptionsFromJson(options, app);
    expect(errors).toEqual([]);
    const resolved = ts.resolveModuleName(
      'privacy-disclosure/backend',
      join(app, 'src/privacy-disclosure.ts'),
      compilerOptions,
      ts.sys,
    ).resolvedModule;
    expect(readsExports(resolutionOf(options))).toBe(resolved !== undefined);
  });
});
