/**
 * Whether a TypeScript app's compiler options let TypeScript find `privacy-disclosure/backend`,
 * which the package publishes through package.json `exports`. Forge's bundler compiles with
 * ts-loader over the app's tsconfig.json (over an empty one when the app has none), with the
 * TypeScript 5 it depends on; a module resolution that ignores `exports` (node10, classic) then
 * fails with TS2307. The defaults below are TypeScript 5's. init only says what to change: the
 * vendor's tsconfig.json is theirs. Pure.
 */

/** The compiler options that decide module resolution, as written (any letter case). */
export interface ResolutionOptions {
  module?: string;
  moduleResolution?: string;
  target?: string;
}

/** What init read of the app's tsconfig.json (and what it extends). */
export type TsconfigRead =
  | { kind: 'none' }
  | { kind: 'options'; options: ResolutionOptions }
  /** It, or a file it extends, cannot be read: init cannot tell, so it says nothing. */
  | { kind: 'unreadable' };

/** How TypeScript resolves modules, and what in the options makes it so. */
export interface Resolution {
  mode: 'node10' | 'classic' | 'node16' | 'nodenext' | 'bundler';
  /** The setting that decides it, in the words of tsconfig.json. */
  because: string;
}

function lower(value: string | undefined): string | undefined {
  return value?.trim().toLowerCase();
}

/** TypeScript 5's `module` when none is given: ES2015 from an ES2015 target on, else CommonJS. */
function defaultModule(target: string | undefined): string {
  const year = lower(target);
  return year && year !== 'es3' && year !== 'es5' ? 'es2015' : 'commonjs';
}

/** The module resolution TypeScript 5 uses for these options. */
export function resolutionOf(options: ResolutionOptions): Resolution {
  const written = lower(options.moduleResolution);
  if (written === 'node' || written === 'node10') {
    return { mode: 'node10', because: `"moduleResolution": "${options.moduleResolution}"` };
  }
  if (written === 'classic' || written === 'node16' || written === 'nodenext') {
    return { mode: written, because: `"moduleResolution": "${options.moduleResolution}"` };
  }
  if (written === 'bundler') return { mode: 'bundler', because: '"moduleResolution": "bundler"' };
  const module = lower(options.module) ?? defaultModule(options.target);
  const because =
    options.module === undefined
      ? 'neither "module" nor "moduleResolution" set'
      : `"module": "${options.module}" without "moduleResolution"`;
  if (module === 'commonjs') return { mode: 'node10', because };
  if (module === 'node16' || module === 'node18' || module === 'node20')
    return { mode: 'node16', because };
  if (module === 'nodenext') return { mode: 'nodenext', because };
  if (module === 'preserve') return { mode: 'bundler', because };
  return { mode: 'classic', because };
}

/** Whether that resolution reads package.json `exports`. */
export function readsExports(resolution: Resolution): boolean {
  return resolution.mode !== 'node10' && resolution.mode !== 'classic';
}

const FIX =
  'set "module": "es2022" and "moduleResolution": "bundler" in its compilerOptions (webpack, Forge\'s bundler, resolves imports that way)';

/**
 * The note init prints for a TypeScript app whose settings would not find the backend, or
 * undefined when they would (or when init cannot tell).
 */
export function tsconfigNote(read: TsconfigRead, handlerPath: string): string | undefined {
  if (read.kind === 'unreadable') return undefined;
  if (read.kind === 'none') {
    return `Your app has no tsconfig.json, so Forge's bundler compiles ${handlerPath} with TypeScript's defaults, which resolve modules as node10 and ignore package.json "exports", through which privacy-disclosure publishes privacy-disclosure/backend: TypeScript can fail to find it (TS2307). Add a tsconfig.json that includes your sources ("include": ["src/**/*.ts"]) and ${FIX}.`;
  }
  const resolution = resolutionOf(read.options);
  if (readsExports(resolution)) return undefined;
  const what =
    resolution.mode === 'classic'
      ? 'which does not look in node_modules'
      : 'which ignores package.json "exports", through which privacy-disclosure publishes privacy-disclosure/backend';
  return `Your tsconfig.json resolves modules as ${resolution.mode} (${resolution.because}), ${what}: when Forge's bundler compiles ${handlerPath}, TypeScript can fail to find it (TS2307). In tsconfig.json, ${FIX}. init does not change your tsconfig.json.`;
}
