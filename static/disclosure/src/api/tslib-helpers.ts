/**
 * What `@forge/bridge` and the packages it brings (`@forge/i18n`, `@forge/egress`) get for
 * `tslib` in this page's build (see `static/disclosure/vite.config.ts`). Their CommonJS output
 * calls three of tslib's helpers: `__exportStar`, `__importDefault` and `__importStar`. A
 * CommonJS `require` of tslib's ES module keeps all of its forty helpers (5 KB gzipped, a third
 * of the bridge chunk) for those. These are tslib 2's algorithms, as they are in
 * `tslib.es6.mjs`; a test holds that the bridge calls no other helper.
 */

type Module = Record<string, unknown> & { __esModule?: boolean };

/** Re-exports `module[key]` on `target` as `name`, live (a getter) unless it is a plain value. */
function createBinding(target: object, module: Module, key: string, name: string = key): void {
  let descriptor = Object.getOwnPropertyDescriptor(module, key);
  if (
    !descriptor ||
    ('get' in descriptor ? !module.__esModule : descriptor.writable || descriptor.configurable)
  ) {
    descriptor = { enumerable: true, get: () => module[key] };
  }
  Object.defineProperty(target, name, descriptor);
}

/** `export * from`: every export of `module` but its default, not already on `target`. */
export function __exportStar(module: Module, target: object): void {
  for (const key in module) {
    if (key !== 'default' && !Object.prototype.hasOwnProperty.call(target, key)) {
      createBinding(target, module, key);
    }
  }
}

/** `import x from` a CommonJS module: the module itself is its default. */
export function __importDefault(module: Module): Module {
  return module && module.__esModule ? module : { default: module };
}

/** `import * as x from` a CommonJS module: its own keys, and the module as the default. */
export function __importStar(module: Module): Module {
  if (module && module.__esModule) return module;
  const result: Module = {};
  if (module != null) {
    for (const key of Object.getOwnPropertyNames(module)) {
      if (key !== 'default') createBinding(result, module, key);
    }
  }
  Object.defineProperty(result, 'default', { enumerable: true, value: module });
  return result;
}
